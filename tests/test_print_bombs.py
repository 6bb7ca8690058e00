"""Images in a project's print templates that would take too long or too much memory to print are
refused in plain words, before WeasyPrint decodes or draws them (generator.checklists.bombs)."""

from __future__ import annotations

import struct
import time
import zlib
from pathlib import Path

import pytest

from generator.checklists import bombs
from generator.checklists.pdf import render_pdf
from generator.errors import UserError


def _png(width: int, height: int) -> bytes:
    """A real, decodable grey PNG (all black), small however large it is."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    packer = zlib.compressobj(9)
    row = b"\0" * (width + 1)
    pixels = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _nested_uses(levels: int, fan_out: int = 10) -> bytes:
    """An SVG whose every group repeats the one before ``fan_out`` times: fan_out**levels shapes."""
    groups = ['<rect id="l0" width="1" height="1"/>']
    for level in range(1, levels + 1):
        groups.append(f'<g id="l{level}">' + f'<use href="#l{level - 1}"/>' * fan_out + "</g>")
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs>'
            + "".join(groups) + f'</defs><use href="#l{levels}"/></svg>').encode()


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE svg [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
<!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
]>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text y="20">&h;</text></svg>
"""


def _print_with(tmp_path: Path, name: str, data: bytes) -> None:
    """Render a page showing ``templates/print/<name>``, a file of the project."""
    templates = tmp_path / "templates"
    (templates / "print").mkdir(parents=True)
    image = templates / "print" / name
    image.write_bytes(data)
    render_pdf(f'<html><body><p>Logo:</p><img src="{image.as_uri()}"></body></html>', [templates])


def test_a_png_of_huge_dimensions_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    """6,000 x 6,000 pixels in a file of 40 kB: decoded, it took seconds and hundreds of MB
    (13,000 x 13,000 took 30 s and 1.5 GB, or a MemoryError traceback under a 1 GB cap)."""
    started = time.perf_counter()
    with pytest.raises(UserError) as caught:
        _print_with(tmp_path, "logo.png", _png(6000, 6000))
    assert time.perf_counter() - started < 3
    assert caught.value.render().splitlines() == [
        "templates/print/logo.png:1:1: the image is 6,000 × 6,000 pixels, more than a printed page "
        "can show (at most 25,000,000 pixels; an A4 page at 300 dpi is about 2,480 × 3,508): "
        "scale it down. No PDF was made.",
        "Found 1 error in 1 file.",
    ]


def test_an_svg_billion_laughs_is_said_not_silently_left_out(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"templates/print/laughs.svg:1:1: the SVG's entities "
                       r"\(<!ENTITY ...>\) expand into far more text"):
        _print_with(tmp_path, "laughs.svg", LAUGHS)


def test_an_svg_that_repeats_itself_without_end_is_refused(tmp_path: Path) -> None:
    """29 levels of ten <use> each: WeasyPrint drew on for hours (and swallowed Ctrl+C)."""
    started = time.perf_counter()
    with pytest.raises(UserError, match=r"uses.svg:1:1: the SVG draws more than 20,000 shapes"):
        _print_with(tmp_path, "uses.svg", _nested_uses(29))
    assert time.perf_counter() - started < 3


def test_a_huge_image_in_a_data_url_is_refused_too(tmp_path: Path) -> None:
    import base64

    url = "data:image/png;base64," + base64.b64encode(_png(6000, 6000)).decode()
    with pytest.raises(UserError, match=r"^a data: URL in a print template:1:1: the image is 6,000 × 6,000"):
        render_pdf(f'<html><body><img src="{url}"></body></html>', [tmp_path])


def test_ordinary_logos_print(tmp_path: Path) -> None:
    """No false alarm: a 1,000 x 300 PNG and an SVG using a shape a thousand times."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "logo.png").write_bytes(_png(1000, 300))
    (templates / "logo.svg").write_bytes(_nested_uses(3))
    html = "".join(f'<img src="{(templates / n).as_uri()}">' for n in ("logo.png", "logo.svg"))
    rendered = render_pdf(f"<html><body>{html}</body></html>", [templates])
    assert rendered.pdf.startswith(b"%PDF") and rendered.pages >= 1
    assert rendered.pdf.count(b"/Subtype /Image") >= 1  # the PNG is in, not left out


@pytest.mark.parametrize(("svg", "message"), [
    (_nested_uses(3), None),  # 2,221 shapes
    (_nested_uses(4), "the SVG draws more than 20,000 shapes"),  # 22,221
    (b'<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><use href="#a"/></g></svg>',
     "the SVG element 'a' uses itself, without end"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><defs><pattern id="p"><rect fill="url(#p)"/>'
     b'</pattern></defs></svg>', "the SVG element 'p' uses itself"),
    (b"<svg>" + b"<g>" * 300 + b"</g>" * 300 + b"</svg>", "the SVG is nested more than 200 levels"),
    (b"<not xml", None),  # not ours to judge: WeasyPrint leaves it out
], ids=["2k-shapes", "22k-shapes", "use-itself", "pattern-itself", "300-deep", "not-xml"])
def test_svg_structure_limits(svg: bytes, message: str | None) -> None:
    found = bombs.problem(svg)
    if message is None:
        assert found is None
    else:
        assert found is not None and found.startswith(message)


def test_a_file_over_the_size_limit_is_refused_by_its_size() -> None:
    assert bombs.size_problem(bombs.MAX_BYTES) is None
    assert bombs.size_problem(bombs.MAX_BYTES + 1) == (
        "the file is 20.0 MB; a PDF may use files of at most 20 MB: make it smaller.")
    assert bombs.size_problem(123_456_789) == (
        "the file is 123.5 MB; a PDF may use files of at most 20 MB: make it smaller.")
