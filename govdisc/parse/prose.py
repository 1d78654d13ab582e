"""Counts stated in running text: the engine that applies the catalogue's prose rules.

A rule (:class:`~govdisc.metrics.schema.ProseRule`) is data: a metric key, a regex that embeds
:data:`~govdisc.numbers.NUMBER`, a rank (which wins when several sentences give different values)
and the words that, found earlier in the same clause, make the match a false friend (a subset,
another channel, another year).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from govdisc.metrics.schema import ProseRule
from govdisc.model import Evidence
from govdisc.numbers import Quantity, quantity
from govdisc.text import SENTENCE_BREAK, YEAR_WRITTEN

CLAUSE_MARK = re.compile(r"[，,：:]")
#: A count of something (a number with a counting unit): a clause holding one is not a statement of zero.
A_COUNT = re.compile(r"\d+\s*(?:件|起|宗|次|个|条|篇|项|份|元)|[一二两三四五六七八九十百千]+(?:件|起|宗)")
MAX_EVIDENCE = 120


@dataclass(frozen=True)
class Found:
    """A value found for a metric key, with its evidence."""

    key: str
    quantity: Quantity
    rank: int
    evidence: Evidence


def sentences(text: str) -> Iterable[tuple[int, str]]:
    """(offset, sentence) pairs of ``text``."""
    start = 0
    for m in SENTENCE_BREAK.finditer(text):
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


def _other_year(text: str, year: int | None) -> bool:
    return year is not None and any(int(y) != year for y in YEAR_WRITTEN.findall(text))


@lru_cache(maxsize=8)
def _any_rule(rules: tuple[ProseRule, ...]) -> re.Pattern[str]:
    """One pattern that matches where any of ``rules`` could: most sentences are skipped at once."""
    return re.compile("|".join(f"(?:{_NAMED_GROUP.sub('(?:', r.pattern)})" for r in rules))


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def find_counts(
    paragraphs: Iterable[tuple[str, int | None]], rules: Sequence[ProseRule], year: int | None = None
) -> dict[str, Found]:
    """Apply ``rules`` to (text, page) paragraphs; keep, per key, the best-ranked first value."""
    best: dict[str, Found] = {}
    anywhere = _any_rule(tuple(rules))
    for text, page in paragraphs:
        if not anywhere.search(text):
            continue
        for _, sentence in sentences(text):
            if not anywhere.search(sentence):
                continue
            for found in _match_sentence(sentence, page, rules, year):
                old = best.get(found.key)
                if old is None or found.rank > old.rank:
                    best[found.key] = found
    return best


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
