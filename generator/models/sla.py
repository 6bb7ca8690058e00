"""An SLA template between two teams: typed parameters, derived values and clauses.

The template is data; filling it with an organisation's values happens in :mod:`generator.sla`.
Besides the field types, a template is checked as a whole (:meth:`Sla._check_template`): every
default fits its own parameter's rules, every name an expression or a placeholder uses exists,
expressions are well-typed, and placeholders sit where a value can be shown literally. These
problems come back as ordinary validation errors, at the field where they are, so ``playbook
check`` reports them at ``file:line:col`` like any other mistake.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    Tag,
    ValidationError,
    ValidatorFunctionWrapHandler,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from ..messages import suggest
from ..sla import expr, schema, wording
from ..sla.body import compile_body
from ..sla.numbers import MAX_ABS, PLURAL_CATEGORIES, needed_categories
from ..sla.placeholders import PlaceholderError, find, line_col
from ..tr import tr, tr_n
from .base import (
    TEXT_KINDS,
    TEXT_TAG,
    TRANSLATIONS_TAG,
    Definition,
    Line,
    Model,
    ShortText,
    Slug,
    Text,
    Translations,
    ref,
)
from .money import CurrencyCode

_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
#: Names a parameter cannot take: YAML reads them as something else, or they are functions.
RESERVED = {"true", "false", "null", "and", "or", "not", "if", "else", "in", "is", *expr.FUNCTIONS}


def _check_name(value: str) -> str:
    if not _NAME_RE.match(value):
        raise ValueError(tr(
            "{name!r} is not a valid parameter name: use lowercase letters, digits and "
            "underscores, starting with a letter, like 'leads_per_month'", name=value))
    if value in RESERVED:
        raise ValueError(tr("{name!r} cannot be a parameter name: it is a reserved word", name=value))
    return value


def _bounded(value: int | float) -> int | float:
    if not math.isfinite(value) or abs(value) > MAX_ABS:
        raise ValueError(tr("must be between -1e15 and 1e15"))
    return value


Name = Annotated[StrictStr, AfterValidator(_check_name)]
Number = Annotated[StrictInt | StrictFloat, AfterValidator(_bounded)]
Whole = Annotated[StrictInt, AfterValidator(_bounded)]
#: An ISO 4217 code, as a goal's currency takes it (:mod:`.money`): a code that is no currency
#: ('PLZ') is said with the one meant, not taken because it has three capitals.
Currency = Annotated[CurrencyCode, Field(description="ISO 4217 code, like PLN.")]

#: The help of a parameter's ``type`` (each ``*Param`` repeats the field to give it) and of a
#: list item's (the ``*Rules``' own): one text for every type, naming them all, as ``playbook new``
#: writes a text parameter only ('type: # one of: text').
PARAMETER_TYPE = ("The parameter's type: text, integer, decimal, percent, money, duration, date, "
                  "email, choice or list; which other fields the parameter takes depends on it.")
ITEM_TYPE = ("The items' type: text, integer, decimal, percent, money, duration, date, email or "
             "choice; which other rules the items take depends on it.")


# -- the rules of each type (shared by parameters and list items) --------------------------------

class TextRules(Model):
    type: Literal["text"] = Field(description=ITEM_TYPE)
    max_length: int = Field(default=500, ge=1, le=10000, description="Most characters allowed.")
    multiline: StrictBool = Field(default=False, description="A box of several lines on the form.")


class IntegerRules(Model):
    type: Literal["integer"] = Field(description=ITEM_TYPE)
    min: Whole | None = Field(default=None, description="Smallest value allowed.")
    max: Whole | None = Field(default=None, description="Largest value allowed.")


class DecimalRules(Model):
    type: Literal["decimal"] = Field(description=ITEM_TYPE)
    min: Number | None = Field(default=None, description="Smallest value allowed.")
    max: Number | None = Field(default=None, description="Largest value allowed.")
    decimals: int = Field(default=2, ge=0, le=6, description="Decimal places allowed and shown.")


class PercentRules(Model):
    type: Literal["percent"] = Field(description=ITEM_TYPE)
    min: Number = Field(default=0, description="Smallest percentage allowed.")
    max: Number = Field(default=100, description="Largest percentage allowed.")
    decimals: int = Field(default=1, ge=0, le=4, description="Decimal places allowed.")


class MoneyRules(Model):
    type: Literal["money"] = Field(description=ITEM_TYPE)
    currency: Currency = "PLN"
    currencies: list[Currency] = Field(
        default_factory=list, description="Other currencies a value may be given in."
    )
    min: Number | None = Field(default=0, description="Smallest amount allowed.")
    max: Number | None = Field(default=None, description="Largest amount allowed.")


class DurationRules(Model):
    type: Literal["duration"] = Field(description=ITEM_TYPE)
    unit: Literal["hours", "working-days", "days"] = Field(
        description="hours, working-days or days."
    )
    min: Number | None = Field(default=0, description="Shortest duration allowed.")
    max: Number | None = Field(default=None, description="Longest duration allowed.")
    decimals: int = Field(default=1, ge=0, le=2, description="Decimal places allowed.")


class DateRules(Model):
    type: Literal["date"] = Field(description=ITEM_TYPE)


class EmailRules(Model):
    type: Literal["email"] = Field(description=ITEM_TYPE)


class Choice(Model):
    value: Slug = Field(description="What a values file writes, and what conditions compare with.")
    label: Text = Field(description="What the form and the document show.")
    text: ShortText | None = Field(
        default=None,
        description="The words inside a sentence of a clause, like {pl: co miesiąc, en: monthly}; "
                    "by default the label with a small first letter (give it when the label starts "
                    "with a name, like 'Salesforce').")


class ChoiceRules(Model):
    type: Literal["choice"] = Field(description=ITEM_TYPE)
    choices: list[Choice] = Field(
        min_length=1, max_length=100,
        description="The choices offered, each with its value, its label and optionally its text; "
                    "at least one.")


ItemRules = Annotated[
    TextRules | IntegerRules | DecimalRules | PercentRules | MoneyRules | DurationRules
    | DateRules | EmailRules | ChoiceRules,
    Field(discriminator="type"),
]


def _item_shorthand(value: Any) -> Any:
    """``item: email`` is short for ``item: {type: email}``."""
    return {"type": value} if isinstance(value, str) else value


def _item_shorthand_schema(schema: dict[str, Any]) -> None:
    """The JSON Schema of ``item`` takes the shorthand too: the name of a type that needs no
    other rule (an editor would otherwise mark ``item: email`` as wrong)."""
    names = [
        name
        for rules in get_args(get_args(ItemRules)[0])
        if all(field == "type" or not info.is_required() for field, info in rules.model_fields.items())
        for name in get_args(rules.model_fields["type"].annotation)
    ]
    full = dict(schema)
    description = full.pop("description", None)
    schema.clear()
    schema["anyOf"] = [{"type": "string", "enum": names}, full]
    if description:
        schema["description"] = description


# -- parameters ----------------------------------------------------------------------------------

class _Param(Model):
    id: Name = Field(description="Name used in clauses as {{ name }} and in values files.")
    label: Text = Field(description="Label shown on the form and in the document.")
    help: Text | None = Field(default=None, description="Help text shown under the field.")
    required: StrictBool = Field(
        default=False, description="A value must be given (a parameter with a default never is)."
    )


class TextParam(TextRules, _Param):
    type: Literal["text"] = Field(description=PARAMETER_TYPE)
    default: Text | None = Field(
        default=None, description="The text used when none is given; may differ per language."
    )


class IntegerParam(IntegerRules, _Param):
    type: Literal["integer"] = Field(description=PARAMETER_TYPE)
    default: Whole | None = Field(default=None, description="The whole number used when none is given.")


class DecimalParam(DecimalRules, _Param):
    type: Literal["decimal"] = Field(description=PARAMETER_TYPE)
    default: Number | None = Field(default=None, description="The number used when none is given, like 2.5.")


class PercentParam(PercentRules, _Param):
    type: Literal["percent"] = Field(description=PARAMETER_TYPE)
    default: Number | None = Field(
        default=None, description="The percentage used when none is given: 40 means 40%."
    )


class MoneyValue(Model):
    amount: Number = Field(description="The amount: a number without spaces or a currency sign, like 30000.")
    currency: Currency


class MoneyParam(MoneyRules, _Param):
    type: Literal["money"] = Field(description=PARAMETER_TYPE)
    default: Number | MoneyValue | None = Field(
        default=None,
        description="The amount used when none is given: a number in the parameter's currency, or "
                    "{amount: ..., currency: ...}.")


class DurationParam(DurationRules, _Param):
    type: Literal["duration"] = Field(description=PARAMETER_TYPE)
    default: Number | None = Field(
        default=None, description="The duration used when none is given: a number in the parameter's unit."
    )


class DateParam(DateRules, _Param):
    type: Literal["date"] = Field(description=PARAMETER_TYPE)
    default: StrictStr | None = Field(default=None, description="A date written as YYYY-MM-DD.")


class EmailParam(EmailRules, _Param):
    type: Literal["email"] = Field(description=PARAMETER_TYPE)
    default: StrictStr | None = Field(default=None, description="The e-mail address used when none is given.")


class ChoiceParam(ChoiceRules, _Param):
    type: Literal["choice"] = Field(description=PARAMETER_TYPE)
    default: StrictStr | None = Field(default=None, description="The value of one of the choices.")


class ListParam(_Param):
    type: Literal["list"] = Field(description=PARAMETER_TYPE)
    item: Annotated[ItemRules, BeforeValidator(_item_shorthand)] = Field(
        description="The type of each item: a type name like 'email', or its rules.",
        json_schema_extra=_item_shorthand_schema,
    )
    default: list[Any] | None = Field(
        default=None, description="The items used when none are given: a list of items that fit 'item', "
                                  "none twice.")
    min_items: int = Field(default=0, ge=0, le=500, description="Fewest items allowed.")
    max_items: int = Field(default=50, ge=1, le=500, description="Most items allowed.")


Parameter = Annotated[
    TextParam
    | IntegerParam
    | DecimalParam
    | PercentParam
    | MoneyParam
    | DurationParam
    | DateParam
    | EmailParam
    | ChoiceParam
    | ListParam,
    Field(discriminator="type"),
]

NUMBER_TYPES = {"integer", "decimal", "percent", "money", "duration"}


def value_type(param: Any) -> str:
    """How an expression sees a parameter: ``number``, ``text`` or ``list``."""
    if param.type == "list":
        return "list"
    return "number" if param.type in NUMBER_TYPES else "text"


# -- the unit of a derived value, with its plural forms -----------------------------------------

FORMS_TAG = "__forms__"
#: Numbers that take each plural category, for messages.
_CATEGORY_NUMBERS = {
    "pl": {"one": "1", "few": "2, 3, 4, 22", "many": "0, 5, 12, 25", "other": "1,5"},
    "en": {"one": "1", "other": "0, 2, 5"},
}
_FRACTION = {"pl": "1,5", "en": "1.5"}
_EXAMPLE_FORMS = {"pl": "{one: transakcja, few: transakcje, many: transakcji}",
                  "en": "{one: deal, other: deals}"}
_ALL_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}


def _unit_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return TEXT_TAG
    if isinstance(value, dict):
        return FORMS_TAG
    return None


PluralForms = dict[StrictStr, Line]


def _word_or_forms(value: Any) -> Any:
    """A language's unit that is neither a word nor forms (``pl: [sztuka]``): said here, in the
    messages' language (the discriminator's own message below would be fixed at import)."""
    if value is not None and _unit_kind(value) is None:
        raise PydanticCustomError("unit_type", "{message}", {"message": tr(
            "expected a word, or its forms by number like {example}", example=_EXAMPLE_FORMS["en"])})
    return value


#: One language's unit: a word used for every number, or its forms by plural category.
UnitText = Annotated[
    Annotated[Line, Tag(TEXT_TAG)] | Annotated[PluralForms, Tag(FORMS_TAG)],
    Discriminator(
        _unit_kind,
        custom_error_type="unit_type",
        custom_error_message="expected a word, or its forms by number like {one: deal, other: deals}",
    ),
    BeforeValidator(_word_or_forms),
]


class UnitTranslations(Translations):
    """A unit per language; each a word, or its plural forms ``{one: ..., few: ..., many: ...}``.

    A :class:`Translations` so that ``playbook check`` reports a language it lacks like any text's
    (:func:`generator.catalogue.translation_problems`); read it with :func:`generator.sla.spec`'s
    ``_unit``, never with ``localize`` (a language may hold forms, not a text)."""

    pl: UnitText | None = Field(  # type: ignore[assignment]
        default=None, description="Polish: a word, or {one: ..., few: ..., many: ...} (and 'other' "
                                  "for a value shown with decimals).")
    en: UnitText | None = Field(  # type: ignore[assignment]
        default=None, description="English: a word, or {one: ..., other: ...}.")


def _forms_need_a_language(value: Any) -> Any:
    """``unit: {one: deal, other: deals}``: the forms are a language's; say so in plain words."""
    if isinstance(value, dict) and value and set(value) <= _ALL_CATEGORIES:
        raise PydanticCustomError("unit_forms", "{message}", {"message": tr(
            "the forms of a unit belong to a language: write them under 'pl:' and 'en:', like "
            "unit: {{pl: {pl}, en: {en}}}", pl=_EXAMPLE_FORMS["pl"], en=_EXAMPLE_FORMS["en"])})
    return value


