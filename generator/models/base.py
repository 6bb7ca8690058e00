"""Shared building blocks of every definition: ids, bilingual text, references.

Why these shapes: the people who write the YAML are not programmers. A text field takes a plain
string *or* a mapping of language code to string, so content can become bilingual without a
schema change. Ids are slugs because they become page addresses and file names.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictStr,
    StringConstraints,
    Tag,
)
from pydantic_core import PydanticCustomError

from ..messages import TYPOGRAPHIC_QUOTES, QuotesExplained, in_typographic_quotes
from ..tr import tr
from ..yamlfile import char_name

#: Languages a text mapping may carry. The first is the default content language.
LANGUAGES: tuple[str, ...] = ("pl", "en")

#: Union tags used inside loc paths; the error mapper skips them (they are not YAML keys).
TEXT_TAG = "__text__"
TRANSLATIONS_TAG = "__translations__"

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}


#: The placeholder ``playbook new`` writes where an id of another definition goes.
_PLACEHOLDER_RE = re.compile(r"^TODO-([a-z]+)-id$")


def _check_slug(value: str) -> str:
    placeholder = _PLACEHOLDER_RE.match(value)
    if placeholder:
        raise ValueError(_placeholder_words(value, placeholder.group(1)))
    if not SLUG_RE.match(value) or "--" in value:
        pasted = _pasted_slug(value)
        if pasted:
            raise (QuotesExplained if value[0] in TYPOGRAPHIC_QUOTES else ValueError)(pasted)
        meant = as_slug(value) if re.fullmatch(r"[\w -]+", value) else None
        if meant and meant != value:
            raise ValueError(tr("{value!r} is not a valid id: use 1 to 64 lowercase letters a-z, digits and "
                                "single hyphens, starting and ending with a letter or digit; write it as "
                                "{meant!r}", value=value, meant=meant))
        raise ValueError(tr("{value!r} is not a valid id: use 1 to 64 lowercase letters a-z, digits and single "
                            "hyphens, starting and ending with a letter or digit, like 'lead-handoff'", value=value))
    if value in _WINDOWS_RESERVED:
        raise ValueError(tr("{value!r} cannot be used as an id: it is a reserved file name on Windows", value=value))
    return value


def _placeholder_words(value: str, kind: str) -> str:
    """What to write for ``TODO-<kind>-id``, the placeholder ``playbook new`` wrote."""
    if kind == "sla":
        return tr("{value!r} is the placeholder 'playbook new' wrote: replace it with an SLA template's id",
                  value=value)
    if kind == "term":
        return tr("{value!r} is the placeholder 'playbook new' wrote: replace it with a glossary term's id",
                  value=value)
    if kind == "team":
        return tr("{value!r} is the placeholder 'playbook new' wrote: replace it with a team's id", value=value)
    if kind == "process":
        return tr("{value!r} is the placeholder 'playbook new' wrote: replace it with a process's id",
                  value=value)
    if kind == "goal":
        return tr("{value!r} is the placeholder 'playbook new' wrote: replace it with a goal's id", value=value)
    if kind == "strategy":
        return tr("{value!r} is the placeholder 'playbook new' wrote: replace it with a strategy's id",
                  value=value)
    if kind == "checklist":
        return tr("{value!r} is the placeholder 'playbook new' wrote: replace it with a checklist's id",
                  value=value)
    if kind == "playbook":
        return tr("{value!r} is the placeholder 'playbook new' wrote: replace it with a playbook's id",
                  value=value)
    return tr("{value!r} is the placeholder 'playbook new' wrote: replace it with a {kind}'s id",
              value=value, kind=kind)


#: Letters an id is written without: Polish ones by their base letter (``ł`` has no accent to drop).
_PLAIN_LETTERS = str.maketrans("ąćęłńóśźż", "acelnoszz")


def as_slug(text: str) -> str | None:
    """The id ``text`` would be written as: ``Leady z webinarów`` -> ``leady-z-webinarow``, or
    None if nothing of it is left (or it is too long to be one)."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN_LETTERS))
    ascii_only = "".join(ch for ch in folded if not unicodedata.combining(ch))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    return slug if SLUG_RE.match(slug) and slug not in _WINDOWS_RESERVED else None


