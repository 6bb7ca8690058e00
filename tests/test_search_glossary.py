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


def _marked(html: str) -> list[tuple[str, str]]:
    """``(term id, text)`` of every tooltip in ``html``."""
    return re.findall(r'<abbr class="pb-term" data-pb-term="([^"]*)" title="[^"]*">(.*?)</abbr>', html, re.S)


@pytest.mark.parametrize(
    ("lang", "html", "marked"),
    [
        # a clause ends without a comma: "After the campaign, marketing and sales..."
        ("pl", "<p>Po kampanii marketing i sprzedaż razem omawiają wyniki.</p>", [("campaign", "kampanii")]),
        ("pl", "<p>Ile dni przed startem kampanii marketing zapowiada ją sprzedaży.</p>",
         [("campaign", "kampanii")]),
        ("pl", "<p>Wyniki kampanii, marketingowe działania i leady.</p>",
         [("campaign", "kampanii"), ("lead", "leady")]),
        ("pl", "<p>To koniec kampanii. Marketingowa część jest gotowa.</p>", [("campaign", "kampanii")]),
        ("pl", "<p>Wyniki kampanii – marketingowe i sprzedażowe.</p>", [("campaign", "kampanii")]),
        ("pl", "<p>Wyniki kampanii: marketingowe.</p>", [("campaign", "kampanii")]),
        ("pl", "<p>Wyniki kampanii<br>marketingowej.</p>", [("campaign", "kampanii")]),
        ("pl", "<p>Wyniki kampanii <em>marketingowej</em>.</p>", [("campaign", "kampanii")]),
        ("pl", "<ul><li>kampania</li>\n<li>marketingowa akcja</li></ul>", [("campaign", "kampania")]),
        ("pl", "<p>Grupa; docelowa</p>", []),
        ("en", "<p>We hit the target. Groups of buyers came.</p>", []),
        ("en", "<p>Aim at the target, groups follow.</p>", []),
        ("en", "<p>the target<br/>groups</p>", []),
        ("en", "<p>A <strong>target</strong> group</p>", []),
        ("en", "<p>Close the lead.\nSource: the CRM.</p>", [("lead", "lead"), ("crm", "CRM")]),
    ],
)
def test_a_term_is_not_marked_across_a_sentence_clause_or_element(
    catalogue: Catalogue, lang: str, html: str, marked: list[tuple[str, str]],
) -> None:
    out, found = Glossary.of(catalogue, lang).annotate(html)
    assert _marked(out) == marked
    assert found == {term for term, _ in marked}


@pytest.mark.parametrize(
    ("lang", "text", "term"),
    [
        ("pl", "kampanii marketingowej", "campaign"),
        ("pl", "Kampanię marketingową", "campaign"),
        ("pl", "kampaniami marketingowymi", "campaign"),
        ("pl", "kampanii\n   marketingowej", "campaign"),  # a wrapped line: a space to the reader
        ("pl", "kampanii&nbsp;marketingowej", "campaign"),
        ("pl", "lejka sprzedażowego", "pipeline"),
        ("pl", "lejkiem sprzedażowym", "pipeline"),
        ("pl", "kwoty sprzedażowej", "quota"),
        ("pl", "grup docelowych", "target-group"),
        ("pl", "handlowca", "sales-rep"),
        ("pl", "handlowcami", "sales-rep"),
        ("pl", "Handlowiec", "sales-rep"),
        ("pl", "sprzedawcy", "sales-rep"),
        ("pl", "przedstawicielem handlowym", "sales-rep"),
        ("pl", "umowy SLA", "sla"),
        ("pl", "leadów", "lead"),
        ("pl", "klientów", "customer"),
        ("pl", "potencjalnych klientów", "prospect"),
        ("en", "target\n   groups", "target-group"),
        ("en", "Sales reps", "sales-rep"),
        ("en", "salespeople", None),
        ("en", "clients", "customer"),
    ],
)
def test_inflected_forms_within_a_sentence_still_match(
    catalogue: Catalogue, lang: str, text: str, term: str | None,
) -> None:
    out, _ = Glossary.of(catalogue, lang).annotate(f"<p>Tu: {text}.</p>")
    assert _marked(out) == ([(term, text)] if term else [])


def test_the_adjective_keeps_its_ow_and_does_not_match_the_noun() -> None:
    pattern = re.compile(name_pattern("kampania marketingowa", "pl") + r"(?!\w)")
    assert pattern.fullmatch("kampanii marketingowej") and pattern.fullmatch("kampanią marketingową")
    assert not pattern.match("kampanii marketing") and not pattern.match("kampanii marketingu")
    planning = re.compile(name_pattern("planowanie kampanii", "pl"))
    assert planning.fullmatch("planowaniem kampanii") and not planning.match("plan kampanii")


def test_nothing_is_marked_inside_a_character_reference() -> None:
    glossary = Glossary([_term("quota", ("quota",))], "pl")  # Polish stem: "quot"
    out, found = glossary.annotate("<p>Mówimy &quot;quota&quot; i &amp; dalej.</p>")
    assert out == ('<p>Mówimy &quot;<abbr class="pb-term" data-pb-term="quota" title="t">quota</abbr>&quot; '
                   "i &amp; dalej.</p>")
    assert found == {"quota"}


def test_text_not_in_nfc_is_still_matched_where_it_is_plain() -> None:
    glossary = Glossary([_term("lead", ("lead",))], "pl")
    decomposed = "Zaz\u0307o\u0301ł\u0107 lead"  # "Zażółć" with combining marks
    out, found = glossary.annotate(f"<p>{decomposed}</p>")
    assert found == {"lead"} and out.endswith('<abbr class="pb-term" data-pb-term="lead" title="t">lead</abbr></p>')