Unit = Annotated[
    Annotated[Line, Tag(TEXT_TAG)] | Annotated[UnitTranslations, Tag(TRANSLATIONS_TAG)],
    TEXT_KINDS,  # a word, or a mapping of languages: told apart as for any text
    BeforeValidator(_forms_need_a_language),
]
"""A derived value's unit: a word for every language and number (``MQL``), or per language a word
or its plural forms; :mod:`generator.sla.spec` and :func:`generator.sla.numbers.plural_form`
pick the form its number needs."""


class Derived(Model):
    """A value computed from the parameters, e.g. the leads marketing must deliver per month."""

    id: Name = Field(description="Name used in clauses as {{ name }}, in conditions and in the "
                                 "derived values below it.")
    label: Text = Field(description="Label shown on the SLA's page and in the agreement's annex.")
    help: Text | None = Field(
        default=None, description="A note on what the value means, for whoever edits the template; "
                                  "no page or document shows it.")
    expression: Line = Field(description="Arithmetic over parameter names, e.g. 'a / b'.")
    round: Literal["up", "down", "nearest", "none"] = Field(
        default="nearest", description="How the result is rounded to 'decimals' places."
    )
    decimals: int = Field(
        default=0, ge=0, le=6,
        description="Decimal places the value is shown with; 'round' says how it is rounded to them.")
    unit: Unit | None = Field(
        default=None,
        description="Unit shown after the value: a word like 'MQL', or per language its forms by "
                    "number, like {pl: {one: transakcja, few: transakcje, many: transakcji}, "
                    "en: {one: deal, other: deals}}.")