#: Invisible characters that come with pasted text.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def _pasted_slug(value: str) -> str | None:
    """What is wrong with an id that is valid but for what pasting added: typographic quotes
    around it, or an invisible character in it (the message shows it, named)."""
    if in_typographic_quotes(value) and SLUG_RE.match(value[1:-1]):
        return tr("{value!r} is in typographic quotes ({opening} {closing}), which YAML does not read as "
                  "quotes: remove them (write {bare!r}; an id needs no quotes)",
                  value=value, opening=value[0], closing=value[-1], bare=value[1:-1])
    found = _INVISIBLE.search(value)
    bare = _INVISIBLE.sub("", value)
    if found and SLUG_RE.match(bare) and "--" not in bare:
        if found.start():
            return tr("the id {bare!r} has {char} in it (after {before!r}), which cannot be seen: delete "
                      "the id and type it again", bare=bare, char=char_name(found.group()),
                      before=value[: found.start()])
        return tr("the id {bare!r} has {char} in it (at its start), which cannot be seen: delete the id "
                  "and type it again", bare=bare, char=char_name(found.group()))
    return None


def is_slug(value: str) -> bool:
    """Whether ``value`` is a valid id (what :data:`Slug` accepts)."""
    try:
        _check_slug(value)
    except ValueError:
        return False
    return True


def _strip_nonempty(value: str) -> str:
    stripped = value.strip()
    if not stripped:
        raise ValueError(tr("must not be empty or only spaces"))
    if all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in stripped):
        # A zero-width space or a byte order mark pasted alone: an empty heading, an empty link.
        raise ValueError(tr("must not be empty, but it holds only invisible characters (like a "
                            "zero-width space): write the text"))
    return stripped


def _date_text(value: Any) -> Any:
    """Only ``YYYY-MM-DD``: pydantic alone would also take ``0`` or ``'86400'`` (seconds since
    1970) and ``2027-06-30T10:00`` as dates."""
    if isinstance(value, dt.date) or (isinstance(value, str) and _DATE_RE.match(value)):
        return value
    raise PydanticCustomError("date_type", "expected a date written as YYYY-MM-DD")  # messages.plain says it


_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
Date = Annotated[dt.date, BeforeValidator(_date_text)]
Slug = Annotated[StrictStr, AfterValidator(_check_slug)]
Line = Annotated[StrictStr, AfterValidator(_strip_nonempty), StringConstraints(max_length=2000)]
LongText = Annotated[StrictStr, AfterValidator(_strip_nonempty), StringConstraints(max_length=20000)]


class Model(BaseModel):
    """Base of every model: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class Translations(Model):
    """A text given per language: ``{pl: ..., en: ...}``; at least one language is required."""

    pl: LongText | None = Field(default=None, description="The text in Polish.")
    en: LongText | None = Field(default=None, description="The text in English.")

    def model_post_init(self, __context: Any) -> None:
        if self.pl is None and self.en is None:
            raise ValueError(tr("give the text in at least one language, for example 'pl: ...'"))


def _text_tag(value: Any) -> str | None:
    if isinstance(value, str):
        return TEXT_TAG
    if isinstance(value, dict):
        return TRANSLATIONS_TAG
    return None


#: Tells a text field's plain string from its mapping of languages, for pydantic.
TEXT_KINDS = Discriminator(
    _text_tag,
    custom_error_type="text_type",
    custom_error_message="expected text, or a mapping of language to text like {pl: ..., en: ...}",
)

Text = Annotated[
    Annotated[LongText, Tag(TEXT_TAG)] | Annotated[Translations, Tag(TRANSLATIONS_TAG)], TEXT_KINDS
]
"""A plain string (the same in every language) or a :class:`Translations` mapping."""


class ShortTranslations(Translations):
    """:class:`Translations` of one short line each (a name, a role)."""

    pl: Line | None = Field(default=None, description="The text in Polish.")
    en: Line | None = Field(default=None, description="The text in English.")


ShortText = Annotated[
    Annotated[Line, Tag(TEXT_TAG)] | Annotated[ShortTranslations, Tag(TRANSLATIONS_TAG)], TEXT_KINDS
]
"""Like :data:`Text`, at most :data:`Line`'s length in each language."""


Keyword = Annotated[StrictStr, AfterValidator(_strip_nonempty)]
"""One keyword of a definition's ``tags``."""

LIST_TAG = "__list__"


class TagTranslations(Translations):
    """Tags per language: ``{pl: [sprzedaż, kwota], en: [sales, quota]}``; a :class:`Translations`
    so that ``playbook check --translations`` names a language with no tags like any text's."""

    pl: list[Keyword] | None = Field(  # type: ignore[assignment]
        default=None, description="The tags of the Polish pages.")
    en: list[Keyword] | None = Field(  # type: ignore[assignment]
        default=None, description="The tags of the English pages.")


