"""Counts stated in running text: the engine that applies the catalogue's prose concepts and rules.

Every number that carries a counting unit is read with what surrounds it: its *lead* (the words
of its clause before it, from the clause start or the previous count), the words after its unit,
the sentence it is in and the heading of its section (``（二）依申请公开情况``). The catalogue's
concepts (:class:`~govdisc.metrics.schema.Concept`) decide from these which key, if any, the
number is; every word they use is theirs (``govdisc/metrics``), none is the engine's.

Rules (:class:`~govdisc.metrics.schema.ProseRule`) are regexes over a sentence, used for
statements of zero (没有收到…申请), which hold no number.

Among a document's statements of one key the highest rank wins, then the first; a concept with
``agree`` leaves its key out when the best-ranked statements disagree, and a value above a
concept's ``limit`` is left out with a warning.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from govdisc.metrics.schema import Concept, ProseRule, Rule, any_of
from govdisc.metrics.vocabulary import CLAUSE_MARKS, COUNT_UNITS, LISTED, PART, WHOLE
from govdisc.model import Evidence
from govdisc.numbers import NUMBER, Quantity, quantity
from govdisc.patterns import guarded
from govdisc.text import HEADING, SENTENCE_BREAK, YEAR_WRITTEN

CLAUSE_MARK = re.compile(r"[，,：:]")
#: A count of something (a number with a counting unit): a clause holding one is not a statement of zero.
A_COUNT = re.compile(r"\d+\s*(?:件|起|宗|次|个|条|篇|项|份|元)|[一二两三四五六七八九十百千]+(?:件|起|宗)")
MAX_EVIDENCE = 120
#: The ends of a whole sentence (a semicolon only ends a clause: 收到申请7件；办结7件 is one statement).
FULL_STOP = re.compile(r"[。！？!?\n]")
#: A number with a counting unit, not the tail of a longer number.
COUNT = re.compile(guarded(rf"(?<![\d.零〇一二两三四五六七八九十百千万亿]){NUMBER}\s*(?P<unit>{COUNT_UNITS})"))
_LEAD_END = re.compile(f"[{re.escape(CLAUSE_MARKS)}]")
_WHOLE = re.compile(WHOLE)
_LISTED = re.compile(LISTED)
_PART = re.compile(PART)
#: Only the words this close before a number are its lead.
MAX_LEAD = 200
#: A sentence's topic may be said in the heading of its section or in this many sentences before it
#: in its paragraph that state counts (申请人行政复议1件 after 收到政府信息公开34件): a mere mention
#: elsewhere in a paragraph (推进行政复议信息公开。) does not make a topic.
TOPIC_REACH = 2
#: A heading is a short sentence that starts like one (一、 （二） 3.).
MAX_HEADING = 40
#: A year right after these words is where a request is carried to (结转2024年继续办理), not another year's count.
_CARRIED_TO = re.compile(r"(?:结转|转入|转)(?:至|到)?$")


@dataclass(frozen=True)
class Found:
    """A value found for a metric key, with its evidence."""

    key: str
    quantity: Quantity
    rank: int
    evidence: Evidence


def sentences(text: str) -> Iterable[tuple[int, str]]:
    """(offset, sentence) pairs of ``text``, a semicolon ending a sentence too."""
    return _split(text, SENTENCE_BREAK)


def full_sentences(text: str) -> Iterable[tuple[int, str]]:
    """(offset, sentence) pairs of ``text``, split only at full stops and line ends."""
    return _split(text, FULL_STOP)


def _split(text: str, breaks: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    start = 0
    for m in breaks.finditer(text):
        if m.start() > start:
            yield start, text[start : m.start() + 1]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


class Clauses:
    """A sentence with its clause marks (，：) found once, so each lookup is a bisection."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.marks = [m.start() for m in CLAUSE_MARK.finditer(sentence)]

    def start(self, pos: int) -> int:
        """Where the clause holding ``pos`` starts."""
        i = bisect_left(self.marks, pos)
        return self.marks[i - 1] + 1 if i else 0

    def end(self, pos: int) -> int:
        """Where the clause holding ``pos`` ends."""
        i = bisect_left(self.marks, pos)
        return self.marks[i] if i < len(self.marks) else len(self.sentence)

    def snippet(self, start: int, end: int) -> str:
        """The clause(s) around ``sentence[start:end]``, at most :data:`MAX_EVIDENCE` characters."""
        a, b = self.start(start), self.end(end)
        if b - a > MAX_EVIDENCE:
            a = max(a, end - MAX_EVIDENCE + 10)
            b = min(b, a + MAX_EVIDENCE)
        return self.sentence[a:b].strip()


