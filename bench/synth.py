"""A synthetic playbook project of N definitions, for the benchmark.

Realistic on the axes that cost time: every kind, both languages in every text, files of one to
two kilobytes, and references between definitions (teams own processes, goals and strategies;
processes name an SLA on a hand-off; checklists point at processes; playbooks use anything). The
output is deterministic for a given ``n`` and ``seed``, so two runs measure the same project.

The project is a copy of the repository's own site (its ``mkdocs.yml`` and hand-written
``content/``) with ``playbooks/`` replaced by the synthetic definitions.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent

#: Share of each kind among the definitions; teams are few, as in a real organisation.
SHARES: dict[str, float] = {
    "process": 0.24,
    "goal": 0.17,
    "strategy": 0.17,
    "checklist": 0.14,
    "sla": 0.06,
    "playbook": 0.22,
}
#: A glossary is tens to a few hundred words, whatever the number of definitions.
MAX_TERMS = 150
SECTIONS = {
    "team": "teams", "process": "processes", "goal": "goals", "strategy": "strategies",
    "checklist": "checklists", "sla": "slas", "playbook": "playbooks", "term": "glossary",
}
#: A word that appears in exactly one definition, so a search for it has one known answer.
NEEDLE = "kwartalnik"

_PL_SUBJECTS = [
    "Zespół marketingu", "Handlowiec", "Dział sprzedaży", "Opiekun klienta", "Kierownik kampanii",
    "Specjalista ds. leadów", "Analityk", "Zespół wsparcia", "Menedżer produktu", "Dyrektor sprzedaży",
]
_PL_VERBS = [
    "przygotowuje", "sprawdza", "uzgadnia", "przekazuje", "mierzy", "opisuje", "planuje",
    "porządkuje", "zatwierdza", "omawia", "aktualizuje", "wysyła",
]
_PL_OBJECTS = [
    "listę leadów zakwalifikowanych w tym kwartale", "raport z wynikami kampanii",
    "definicję idealnego klienta", "ofertę dla obecnych klientów", "plan kontaktów telefonicznych",
    "materiały dla handlowców", "budżet reklamowy na następny miesiąc",
    "notatkę ze spotkania z klientem", "harmonogram wydarzeń branżowych",
    "podsumowanie rozmów sprzedażowych", "scenariusz prezentacji produktu",
    "ankietę satysfakcji klientów", "status leadów w CRM", "cennik i warunki współpracy",
]
_PL_TAILS = [
    "zanim rozpocznie się kampania", "w ciągu jednego dnia roboczego", "raz w tygodniu",
    "razem z zespołem sprzedaży", "zgodnie z umową SLA", "na podstawie danych z CRM",
    "przed spotkaniem kwartalnym", "dla każdej grupy docelowej", "bez zbędnej zwłoki",
    "i zapisuje wnioski w CRM",
]
_EN_SUBJECTS = [
    "The marketing team", "The sales rep", "The sales department", "The account manager",
    "The campaign manager", "The lead specialist", "The analyst", "The support team",
    "The product manager", "The sales director",
]
_EN_VERBS = [
    "prepares", "checks", "agrees on", "hands over", "measures", "describes", "plans",
    "tidies up", "approves", "discusses", "updates", "sends",
]
_EN_OBJECTS = [
    "the list of leads qualified this quarter", "the campaign results report",
    "the ideal customer profile", "the offer for existing customers", "the call plan",
    "the materials for sales reps", "next month's advertising budget",
    "the notes from the customer meeting", "the industry events calendar",
    "the summary of sales conversations", "the product demo script",
    "the customer satisfaction survey", "the lead status in the CRM",
    "the price list and terms",
]
_EN_TAILS = [
    "before the campaign starts", "within one working day", "once a week",
    "together with the sales team", "as the SLA requires", "from the CRM data",
    "before the quarterly meeting", "for every target group", "without delay",
    "and records the findings in the CRM",
]
_PL_TITLES = [
    "Kwalifikacja leadów", "Kampania e-mailowa", "Przegląd lejka", "Spotkanie z klientem",
    "Wydarzenie branżowe", "Program poleceń", "Odnowienie umowy", "Ankieta klientów",
    "Prezentacja produktu", "Planowanie budżetu", "Analiza konkurencji", "Wdrożenie klienta",
]
_EN_TITLES = [
    "Lead qualification", "Email campaign", "Funnel review", "Customer meeting",
    "Industry event", "Referral programme", "Contract renewal", "Customer survey",
    "Product demo", "Budget planning", "Competitor analysis", "Customer onboarding",
]
_TAGS = ["leads", "mql", "sql", "kampania", "crm", "sla", "onboarding", "pipeline", "b2b",
         "retencja", "webinar", "content", "telefon", "wydarzenia"]


@dataclass
class _Ids:
    by_kind: dict[str, list[str]] = field(default_factory=dict)

    def pick(self, rng: random.Random, kind: str) -> str:
        return rng.choice(self.by_kind[kind])


def counts(n: int) -> dict[str, int]:
    """How many definitions of each kind make a project of ``n`` (at least one of each)."""
    teams = min(12, max(2, 2 + n // 500))
    rest = max(n - teams, len(SHARES))
    out = {"team": teams}
    for kind, share in SHARES.items():
        out[kind] = max(1, int(rest * share))
    out["term"] = min(MAX_TERMS, max(3, n * 3 // 100))
    out["playbook"] = max(1, out["playbook"] - out["term"])
    out["playbook"] += max(0, n - sum(out.values()))
    return out


class _Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def sentence(self, lang: str) -> str:
        r = self.rng
        if lang == "pl":
            return f"{r.choice(_PL_SUBJECTS)} {r.choice(_PL_VERBS)} {r.choice(_PL_OBJECTS)} {r.choice(_PL_TAILS)}."
        return f"{r.choice(_EN_SUBJECTS)} {r.choice(_EN_VERBS)} {r.choice(_EN_OBJECTS)} {r.choice(_EN_TAILS)}."

    def text(self, sentences: int = 1) -> dict[str, str]:
        """A bilingual text; the sentence choices are the same in both languages' length."""
        return {
            "pl": " ".join(self.sentence("pl") for _ in range(sentences)),
            "en": " ".join(self.sentence("en") for _ in range(sentences)),
        }

    def title(self, i: int) -> dict[str, str]:
        k = self.rng.randrange(len(_PL_TITLES))
        return {"pl": f"{_PL_TITLES[k]} {i}", "en": f"{_EN_TITLES[k]} {i}"}

    def short(self) -> dict[str, str]:
        k = self.rng.randrange(len(_PL_OBJECTS))
        return {"pl": _PL_OBJECTS[k].capitalize(), "en": _EN_OBJECTS[k].capitalize()}