def _tags_kind(value: Any) -> str | None:
    if isinstance(value, list):
        return LIST_TAG
    if isinstance(value, dict):
        return TRANSLATIONS_TAG
    return None


Tags = Annotated[
    Annotated[list[Keyword], Tag(LIST_TAG)] | Annotated[TagTranslations, Tag(TRANSLATIONS_TAG)],
    Discriminator(
        _tags_kind,
        custom_error_type="tags_type",
        custom_error_message="expected a list of keywords like [leads, mql], or a list per "
                             "language like {pl: [sprzedaż, kwota], en: [sales, quota]}",
    ),
]
"""A definition's tags: one list for every language, or a list per language."""


@dataclass(frozen=True)
class Localized:
    """A text resolved for one language; ``fallback`` names the language used when missing."""

    text: str
    fallback: str | None = None


class NotAText(TypeError):
    """A value that is not a text (a unit's forms by number, a list of tags) was given where a
    text is shown; the message says, in plain words, how to show it instead."""


def localize(text: str | Translations | None, lang: str) -> Localized:
    """Pick ``lang`` from a text field, falling back to the other languages in order."""
    if text is None:
        return Localized("")
    if isinstance(text, str):
        return Localized(text)
    wanted = getattr(text, lang, None)
    if wanted is not None:
        return Localized(_text(wanted))
    for other in LANGUAGES:
        value = getattr(text, other, None)
        if value is not None:
            return Localized(_text(value), fallback=other)
    return Localized("")  # pragma: no cover - Translations guarantees one language


