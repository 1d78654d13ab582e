"""The forms the metric catalogue is written in: terms of the standard tables, prose concepts and rules, identities.

Every rule carries the examples it must read and the false friends it must reject, taken from
real reports; ``tests/test_catalogue.py`` runs each one alone. Patterns are compiled when
first used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from govdisc.patterns import guarded

from .vocabulary import COUNTS, LINK

Counts = Mapping[str, float]


@dataclass(frozen=True)
class Term:
    """A row, column or heading of a standard table.

    ``key`` is its part of the metric key (``denied.third_party``, ``natural_person``); ``zh`` and
    ``en`` its short labels; ``printed`` a regex that recognises its label as printed (spaces and
    line breaks removed), with ``examples`` of real printed labels it must recognise.
    """

    key: str
    zh: str = ""
    en: str = ""
    printed: str | None = None
    examples: tuple[str, ...] = ()

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.printed or r"(?!)")


def first_term(text: str, terms: tuple[Term, ...]) -> Term | None:
    """The first of ``terms`` whose printed form matches ``text``.

    One search for any of them first: most texts match none, and none matches before where any does.
    A table's labels are looked up by several readers: each text is looked up once.
    """
    pattern, seen = _any_term(terms)
    if text in seen:
        return seen[text]
    if len(seen) >= _SEEN:
        seen.clear()
    found = None
    if first := pattern.search(text):
        found = next((t for t in terms if t.printed and t.regex.search(text, first.start())), None)
    seen[text] = found
    return found


def term_matches(text: str, terms: tuple[Term, ...]) -> list[tuple[Term, re.Match[str]]]:
    """Each of ``terms`` whose printed form matches ``text``, with its first match, in the order of ``terms``."""
    first = _any_term(terms)[0].search(text)
    if first is None:
        return []
    at = first.start()
    return [(t, m) for t in terms if t.printed and (m := t.regex.search(text, at))]


def any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` could (their named groups made plain), behind a
    lookahead for the characters a match can start with (:func:`govdisc.patterns.guarded`)."""
    joined = "|".join(f"(?:{_NAMED_GROUP.sub('(?:', p)})" for p in patterns)
    return re.compile(guarded(joined) if joined else r"(?!)")


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_ANY_TERM: dict[int, tuple[tuple[Term, ...], re.Pattern[str], dict[str, Term | None]]] = {}
#: How many texts :func:`first_term` remembers per set of terms.
_SEEN = 4096


def _any_term(terms: tuple[Term, ...]) -> tuple[re.Pattern[str], dict[str, Term | None]]:
    """The pattern of any of ``terms``, and what :func:`first_term` found for each text it was given."""
    got = _ANY_TERM.get(id(terms))
    if got is None or got[0] is not terms:
        if len(_ANY_TERM) >= 32:
            _ANY_TERM.clear()
        got = _ANY_TERM[id(terms)] = (terms, any_of(t.printed for t in terms if t.printed), {})
    return got[1], got[2]


@dataclass(frozen=True)
class ProseRule:
    """A sentence form that states the count of ``key`` — or, with ``zero``, that there were none.

    ``pattern`` embeds :data:`govdisc.numbers.NUMBER` (not for zero rules). ``unless`` found
    earlier in the same clause makes a match a false friend (a part, another channel); ``needs``
    must be found in the sentence (the topic the count belongs to); a higher ``rank`` wins.
    ``reads`` maps example sentences to the value the rule alone must read from each;
    ``rejects`` lists sentences it alone must read nothing from.
    """

    key: str
    pattern: str
    reads: tuple[tuple[str, int | float], ...]
    rejects: tuple[str, ...] = ()
    rank: int = 1
    unless: str | None = None
    needs: str | None = None
    zero: bool = False

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    @cached_property
    def unless_regex(self) -> re.Pattern[str] | None:
        return re.compile(self.unless) if self.unless else None

    @cached_property
    def needs_regex(self) -> re.Pattern[str] | None:
        return re.compile(self.needs) if self.needs else None


