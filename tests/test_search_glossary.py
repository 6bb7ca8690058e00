"""Glossary terms: the model, matching terms in page text, tooltips and search synonyms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalogue import Catalogue, load
from generator.models.glossary import Term
from generator.search.glossary import Glossary, GlossaryTerm, name_pattern
from generator.search.site import SiteSearch

EXAMPLE = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    found, problems = load(EXAMPLE, EXAMPLE / "playbooks")
    assert not [p for p in problems if p.severity == "error"], problems
    return found


def _term(ident: str, names: tuple[str, ...], tooltip: str = "t") -> GlossaryTerm:
    return GlossaryTerm(ident, names[0], names, names, tooltip, f"glossary/{ident}.md")


def test_the_example_glossary_has_the_core_terms_in_both_languages(catalogue: Catalogue) -> None:
    terms = {e.id: e.definition for e in catalogue.of_kind("term")}
    assert {"mql", "sql", "sla", "lead", "pipeline", "quota", "prospect", "campaign", "conversion"} <= set(terms)
    mql = terms["mql"]
    assert isinstance(mql, Term)
    assert "lead kwalifikowany marketingowo" in mql.names("pl")
    assert "marketing-qualified lead" in mql.names("en")
    assert set(mql.all_names()) >= {"MQL", "lead kwalifikowany marketingowo", "marketing-qualified lead"}


@pytest.mark.parametrize(
    ("name", "lang", "text", "found"),
    [
        ("lead", "pl", "Kontakt z leadem i lista leadów.", ["leadem", "leadów"]),
        ("lead", "en", "Leads and a lead, but not a leader.", ["Leads", "lead"]),
        ("kwota sprzedażowa", "pl", "Nowa kwoty sprzedażowej nie ma.", ["kwoty sprzedażowej"]),
        ("MQL", "pl", "Liczba MQL-i i MQL. Nie mql ani MQLX.", ["MQL-i", "MQL"]),
        ("MQL", "en", "Two MQLs, one MQL.", ["MQLs", "MQL"]),
        ("lead kwalifikowany marketingowo", "pl", "To leady kwalifikowane marketingowo.",
         ["leady kwalifikowane marketingowo"]),
    ],
)
def test_a_name_matches_its_inflected_forms(name: str, lang: str, text: str, found: list[str]) -> None:
    pattern = re.compile(r"(?<!\w)(?:" + name_pattern(name, lang) + r")(?!\w)")
    assert [m.group(0) for m in pattern.finditer(text)] == found


def test_annotate_wraps_terms_in_abbr_with_the_definition_but_not_in_code_links_or_headings() -> None:
    glossary = Glossary([_term("lead", ("lead",), 'Lead: a "person" & more')], "en")
    html = (
        '<h2>A lead</h2><p>One lead, <a href="x">a lead link</a>, <code>lead</code>.</p>'
        '<pre class="mermaid"><code>lead --> x</code></pre>'
    )
    out, found = glossary.annotate(html)
    assert found == {"lead"}
    assert out.count("<abbr") == 1
    assert '<p>One <abbr class="pb-term" data-pb-term="lead" title="Lead: a &quot;person&quot; &amp; more">lead</abbr>,' in out
    assert "<h2>A lead</h2>" in out and "<code>lead</code>" in out and "lead --> x" in out


def test_the_longest_name_wins_where_names_overlap() -> None:
    glossary = Glossary([
        _term("lead", ("lead",)),
        _term("mql", ("MQL", "lead kwalifikowany marketingowo")),
    ], "pl")
    out, found = glossary.annotate("<p>Każdy lead kwalifikowany marketingowo to też lead.</p>")
    assert found == {"lead", "mql"}
    assert 'data-pb-term="mql" title="t">lead kwalifikowany marketingowo</abbr>' in out
    assert out.endswith('to też <abbr class="pb-term" data-pb-term="lead" title="t">lead</abbr>.</p>')


def test_terms_in_headings_count_as_mentioned_for_search(catalogue: Catalogue) -> None:
    glossary = Glossary.of(catalogue, "pl")
    assert glossary.mentioned("<h1>Przekazanie MQL</h1>") >= {"mql"}
    synonyms = glossary.synonyms({"mql"})
    assert "lead kwalifikowany marketingowo" in synonyms and "marketing-qualified lead" in synonyms


def test_tooltips_of_the_example_carry_the_short_definition(catalogue: Catalogue) -> None:
    glossary = Glossary.of(catalogue, "en")
    out, found = glossary.annotate("<p>Every MQL goes to sales.</p>")
    assert found == {"mql"}
    assert 'title="MQL: Marketing-qualified lead: a contact that meets the definition' in out


def test_a_term_page_carries_its_own_names_and_a_page_its_title_terms_apart(catalogue: Catalogue) -> None:
    """What ranks the term's own page first, then the pages about it, then mere mentions."""
    search = SiteSearch(catalogue, "pl")
    term = search._facts("glossary/quota.md", "glossary/quota/", "Kwota sprzedażowa",
                         {"playbook": {"kind": "term", "id": "quota"}})
    assert "quota" in term.names and "Sales quota" in term.names and "Kwota sprzedażowa" in term.names
    assert term.about == () and term.synonyms == ()
    search.content("<p>Każdy MQL i każdy lead.</p>", "goals/monthly-sales-quota.md")
    goal = search._facts("goals/monthly-sales-quota.md", "goals/monthly-sales-quota/",
                         "Miesięczna kwota sprzedażowa", {"playbook": {"kind": "goal", "id": "monthly-sales-quota"}})
    assert goal.names == ()
    assert len(goal.about) == 1 and "Sales quota" in goal.about[0].split(" · ")
    assert not any("quota" in group for group in goal.synonyms)
    assert any("lead kwalifikowany marketingowo" in group.split(" · ") for group in goal.synonyms)
    search.content("<p>Każdy MQL i każda kwota sprzedażowa.</p>", "goals/index.md")
    listing = search._facts("goals/index.md", "goals/", "Cele", {"playbook": {"kind": "index", "of": "goal"}})
    assert listing.listing and listing.synonyms == () and listing.about == ()