def _text(value: Any) -> str:
    """``value`` if it is a text; else :class:`NotAText`, saying how to show what it is. A
    project's template written for a unit that was one word (``inline(d.unit)``) meets a unit
    with forms by number once the YAML gives them: it is told how to show the number with it."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        forms = ", ".join(f"{key}: {word}" for key, word in value.items())
        raise NotAText(tr(
            "the template shows as a text a unit with forms by number ({{{forms}}}), and which "
            "form is right depends on the number before it: show the number and its unit "
            "together, with with_unit(number, unit), like {{{{ with_unit(d.target, d.unit) }}}}, "
            "which writes '14 transakcji', '2 transakcje', '1 deal'", forms=forms))
    if isinstance(value, list):
        raise NotAText(tr("the template shows as a text a value that is a list, not a text: show "
                          "its items one by one, with {loop}", loop="{% for item in ... %}"))
    raise NotAText(tr("the template shows as a text a value that is {what}, not a text: show "
                      "its items one by one, with {{% for item in ... %}}", what=type(value).__name__))


#: Letters with diacritics that Polish sorts as letters of their own, right after their base
#: letter (a, ą, b, c, ć, ..., l, ł, ..., z, ź, ż); other accents sort with their base letter.
_OWN_LETTERS = {"ą": "a1", "ć": "c1", "ę": "e1", "ł": "l1", "ń": "n1", "ó": "o1", "ś": "s1",
                "ź": "z1", "ż": "z2"}


def alphabetical(text: str) -> tuple[str, str]:
    """A sort key that puts titles in dictionary order: case-insensitive, Polish letters where
    Polish puts them ("Łódź" after "Lublin", "Świadomość" after "Szkolenie"), and stable."""
    folded = unicodedata.normalize("NFC", text).casefold()
    key = []
    for ch in folded:
        own = _OWN_LETTERS.get(ch)
        if own is None:
            base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            own = (base or ch) + "0"
        key.append(own)
    return "".join(key), text


def missing_languages(text: str | Translations | None) -> list[str]:
    """Languages a translated text lacks (plain strings are language-neutral: none missing)."""
    if not isinstance(text, Translations):
        return []
    return [lang for lang in LANGUAGES if getattr(text, lang) is None]


@dataclass(frozen=True)
class Reference:
    """A reference from one definition to another, found at ``loc`` inside the definition."""

    loc: tuple[str | int, ...]
    target: str
    kinds: tuple[str, ...]


class Keywords(Model):
    """Words a reader searches for a definition by that its text may not use, per language:
    ``pl: [KPI, wskaźnik]``. Why a field: readers type the words they know ("onboarding", "cold
    calling", "KPI"), and a page written in plainer words would not be found by them."""

    pl: list[Annotated[Line, StringConstraints(max_length=100)]] = Field(
        default_factory=list, description="Words Polish readers search for this by.")
    en: list[Annotated[Line, StringConstraints(max_length=100)]] = Field(
        default_factory=list, description="Words English readers search for this by.")

    def of(self, lang: str) -> list[str]:
        return list(getattr(self, lang, []))

    def every(self, first: str) -> list[str]:
        """The keywords of every language, those of ``first`` first, each once."""
        order = [first, *(other for other in LANGUAGES if other != first)]
        return list(dict.fromkeys(word for lang in order for word in self.of(lang)))


KeywordList = Annotated[
    Annotated[list[Annotated[Line, StringConstraints(max_length=100)]], Tag(LIST_TAG)]
    | Annotated[Keywords, Tag(TRANSLATIONS_TAG)],
    Discriminator(
        _tags_kind,
        custom_error_type="keywords_type",
        custom_error_message="expected a list of words like [KPI, onboarding], or a list per "
                             "language like {pl: [KPI, wdrożenie], en: [KPI, onboarding]}",
    ),
]
"""A definition's search keywords: one list for both languages, or a list per language."""


class Definition(Model):
    """Fields every definition has, whatever its kind."""

    KIND: ClassVar[str] = ""
    #: Plural used in page addresses, e.g. ``goals/<id>/``.
    SECTION: ClassVar[str] = ""

    id: Slug = Field(description="Unique id across the project; becomes the page address.")
    title: Text = Field(description="Short title shown as the page heading.")
    summary: Text = Field(description="One or two sentences shown in tables and search results.")
    owner: ShortText = Field(
        description="Who keeps this definition up to date (a person or team); like every text, "
        "the same in both languages or {pl: ..., en: ...}."
    )
    tags: Tags = Field(
        default_factory=list,
        description="Free keywords used by the site's tags and search: one list for every "
                    "language, like [leads, mql], or one per language, like {pl: [sprzedaż, "
                    "kwota], en: [sales, quota]}.",
    )
    review_by: Date = Field(
        description="Date by which the owner re-reads this definition (YYYY-MM-DD)."
    )
    keywords: KeywordList = Field(
        default_factory=list,
        description="Words readers search for this by that the text may not use: one list, like "
        "[KPI, onboarding], or one per language, like {pl: [...], en: [...]}; the search finds and "
        "ranks the page by them, on both languages' sites.",
    )

    def keywords_every(self, first: str) -> list[str]:
        """Every keyword, those of ``first`` first, each once (see :meth:`Keywords.every`)."""
        if isinstance(self.keywords, Keywords):
            return self.keywords.every(first)
        return list(dict.fromkeys(self.keywords))

    def tags_in(self, lang: str) -> list[str]:
        """The tags a page in ``lang`` shows: the one list, or the language's own (a language
        with none given shows the other's, as a text without a translation does)."""
        if not isinstance(self.tags, TagTranslations):
            return list(self.tags)
        found = getattr(self.tags, lang, None)
        if found is None:
            found = next(getattr(self.tags, other) for other in LANGUAGES
                         if getattr(self.tags, other) is not None)
        return list(found)

    def references(self) -> Iterator[Reference]:
        """Every id this definition points at (fields typed with :class:`RefTo`)."""
        yield from _walk_refs(self, ())

    def problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """Mistakes between fields of one definition (e.g. a hand-off naming a missing step),
        each with the loc where it is; checked after validation, so it is located precisely."""
        return iter(())

    def translations(self) -> Iterator[tuple[tuple[str | int, ...], Translations]]:
        """Every per-language text with its loc, for translation checks."""
        yield from _walk_translations(self, ())


@dataclass(frozen=True)
class RefTo:
    """Marks a field as a reference to a definition of one of ``kinds``."""

    kinds: tuple[str, ...]


def ref(*kinds: str) -> RefTo:
    return RefTo(kinds)


def _ref_kinds(annotation: Any) -> tuple[str, ...] | None:
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, RefTo):
            return meta.kinds
    return None


@functools.cache
def _ref_plan(cls: type[BaseModel]) -> tuple[tuple[str, str, tuple[str, ...] | None], ...]:
    """Per model class, once: the fields that are or may hold references, with their YAML key
    and the kinds they refer to (None: a nested model or list to walk into)."""
    return tuple(
        (name, info.alias or name, _ref_kinds_of_field(info.annotation, info.metadata))
        for name, info in cls.model_fields.items()
        if _may_hold_refs(info.annotation, tuple(info.metadata), frozenset())
    )