def _states_whole(lead: str) -> bool:
    """Whether a count's lead states a whole (全年, 共): not the sum of a list named before it (…、…等共计)."""
    whole = _WHOLE.search(lead)
    return whole is not None and not _LISTED.search(lead, 0, whole.start())


def _other_year(text: str, year: int | None) -> bool:
    """Whether ``text`` names a year other than ``year`` (not the year a request is carried to)."""
    if year is None:
        return False
    for m in YEAR_WRITTEN.finditer(text):
        y = int(m.group(1))
        if y != year and not (y == year + 1 and _CARRIED_TO.search(text, 0, m.start())):
            return True
    return False


class _Catalogue:
    """A rule set indexed once: its concepts by the unit they take, with one pattern for all their leads,
    so a count whose lead no concept could take costs one search, not one per concept."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = rules
        self.concepts = tuple(r for r in rules if isinstance(r, Concept))
        self.patterns = tuple(r for r in rules if isinstance(r, ProseRule))
        self.counting = tuple(c for c in self.concepts if not c.takes_previous)
        self.taking = tuple(c for c in self.concepts if c.takes_previous)
        #: Where any of the rules could match: most sentences are skipped at once.
        self.anywhere = any_of(r.pattern for r in self.patterns)
        self._by_unit: dict[str, tuple[tuple[Concept, ...], re.Pattern[str]]] = {}

    def taking_unit(self, unit: str) -> tuple[tuple[Concept, ...], re.Pattern[str]]:
        """The counting concepts whose units take ``unit``, in order, and the pattern of any of their leads."""
        got = self._by_unit.get(unit)
        if got is None:
            group = tuple(c for c in self.counting if c.units_regex.fullmatch(unit))
            leads = any_of(c.lead_pattern for c in group)
            got = self._by_unit[unit] = (group, leads)
        return got


_CATALOGUES: dict[int, _Catalogue] = {}


def _catalogue(rules: Sequence[Rule]) -> _Catalogue:
    """The index of ``rules``, built once per rule set (the last few are kept)."""
    found = _CATALOGUES.get(id(rules))
    if found is None or found.rules is not rules:
        if len(_CATALOGUES) >= 8:
            _CATALOGUES.clear()
        found = _CATALOGUES[id(rules)] = _Catalogue(rules)
    return found


def find_counts(
    paragraphs: Iterable[tuple[str, int | None]],
    rules: Sequence[Rule],
    year: int | None = None,
    warnings: list[str] | None = None,
    sums: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Found]:
    """Apply ``rules`` to (text, page) paragraphs: per key, the best-ranked first value.

    ``year`` is the year reported on (counts of other years are not read); what was left out as
    implausible or contradictory is said in ``warnings``; a whole of ``sums`` stated only by its
    parts is their sum, marked derived.
    """
    catalogue = _catalogue(rules)
    concepts, patterns, anywhere = catalogue.concepts, catalogue.patterns, catalogue.anywhere
    notes: list[str] = [] if warnings is None else warnings
    candidates: dict[str, list[Found]] = {}
    heading = ""
    for text, page in paragraphs:
        if concepts:
            before: list[str] = []
            last = ""
            for _, sentence in full_sentences(text):
                if HEADING.match(sentence) and len(sentence) <= MAX_HEADING:
                    heading = sentence
                if COUNT.search(sentence):
                    # a sentence that starts with a part (其中，同意公开1000件) is about the one before it
                    told = (last,) if _PART.match(sentence.lstrip()) else ()
                    context = "\n".join((heading, *before[-TOPIC_REACH:], *told))
                    for found in _Reader(sentence, page, heading, context, year, notes).read(catalogue):
                        candidates.setdefault(found.key, []).append(found)
                    before.append(sentence)
                last = sentence
        if patterns and anywhere.search(text):
            for _, sentence in sentences(text):
                if anywhere.search(sentence):
                    for found in _match_sentence(sentence, page, patterns, year):
                        candidates.setdefault(found.key, []).append(found)
    agree = {c.key for c in concepts if c.agree}
    return _add_sums(_choose(candidates, agree, notes), sums or {})


def _add_sums(best: dict[str, Found], sums: Mapping[str, Sequence[str]]) -> dict[str, Found]:
    """Each whole of ``sums`` that is not stated but whose parts all are: their sum, marked derived."""
    for whole, parts in sums.items():
        if whole in best or not all(p in best for p in parts):
            continue
        founds = [best[p] for p in parts]
        value = sum(f.quantity.value for f in founds)
        approx = next((f.quantity.approx for f in founds if f.quantity.approx), None)
        text = " + ".join(f.evidence.text for f in founds) + f" = {value:g}"
        evidence = Evidence("prose", text, founds[0].evidence.page, approx, derived=True)
        best[whole] = Found(whole, Quantity(value, approx), min(f.rank for f in founds), evidence)
    return best


def _choose(candidates: dict[str, list[Found]], agree: set[str], warnings: list[str]) -> dict[str, Found]:
    best: dict[str, Found] = {}
    for key, founds in candidates.items():
        top = max(f.rank for f in founds)
        tops = [f for f in founds if f.rank == top]
        values = list(dict.fromkeys(f.quantity.value for f in tops))
        if key in agree and len(values) > 1:
            said = "、".join(f"{v:g}" for v in values[:4])
            warnings.append(f"prose: {key} is stated as {said}; left out")
            continue
        best[key] = tops[0]
    return best


@dataclass
class _Reader:
    """Reads the counts of one sentence with the catalogue's concepts."""

    sentence: str
    page: int | None
    #: The heading of the section the sentence is in ("" before the first).
    heading: str
    #: The heading of its section and the sentences with counts before it in its paragraph: where its topic may be.
    context: str
    year: int | None
    warnings: list[str]
    #: (start of evidence, end of count, key, quantity) of what was read, in order.
    reads: list[tuple[int, int, str, Quantity]] = field(default_factory=list)
    topics: dict[Concept, bool] = field(default_factory=dict)

    def read(self, catalogue: _Catalogue) -> Iterator[Found]:
        s = self.sentence
        taking = catalogue.taking
        part_at = m.start() if (m := _PART.search(s)) else len(s)
        bounds = [m.start() for m in _LEAD_END.finditer(s)]
        previous_end = 0
        for m in COUNT.finditer(s):
            i = bisect_left(bounds, m.start())
            clause_start = bounds[i - 1] + 1 if i else 0
            if taking and previous_end:
                yield from self._taken(taking, bounds, previous_end, clause_start)
            start = max(clause_start, previous_end, m.start() - MAX_LEAD)
            previous_end = m.end()
            q = quantity(m)
            if q is None:
                continue
            lead = s[start : m.start()]
            rank_change = (1 if _states_whole(lead) else 0) - (1 if part_at < m.start() else 0)
            here: dict[str, Found] = {}  # per key, the best-ranked concept that reads this count
            counting, any_lead = catalogue.taking_unit(m.group("unit"))
            first = any_lead.search(lead) if counting else None
            at = first.start() if first else 0  # no concept's lead can match before the first place any does
            for c in counting if first else ():
                if not c.lead_regex.search(lead, at):
                    continue
                if c.key in here and here[c.key].rank >= c.rank + rank_change:
                    continue
                end = m.end()
                if c.then_regex is not None:
                    then = c.then_regex.match(s, end)
                    if then is None:
                        continue
                    end = then.end()
                if not self._fits(c, lead, m.start(), s[start:end]):
                    continue
                snippet = self._snippet(start, end)
                if c.limit is not None and q.value >= c.limit:
                    self.warnings.append(
                        f"prose: {c.key} = {q.value:g} cannot be right (≥ {c.limit:g}), left out: {snippet}"
                    )
                    continue
                here[c.key] = Found(c.key, q, c.rank + rank_change, Evidence("prose", snippet, self.page, q.approx))
            for key, found in here.items():
                self.reads.append((start, m.end(), key, q))
                yield found
        if taking and previous_end:
            yield from self._taken(taking, bounds, previous_end, len(s))

    def _fits(self, c: Concept, lead: str, at: int, clause: str) -> bool:
        """Whether what surrounds a count whose lead and unit ``c`` takes lets ``c`` read it."""
        if c.unless_regex is not None and c.unless_regex.search(lead):
            return False
        if c.unless_before_regex is not None and c.unless_before_regex.search(self.sentence, 0, at):
            return False
        if c.unless_heading_regex is not None and c.unless_heading_regex.search(self.heading):
            return False
        if c.after and not (self.reads and self.reads[-1][2] in c.after):
            return False
        return self._on_topic(c) and not _other_year(clause, self.year)

    def _on_topic(self, c: Concept) -> bool:
        if c.topic_regex is None:
            return True
        if c not in self.topics:
            self.topics[c] = bool(c.topic_regex.search(self.sentence) or c.topic_regex.search(self.context))
        return self.topics[c]

    def _taken(self, taking: Sequence[Concept], bounds: list[int], since: int, until: int) -> Iterator[Found]:
        """The clauses between the last count and the next that state no number but give it a key.

        The rest of the count's own clause (3项全部予以公开) is tried first, then the clause right
        after it (行政复议5件，均予以维持); no clause further on speaks of it.
        """
        if not self.reads or self.reads[-1][1] != since:
            return
        first, _, _, q = self.reads[-1]
        s = self.sentence
        i = bisect_left(bounds, since)
        rest_end = bounds[i] if i < len(bounds) else len(s)
        spans = [(since, rest_end, False)] if rest_end <= until else []
        spans += [(bounds[j] + 1, bounds[j + 1] if j + 1 < len(bounds) else len(s), True)
                  for j in range(i, bisect_left(bounds, until, i))]  # fmt: skip
        for a, b, after_mark in spans:
            clause = s[a:b].strip().rstrip("。！？!?")
            for c in taking:
                if clause and c.lead_regex.search(clause) and self._fits(c, "", a, s[a:b]):
                    self.reads.append((first, since, c.key, q))
                    yield Found(c.key, q, c.rank, Evidence("prose", self._snippet(first, b), self.page, q.approx))
                    return
            if clause and after_mark:
                return

    def _snippet(self, start: int, end: int) -> str:
        start = max(start, end - MAX_EVIDENCE)
        return self.sentence[start:end].strip()


def _match_sentence(sentence: str, page: int | None, rules: Sequence[ProseRule], year: int | None) -> Iterable[Found]:
    clauses = Clauses(sentence)
    for rule in rules:
        for m in rule.regex.finditer(sentence):
            clause_from = clauses.start(m.start())
            clause = sentence[clause_from : clauses.end(m.end())]
            if _other_year(clause, year):
                continue
            if rule.zero:
                if A_COUNT.search(clause):
                    continue
                q: Quantity | None = Quantity(0)
            else:
                if rule.unless_regex is not None and rule.unless_regex.search(sentence, clause_from, m.start()):
                    continue
                if rule.needs_regex is not None and not rule.needs_regex.search(sentence):
                    continue
                q = quantity(m)
            if q is None:
                continue
            text = clauses.snippet(m.start(), m.end())
            yield Found(rule.key, q, rule.rank, Evidence("prose", text, page, q.approx))
            break