@dataclass(frozen=True)
class Concept:
    """A count read by meaning: a number with its unit, the words before it and the topic it is in.

    The prose engine reads every number that carries a unit of :data:`~.vocabulary.COUNT_UNITS`.
    Its *lead* is the words of its clause before it, from the clause start or the previous count:
    the lead must end with ``cue`` (link words such as 共 or 为 may stand between); ``units``
    the number's unit must be; ``then``, when given, must follow the unit (``收到106件 | 信息公开申请``);
    ``topic`` must be found in the sentence or in the heading of its section (``（二）依申请公开情况``).
    ``unless`` in the lead, ``unless_before`` in the sentence before the number, or
    ``unless_heading`` in the heading of its section (``（三）政府信息管理``) make it a false
    friend. ``after`` names the keys the nearest count read before it in its sentence must have
    (``其中结果维持6件`` after ``行政复议7件``); with ``takes_previous`` the clause holds no number
    and gives that previous count to ``key`` (``行政复议5件，均予以维持``).

    Among a document's statements of a key the highest rank wins (a stated whole — 全年, 共 — adds
    one, a part — after 其中 — loses one), then the first; with ``agree`` the statements of the
    best rank must agree, or the key is left out. A value at or above ``limit`` cannot be right:
    it is left out with a warning. ``reads`` and ``rejects`` are real sentences, as for :class:`ProseRule`.
    """

    key: str
    cue: str
    reads: tuple[tuple[str, int | float], ...]
    rejects: tuple[str, ...] = ()
    units: str = COUNTS
    then: str | None = None
    topic: str | None = None
    unless: str | None = None
    unless_before: str | None = None
    unless_heading: str | None = None
    after: tuple[str, ...] = ()
    takes_previous: bool = False
    rank: int = 1
    agree: bool = False
    limit: float | None = None

    @property
    def lead_pattern(self) -> str:
        """What the words before the number must end with (for ``takes_previous``: the whole clause)."""
        if self.takes_previous:
            return rf"^(?:{self.cue})$"
        return rf"(?:{self.cue}){LINK}$"

    @cached_property
    def lead_regex(self) -> re.Pattern[str]:
        """:attr:`lead_pattern`, compiled."""
        return re.compile(self.lead_pattern)

    @cached_property
    def units_regex(self) -> re.Pattern[str]:
        return re.compile(rf"(?:{self.units})$")

    @cached_property
    def then_regex(self) -> re.Pattern[str] | None:
        return re.compile(self.then) if self.then else None

    @cached_property
    def topic_regex(self) -> re.Pattern[str] | None:
        return re.compile(self.topic) if self.topic else None

    @cached_property
    def unless_regex(self) -> re.Pattern[str] | None:
        return re.compile(self.unless) if self.unless else None

    @cached_property
    def unless_before_regex(self) -> re.Pattern[str] | None:
        return re.compile(self.unless_before) if self.unless_before else None

    @cached_property
    def unless_heading_regex(self) -> re.Pattern[str] | None:
        return re.compile(self.unless_heading) if self.unless_heading else None


#: A prose rule of either form.
Rule = ProseRule | Concept


def concept(key: str, cue: str, reads: Mapping[str, int | float], rejects: tuple[str, ...] = (), **kw: Any) -> Concept:
    """A :class:`Concept`; ``kw`` are its other fields."""
    return Concept(key, cue, tuple(reads.items()), rejects, **kw)


def count(
    key: str,
    pattern: str,
    reads: Mapping[str, int | float],
    rejects: tuple[str, ...] = (),
    rank: int = 1,
    unless: str | None = None,
    needs: str | None = None,
) -> ProseRule:
    """A rule that reads a count."""
    return ProseRule(key, pattern, tuple(reads.items()), rejects, rank, unless, needs)


def zero(key: str, pattern: str, reads: tuple[str, ...], rejects: tuple[str, ...] = (), rank: int = 1) -> ProseRule:
    """A rule that reads a statement of zero (没有收到…申请); it counts only in a clause holding no count."""
    return ProseRule(key, pattern, tuple((s, 0) for s in reads), rejects, rank, zero=True)


@dataclass(frozen=True)
class Identity:
    """``sum(left) == sum(right)`` over the cells of one part of a table, named by ``where``.

    ``optional`` terms may be absent without stopping the check; ``names`` gives a term its
    short label in this identity (``自然人``, ``本年新收申请``).
    """

    id: str
    where: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    optional: tuple[str, ...] = ()
    names: tuple[tuple[str, str], ...] = ()

    @cached_property
    def labels(self) -> dict[str, str]:
        """:attr:`names` as a mapping, made once."""
        return dict(self.names)


@dataclass(frozen=True)
class CarryOver:
    """A figure that carries from one year's report to the next: ``key`` this year equals the sum of
    ``last`` in last year's report plus ``plus`` minus ``minus`` in this year's."""

    id: str
    key: str
    last: tuple[str, ...]
    plus: tuple[str, ...] = ()
    minus: tuple[str, ...] = ()


@dataclass(frozen=True)
class Derived:
    """A figure computed from counts: its id, labels, formula as the docs say it, and the function."""

    id: str
    zh: str
    en: str
    formula: str
    compute: Callable[[Counts], float | None] = field(compare=False)
    rate: bool = True


def ratio(num: float | None, den: float | None) -> float | None:
    """``num / den`` to four places; None when either is missing or the denominator is 0."""
    if num is None or den is None or den == 0:
        return None
    return round(num / den, 4)


def values(counts: Counts, *keys: str) -> list[float] | None:
    """The counts of ``keys``, or None when any is not reported."""
    got = [counts.get(k) for k in keys]
    return None if any(v is None for v in got) else got  # type: ignore[return-value]


def total(counts: Counts, keys: tuple[str, ...]) -> float | None:
    """The sum of the counts of ``keys``, or None when any is not reported."""
    got = values(counts, *keys)
    return None if got is None else sum(got)