def _head(w: _Writer, kind: str, ident: str, i: int) -> dict[str, object]:
    return {
        "kind": kind,
        "id": ident,
        "title": w.title(i),
        "summary": w.text(1),
        "owner": w.rng.choice(["marketing", "sales", "revops", "enablement"]),
        "tags": w.rng.sample(_TAGS, 3),
        "review_by": f"{2030 + i % 3}-{1 + i % 12:02d}-{1 + i % 28:02d}",
    }


def _team(w: _Writer, ident: str, i: int, ids: _Ids) -> dict[str, object]:
    return {
        **_head(w, "team", ident, i),
        "mission": w.text(1),
        "approach": w.text(2),
        "responsibilities": [w.short() for _ in range(3)],
        "prospects": {"segments": ["new-audiences", "known-contacts"], "description": w.text(1)},
        "horizon": {"scope": w.rng.choice(["broad", "focused"]), "periods": ["quarter", "year"],
                    "description": w.text(1)},
    }


def _process(w: _Writer, ident: str, i: int, ids: _Ids) -> dict[str, object]:
    team = ids.pick(w.rng, "team")
    other = w.rng.choice([t for t in ids.by_kind["team"] if t != team])  # a hand-off changes team
    steps: list[dict[str, object]] = []
    for k in range(3):
        steps.append({
            "id": f"step-{k + 1}",
            "title": w.short(),
            "owner": team if k < 2 else other,
            "description": w.text(1),
            "duration": w.rng.choice(["1 day", "2 hours", "1 week"]),
        })
    steps[0]["outputs"] = [w.short()]
    handoff: dict[str, object] = {"from": "step-2", "to": "step-3", "what": w.short()}
    if w.rng.random() < 0.5:
        handoff["sla"] = ids.pick(w.rng, "sla")
    return {**_head(w, "process", ident, i), "team": team, "trigger": w.text(1), "steps": steps,
            "handoffs": [handoff]}