def _may_hold_refs(annotation: Any, metadata: tuple[Any, ...], seen: frozenset[type]) -> bool:
    if _ref_kinds_of_field(annotation, list(metadata)) is not None:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return False
        inner = seen | {annotation}
        return any(
            _may_hold_refs(info.annotation, tuple(info.metadata), inner)
            for info in annotation.model_fields.values()
        )
    return any(_may_hold_refs(arg, (), seen) for arg in get_args(annotation))


def _walk_refs(value: Any, loc: tuple[str | int, ...]) -> Iterator[Reference]:
    if isinstance(value, BaseModel):
        for name, key, kinds in _ref_plan(type(value)):
            item = getattr(value, name)
            if kinds is not None:
                if isinstance(item, str):
                    yield Reference((*loc, key), item, kinds)
                elif isinstance(item, list | tuple):
                    for i, target in enumerate(item):
                        yield Reference((*loc, key, i), target, kinds)
            elif isinstance(item, BaseModel | list | tuple):
                yield from _walk_refs(item, (*loc, key))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            if isinstance(item, BaseModel | list | tuple):
                yield from _walk_refs(item, (*loc, i))


def is_misspelt_id(value: Any) -> bool:
    """Whether ``value`` is text that is not an id for no reason but its letters (``Marketing``,
    ``Dział marketingu``): not the placeholder ``playbook new`` wrote, nor an id in typographic
    quotes or with an invisible character, which have messages of their own."""
    return (isinstance(value, str) and not is_slug(value) and _PLACEHOLDER_RE.match(value) is None
            and _pasted_slug(value) is None and value.strip() != "")


def raw_references(model: type[BaseModel], data: Any, any_text: bool = False) -> Iterator[Reference]:
    """The references in ``data`` that did not validate as ``model``, where they can be read
    without a guess: the places :meth:`Definition.references` walks (the same :class:`RefTo`
    fields, found through the same plan), holding an id as :data:`Slug` takes it, or a list of them
    (``any_text``: or any text that :func:`is_misspelt_id`, such as a team's title).

    Anything else is passed over: a value of the wrong shape is a validation error already, and a
    reference under a union of several models that may hold references is not guessed at. For
    valid data this gives exactly what ``model.model_validate(data).references()`` gives.
    """
    yield from _raw_refs(model, (), data, (), any_text)


def _raw_refs(annotation: Any, metadata: tuple[Any, ...], value: Any, loc: tuple[str | int, ...],
              any_text: bool = False) -> Iterator[Reference]:
    kinds = next((meta.kinds for meta in metadata if isinstance(meta, RefTo)), None)
    if kinds is not None:
        if isinstance(value, str) and (is_slug(value) or (any_text and is_misspelt_id(value))):
            yield Reference(loc, value, kinds)
        return
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        yield from _raw_refs(args[0], args[1:], value, loc, any_text)
    elif origin in (Union, types.UnionType):
        holders = [arg for arg in args if _may_hold_refs(arg, (), frozenset())]
        if len(holders) == 1:
            yield from _raw_refs(holders[0], (), value, loc, any_text)
    elif origin in (list, tuple) and isinstance(value, list) and args:
        if origin is tuple and (len(args) != 2 or args[1] is not Ellipsis):
            return  # a tuple of fixed places: none in the models
        for i, item in enumerate(value):
            yield from _raw_refs(args[0], (), item, (*loc, i), any_text)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel) and isinstance(value, dict):
        for name, key, _kinds in _ref_plan(annotation):
            if key in value:
                info = annotation.model_fields[name]
                yield from _raw_refs(info.annotation, tuple(info.metadata), value[key], (*loc, key), any_text)


def _ref_kinds_of_field(annotation: Any, metadata: list[Any]) -> tuple[str, ...] | None:
    for meta in metadata:
        if isinstance(meta, RefTo):
            return meta.kinds
    found = _ref_kinds(annotation)
    if found is not None:
        return found
    for arg in getattr(annotation, "__args__", ()):  # list[Ref], Ref | None
        found = _ref_kinds(arg)
        if found is not None:
            return found
    return None


def _walk_translations(
    value: Any, loc: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], Translations]]:
    if isinstance(value, Translations):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from _walk_translations(getattr(value, name), (*loc, info.alias or name))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _walk_translations(item, (*loc, i))