class Clause(Model):
    """A clause of the agreement, in Markdown with {{ name }} placeholders."""

    id: Slug = Field(description="Short id of the clause, unique within the template.")
    title: Text = Field(description="The clause's heading in the agreement (without {{ name }}).")
    body: Text = Field(
        description="The clause's text, in Markdown; {{ name }} marks where a parameter's or derived "
                    "value goes, {{ name with unit }} a derived value with its unit.")
    when: Line | None = Field(
        default=None, description="Condition over the parameters; the clause appears only if true."
    )


Loc = tuple[str | int, ...]


class Sla(Definition):
    """A service level agreement template between two teams."""

    KIND: ClassVar[str] = "sla"
    SECTION: ClassVar[str] = "slas"

    kind: Literal["sla"]
    parties: list[Annotated[Slug, ref("team")]] = Field(
        min_length=2, max_length=2, description="Ids of the two teams that sign it."
    )
    parameters: list[Parameter] = Field(
        min_length=1, max_length=100,
        description="The values each agreement is filled in with, on the form or in a values file; "
                    "at least one.")
    derived: list[Derived] = Field(
        default_factory=list, max_length=50,
        description="Values computed from the parameters, like the leads needed a month; each may use "
                    "the parameters and the derived values above it.")
    clauses: list[Clause] = Field(
        min_length=1, max_length=100,
        description="The agreement's clauses, numbered in this order; at least one.")

    @model_validator(mode="wrap")
    @classmethod
    def _check_template(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Sla:
        sla: Sla = handler(data)
        problems = list(_TemplateCheck(sla).run())
        if problems:
            raise ValidationError.from_exception_data(
                cls.__name__,
                [
                    InitErrorDetails(
                        type=PydanticCustomError("sla_template", "{message}", {
                            "message": message,
                            **({"text_line": inside[0], "text_col": inside[1], "text_at": inside[2]}
                               if inside else {})}),
                        loc=loc,
                        input=None,
                    )
                    for loc, message, inside in problems
                ],
            )
        return sla


class _TemplateCheck:
    """Whole-template checks; each problem is ``(loc, message)``."""

    def __init__(self, sla: Sla) -> None:
        self.sla = sla
        self.problems: list[tuple[Loc, str, tuple[int, int, str] | None]] = []
        #: Names the expressions and clause bodies use, gathered as they are checked.
        self.used: set[str] = set()

    def add(self, loc: Loc, message: str, inside: tuple[int, int, str] | None = None) -> None:
        """``inside``: the place in the text (line, column, 1-based) and the words of ``message``
        that say it ("(at character 41)"): dropped when the file's own line and column can be
        given instead (:func:`generator.yamlfile.place_in_scalar`)."""
        end = "" if message.endswith(("?", "!")) else "."
        self.problems.append((loc, message.rstrip(".") + end, inside))

    def at_character(self, loc: Loc, offset: int, message: str, at: str) -> None:
        """``message`` holds ``at``, the place in an expression (:func:`_at`)."""
        self.add(loc, message, (1, offset + 1, at))

    def run(self) -> list[tuple[Loc, str, tuple[int, int, str] | None]]:
        self.names()
        for index, param in enumerate(self.sla.parameters):
            self.parameter(index, param)
        self.derived()
        self.clauses()
        if not self.problems:
            self.unused()
        return self.problems

    def unused(self) -> None:
        """A parameter no clause shows or decides on, and no derived value uses, is asked for and
        then never appears in any agreement (the annex lists only the values the clauses use).
        Run when every expression and body has been checked (and so parsed) without a problem."""
        for index, param in enumerate(self.sla.parameters):
            if param.id not in self.used:
                self.add(("parameters", index, "id"), tr(
                    "{name!r} is asked for, but no clause or derived value uses it, so no agreement "
                    "would show it: write {{{{ {name} }}}} in a clause's body, or remove the parameter",
                    name=param.id))

    def names(self) -> None:
        seen: dict[str, Loc] = {}
        items: list[tuple[Loc, str]] = [(("parameters", i, "id"), p.id)
                                        for i, p in enumerate(self.sla.parameters)]
        items += [(("derived", i, "id"), d.id) for i, d in enumerate(self.sla.derived)]
        for loc, name in items:
            if name in seen:
                first = seen[name]
                self.add(loc, tr("the name {name!r} is already used by {first}: every parameter and "
                                 "derived value needs its own name", name=name,
                                 first=f"{first[0]}[{first[1]}]"))
            else:
                seen[name] = loc
        clause_ids: set[str] = set()
        for i, clause in enumerate(self.sla.clauses):
            if clause.id in clause_ids:
                self.add(("clauses", i, "id"), tr("the clause id {id!r} is used twice", id=clause.id))
            clause_ids.add(clause.id)

    def parameter(self, index: int, param: Any) -> None:
        loc: Loc = ("parameters", index)
        if param.required and param.default is not None:
            self.add((*loc, "required"),
                     tr("a parameter with a default is never missing: remove 'required: true' or "
                        "the default"))
        for rules, where in _rules_of(param, loc):
            low, high = getattr(rules, "min", None), getattr(rules, "max", None)
            if low is not None and high is not None and low > high:
                self.add((*where, "max"), tr("max ({high}) is smaller than min ({low})", high=high, low=low))
            if rules.type == "choice":
                values = [c.value for c in rules.choices]
                for i, value in enumerate(values):
                    if value in values[:i]:
                        self.add((*where, "choices", i, "value"),
                                 tr("the choice {value!r} is listed more than once", value=value))
        if param.type == "list" and param.min_items > param.max_items:
            self.add((*loc, "max_items"), tr("max_items ({max}) is smaller than min_items ({min})",
                                             max=param.max_items, min=param.min_items))
        if param.default is not None:
            for where, value in _defaults(param, (*loc, "default")):
                self.default(where, param, value)

    def default(self, loc: Loc, param: Any, value: Any) -> None:
        """A default must pass the same rules as a value from a values file."""
        for path, code, args in schema.validate(schema.value_schema(param), value):
            kind = str(args.pop("kind", ""))
            hint = ""
            if code == "enum" and isinstance(args.get("got"), str):
                hint = suggest(args["got"], [str(a) for a in args.get("allowed", [])])
            text = wording.terminal(code, kind, hint=hint, **args)
            self.add((*loc, *path), tr("the default does not fit: {problem}", problem=text))

    def types(self, upto: int | None = None) -> dict[str, str]:
        found = {p.id: value_type(p) for p in self.sla.parameters}
        derived = self.sla.derived if upto is None else self.sla.derived[:upto]
        found.update({d.id: "number" for d in derived})
        return found

    def expression(self, loc: Loc, source: str, known: dict[str, str], later: dict[str, int],
                   wanted: str) -> None:
        try:
            tree = expr.parse(source)
        except expr.ExprError as exc:
            at = _at(exc.offset)
            self.at_character(loc, exc.offset, f"{exc.message} {at}", at)
            return
        self.used.update(expr.names(tree))
        params = {p.id: p for p in self.sla.parameters}
        for node in expr.name_nodes(tree):
            name = node["v"]
            start = node["at"][0]
            if name in later and loc[:2] == ("derived", later[name]):
                at = _at(start)
                self.at_character(loc, start, tr(
                    "{name!r} {at} is this derived value itself: it cannot use itself", name=name, at=at), at)
                return
            if name in later:
                at = _at(start)
                self.at_character(loc, start, tr(
                    "{name!r} {at} is derived[{index}], which comes later: a derived value can use "
                    "only the parameters and the derived values above it",
                    name=name, at=at, index=later[name]), at)
                return
            if name not in known:
                at = _at(start)
                self.at_character(loc, start, tr(
                    "unknown name {name!r} {at}: no parameter or derived value has it{hint}",
                    name=name, at=at, hint=_hint(name, known)), at)
                return
            param = params.get(name)
            if param is not None and not param.required and param.default is None:
                at = _at(start)
                self.at_character(loc, start, tr(
                    "{name!r} {at} may be left empty (it is optional and has no default): make it "
                    "required or give it a default", name=name, at=at), at)
                return
        try:
            found = expr.check_types(tree, known)
        except expr.ExprError as exc:
            at = _at(exc.offset)
            self.at_character(loc, exc.offset, f"{exc.message} {at}", at)
            return
        if found != wanted:
            self.add(loc, _gives(found, wanted))
            return
        self.choices_compared(loc, tree, params)

    def choices_compared(self, loc: Loc, tree: expr.Node, params: dict[str, Any]) -> None:
        """``company_size == 'duza'``: a choice compared with a text that is not one of its
        choices is never true (or always, with !=): a typo that would silently drop a clause."""
        for node in expr.walk(tree):
            if node["k"] != "cmp":
                continue
            args = node["args"]
            for left, right in itertools.pairwise(args):
                for name, text in ((left, right), (right, left)):
                    param = params.get(name["v"]) if name["k"] == "name" else None
                    if param is None or param.type != "choice" or text["k"] != "str":
                        continue
                    allowed = [c.value for c in param.choices]
                    if text["v"] not in allowed:
                        at = _at(text["at"][0])
                        self.at_character(loc, text["at"][0], tr(
                            "{value!r} {at} is not a choice of {name!r}: the choices are {choices}{hint}",
                            value=text["v"], at=at, name=param.id, choices=", ".join(allowed),
                            hint=_hint(text["v"], allowed)), at)

    def derived(self) -> None:
        for index, item in enumerate(self.sla.derived):
            later = {d.id: i for i, d in enumerate(self.sla.derived) if i >= index}
            self.expression(("derived", index, "expression"), item.expression,
                            self.types(index), later, "number")
            if isinstance(item.unit, UnitTranslations):
                for lang in ("pl", "en"):
                    forms = getattr(item.unit, lang)
                    if isinstance(forms, dict):
                        self.plural_forms(("derived", index, "unit", lang), lang, forms, item.decimals)

    def plural_forms(self, loc: Loc, lang: str, forms: dict[str, str], decimals: int) -> None:
        """Forms by plural category (:func:`unit_form_problems`)."""
        for where, message in unit_form_problems(lang, forms, decimals):
            self.add((*loc, *where), message)

    def clauses(self) -> None:
        known = self.types()
        for index, clause in enumerate(self.sla.clauses):
            if clause.when is not None:
                self.expression(("clauses", index, "when"), clause.when, known, {}, "bool")
            for loc, text in _texts(clause.body, ("clauses", index, "body")):
                self.body(loc, text, known)
            for loc, text in _texts(clause.title, ("clauses", index, "title")):
                if "{{" in text:
                    self.add(loc, tr("placeholders work in clause bodies only, not in titles"))

    def body(self, loc: Loc, text: str, known: dict[str, str]) -> None:
        try:
            placeholders = find(text)
            self.used.update(p.name for p in placeholders)
            compile_body(text)
        except PlaceholderError as exc:
            line, col = line_col(text, exc.offset)
            at = tr("line {line}, column {col} of the text: ", line=line, col=col)
            self.add(loc, at + exc.message, (line, col, at))
            return
        with_units = {d.id for d in self.sla.derived if d.unit is not None}
        for p in placeholders:
            line, col = line_col(text, p.start)
            at = tr("line {line}, column {col} of the text: ", line=line, col=col)
            if p.name not in known:
                self.add(loc, tr("{at}{{{{ {name} }}}} names no parameter or derived value{hint}",
                                 at=at, name=p.name, hint=_hint(p.name, known)), (line, col, at))
            elif p.unit and p.name not in with_units:
                if any(d.id == p.name for d in self.sla.derived):
                    message = tr("{at}{{{{ {name} with unit }}}}: the derived value {name!r} has no "
                                 "unit: give it one ('unit: ...') or write {{{{ {name} }}}}",
                                 at=at, name=p.name)
                else:
                    message = tr("{at}{{{{ {name} with unit }}}}: {name!r} is a parameter, and only a "
                                 "derived value has a unit of its own (an amount, a duration and a "
                                 "percentage show theirs anyway): write {{{{ {name} }}}}",
                                 at=at, name=p.name)
                self.add(loc, message, (line, col, at))


def unit_form_problems(lang: str, forms: dict[str, str], decimals: int) -> list[tuple[Loc, str]]:
    """What is wrong with one language's forms of a unit by plural category, each at its place
    under the language's key (``()``: the forms as a whole): only the language's categories, and
    every one that the numbers the value shows can fall in (a word missing for 5 would print '5 '
    plus the wrong word, or nothing). Shared by an SLA's derived values and a goal's unit."""
    found: list[tuple[Loc, str]] = []
    polish = lang == "pl"  # the language's name is in each message: a whole message per language
    known = PLURAL_CATEGORIES[lang]
    uses = ", ".join(f"{c} ({_CATEGORY_NUMBERS[lang][c]})" for c in known)
    missing = [c for c in needed_categories(lang, decimals) if c not in forms]
    for name in forms:
        if name in known:
            continue
        if name in _ALL_CATEGORIES:
            found.append(((name,), tr("Polish has no {name!r} form: its forms are {uses}", name=name, uses=uses)
                          if polish else
                          tr("English has no {name!r} form: its forms are {uses}", name=name, uses=uses)))
            continue
        hint = _hint(name, known)
        found.append(((name,), tr("{name!r} is not a form of a word by number: Polish forms are {uses}{hint}",
                                  name=name, uses=uses, hint=hint)
                      if polish else
                      tr("{name!r} is not a form of a word by number: English forms are {uses}{hint}",
                         name=name, uses=uses, hint=hint)))
        meant = difflib.get_close_matches(name, missing, n=1, cutoff=0.6)
        if meant:  # a misspelt form is one mistake: not also "the form is missing"
            missing.remove(meant[0])
    if not missing:
        return found
    if decimals:
        like = f"{_FRACTION[lang]}{'0' * (decimals - 1)}"
        found.append(((), tr_n(
            "the Polish unit has no 'other' form, which this value needs: it is shown with {n} "
            "decimal place (like {like}), and such a number always takes the 'other' form: add "
            "'other: ...'",
            "the Polish unit has no 'other' form, which this value needs: it is shown with {n} "
            "decimal places (like {like}), and such a number always takes the 'other' form: add "
            "'other: ...'", decimals, like=like)
            if polish else tr_n(
            "the English unit has no 'other' form, which this value needs: it is shown with {n} "
            "decimal place (like {like}), and such a number always takes the 'other' form: add "
            "'other: ...'",
            "the English unit has no 'other' form, which this value needs: it is shown with {n} "
            "decimal places (like {like}), and such a number always takes the 'other' form: add "
            "'other: ...'", decimals, like=like)))
        return found
    which = _and([repr(c) for c in missing])
    if len(missing) == 1:
        numbers = _CATEGORY_NUMBERS[lang][missing[0]]
    else:
        numbers = _and([f"{_CATEGORY_NUMBERS[lang][c]} ({c})" for c in missing])
    values = {"which": which, "numbers": numbers, "example": _EXAMPLE_FORMS[lang]}
    found.append(((), tr_n(
        "the Polish unit has no {which} form, which numbers such as {numbers} need: give every "
        "form, like {example}, or one word for every number",
        "the Polish unit has no {which} forms, which numbers such as {numbers} need: give every "
        "form, like {example}, or one word for every number", len(missing), **values)
        if polish else tr_n(
        "the English unit has no {which} form, which numbers such as {numbers} need: give every "
        "form, like {example}, or one word for every number",
        "the English unit has no {which} forms, which numbers such as {numbers} need: give every "
        "form, like {example}, or one word for every number", len(missing), **values)))
    return found


def _and(words: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(words) == 1:
        return words[0]
    return tr("{first} and {last}", first=", ".join(words[:-1]), last=words[-1])


def _gives(found: str, wanted: str) -> str:
    """An expression of the wrong type (``wanted``: a number, or a condition): a whole message for
    each pair, as a language may put the two in different cases."""
    if wanted == "number":
        if found == "text":
            return tr("this gives a text, but a number is needed here")
        return tr("this gives a condition (true or false), but a number is needed here")
    if found == "text":
        return tr("this gives a text, but a condition (true or false) is needed here")
    return tr("this gives a number, but a condition (true or false) is needed here")


def _at(offset: int) -> str:
    """Where in an expression: ``(at character 5)`` for the 0-based ``offset`` 4."""
    return tr("(at character {n})", n=offset + 1)


def _hint(name: str, known: Any) -> str:
    """`` (did you mean 'x'?)`` or nothing."""
    found = suggest(name, known).strip()
    return f" ({found[0].lower()}{found[1:]})" if found else ""


def _defaults(param: Any, loc: Loc) -> list[tuple[Loc, Any]]:
    """A parameter's default as values, with their locs (one per language for a text)."""
    default = param.default
    if isinstance(default, MoneyValue):
        return [(loc, default.model_dump())]
    if isinstance(default, Translations):
        return [((*loc, lang), value) for lang in ("pl", "en")
                if (value := getattr(default, lang)) is not None]
    return [(loc, default)]


def _rules_of(param: Any, loc: Loc) -> list[tuple[Any, Loc]]:
    if param.type == "list":
        return [(param, loc), (param.item, (*loc, "item"))]
    return [(param, loc)]


def _texts(text: str | Translations, loc: Loc) -> list[tuple[Loc, str]]:
    if isinstance(text, str):
        return [(loc, text)]
    return [((*loc, lang), value) for lang in ("pl", "en")
            if (value := getattr(text, lang)) is not None]