def _goal(w: _Writer, ident: str, i: int, ids: _Ids) -> dict[str, object]:
    return {
        **_head(w, "goal", ident, i),
        "team": ids.pick(w.rng, "team"),
        "statement": w.text(2),
        "metric": w.text(2),
        "target": w.rng.choice([40, 120, 400, 1000, 250000]),
        "unit": w.rng.choice(["MQL", "PLN", "%", "leads"]),
        "period": w.rng.choice(["month", "quarter", "year"]),
        "goal_type": w.rng.choice(["awareness", "leads", "quota", "revenue", "retention"]),
    }


def _strategy(w: _Writer, ident: str, i: int, ids: _Ids) -> dict[str, object]:
    return {
        **_head(w, "strategy", ident, i),
        "team": ids.pick(w.rng, "team"),
        "channels": [w.short(), w.short()],
        "tactics": [w.text(1), w.text(1)],
        "audience": w.text(1),
        "goals": sorted({ids.pick(w.rng, "goal") for _ in range(2)}),
        "measured_by": [w.short()],
    }


def _checklist(w: _Writer, ident: str, i: int, ids: _Ids) -> dict[str, object]:
    items = []
    for k in range(4):
        item: dict[str, object] = {"text": w.text(1), "owner": "manager", "due": f"day {k + 1}"}
        if k == 0:
            item["processes"] = [ids.pick(w.rng, "process")]
        items.append(item)
    return {
        **_head(w, "checklist", ident, i),
        "role": w.rng.choice(["sales-rep", "marketer", "account-manager"]),
        "team": ids.pick(w.rng, "team"),
        "sections": [{"title": w.short(), "items": items}],
    }


def _sla(w: _Writer, ident: str, i: int, ids: _Ids) -> dict[str, object]:
    parties = w.rng.sample(ids.by_kind["team"], 2)
    return {
        **_head(w, "sla", ident, i),
        "parties": parties,
        "parameters": [
            {"id": "leads_per_month", "type": "integer", "label": w.short(),
             "default": 100, "min": 1},
            {"id": "response_hours", "type": "duration", "unit": "hours", "label": w.short(),
             "default": 24},
        ],
        "derived": [{"id": "leads_per_week", "label": w.short(),
                     "expression": "leads_per_month / 4", "round": "up"}],
        "clauses": [
            {"id": "delivery", "title": w.short(),
             "body": {"pl": "Marketing dostarcza {{ leads_per_month }} leadów miesięcznie. "
                            + w.sentence("pl"),
                      "en": "Marketing delivers {{ leads_per_month }} leads a month. "
                            + w.sentence("en")}},
            {"id": "response", "title": w.short(),
             "body": {"pl": "Sprzedaż odpowiada w {{ response_hours }} godzin.",
                      "en": "Sales responds within {{ response_hours }} hours."}},
        ],
    }


def _playbook(w: _Writer, ident: str, i: int, ids: _Ids) -> dict[str, object]:
    steps = []
    for _ in range(3):
        uses = sorted({ids.pick(w.rng, w.rng.choice(["process", "goal", "strategy", "sla"]))
                       for _ in range(2)})
        steps.append({"title": w.short(), "description": w.text(1), "uses": uses})
    return {
        **_head(w, "playbook", ident, i),
        "scenario": w.text(1),
        "company_size": w.rng.choice(["any", "small", "large"]),
        "steps": steps,
    }


#: Glossary words that occur in the synthetic texts (so tooltips and synonyms have work to do).
_TERMS = [("CRM", "CRM"), ("lead", "lead"), ("kampania", "campaign"), ("budżet", "budget"),
          ("ankieta", "survey"), ("oferta", "offer"), ("lejek", "funnel"), ("klient", "customer"),
          ("prezentacja", "demo"), ("raport", "report"), ("SLA", "SLA"), ("wydarzenie", "event")]


def _term(w: _Writer, ident: str, i: int, ids: _Ids) -> dict[str, object]:
    k = int(ident.rsplit("-", 1)[1]) - 1
    pl, en = _TERMS[k] if k < len(_TERMS) else (f"pojęcie {k}", f"term {k}")
    head = _head(w, "term", ident, i)
    head["title"] = {"pl": pl, "en": en}
    return {
        **head,
        "definition": w.text(2),
        "synonyms": {"pl": [f"{pl} firmowy"], "en": [f"company {en}"]},
        "see_also": [t for t in ids.by_kind["term"][:2] if t != ident],
        "related": [ids.pick(w.rng, "process")],
    }


_MAKERS: dict[str, Callable[[_Writer, str, int, _Ids], dict[str, object]]] = {
    "team": _team, "sla": _sla, "goal": _goal, "process": _process, "strategy": _strategy,
    "checklist": _checklist, "playbook": _playbook, "term": _term,
}


def _fields_of(kind: str) -> set[str]:
    from generator.models import KINDS

    model = KINDS[kind]
    return {info.alias or name for name, info in model.model_fields.items()}


def definitions(n: int, seed: int = 7) -> dict[str, dict[str, object]]:
    """``{relative path: data}`` of a project of ``n`` definitions."""
    rng = random.Random(seed)
    w = _Writer(rng)
    wanted = counts(n)
    ids = _Ids({kind: [f"{kind}-{k + 1:05d}" for k in range(count)] for kind, count in wanted.items()})
    out: dict[str, dict[str, object]] = {}
    i = 0
    for kind in _MAKERS:  # teams and SLAs first: others refer to them
        allowed = _fields_of(kind)
        for ident in ids.by_kind[kind]:
            i += 1
            data = _MAKERS[kind](w, ident, i, ids)
            # an optional field the model no longer has is left out (the models evolve)
            out[f"{SECTIONS[kind]}/{ident}.yaml"] = {k: v for k, v in data.items() if k in allowed}
    middle = out[f"processes/{ids.by_kind['process'][len(ids.by_kind['process']) // 2]}.yaml"]
    summary = middle["summary"]
    assert isinstance(summary, dict)
    summary["pl"] = f"{summary['pl']} Zobacz {NEEDLE}."
    summary["en"] = f"{summary['en']} See the {NEEDLE}."
    return out


def needle_page(n: int) -> str:
    """The address (relative to the site) of the one page that holds :data:`NEEDLE`."""
    ident = f"process-{counts(n)['process'] // 2 + 1:05d}"
    return f"processes/{ident}/"


def dump(data: dict[str, object]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def make_project(root: Path, n: int, seed: int = 7, pdf: bool = True) -> Path:
    """Write a project of ``n`` definitions into ``root`` (created); return ``root``.

    ``pdf=False`` turns the plugin's checklist PDFs off in the copied ``mkdocs.yml``.
    """
    root.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if not pdf:
        marker = "  - playbook:\n"
        if marker not in config:
            raise ValueError("mkdocs.yml: no '  - playbook:' plugin entry to set 'pdf: false' on")
        config = config.replace(marker, f"{marker}      pdf: false\n", 1)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "content", root / "content", dirs_exist_ok=True)
    if (REPO / "templates").is_dir():
        shutil.copytree(REPO / "templates", root / "templates", dirs_exist_ok=True)
    playbooks = root / "playbooks"
    for rel, data in definitions(n, seed).items():
        path = playbooks / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(data), encoding="utf-8")
    return root
