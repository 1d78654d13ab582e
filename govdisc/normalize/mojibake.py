"""Repair GB18030/GBK text that a page decoded one byte out of phase.

A page that lost one byte of a GBK stream decodes every following pair (trail of one character,
lead of the next) as the wrong character until an ASCII byte brings it back in step; pairs that
fall into GBK's user-defined areas are dropped on the way. ``?。ㄒ唬┲鲃庸_情況`` is such a run:
re-encoded and read one byte later it gives ``（一）主動筥情況``, and putting back the dropped pair
inside ``筥`` (B9 5F → B9 [AB E9] 5F) rebuilds ``公開``.

:func:`repair_gbk_misalignment` finds suspicious runs (a ``?`` before mis-decoded characters,
bopomofo, box drawing, half-width forms, clusters of rare characters, a lone ASCII letter between
Chinese characters where a trail byte brought the page back in step), tries the re-alignments
around them, puts back lost pairs where a character stands alone between words, guesses a final
character whose trail byte was lost only when the context leaves no doubt, and keeps a run only
when :mod:`.plausibility` finds it clearly more plausible than what the page showed. Everything
else is left untouched; garbled runs it cannot re-align are reported.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from itertools import accumulate, islice
from typing import NamedTuple

from .plausibility import (
    char_logprob,
    is_rare_han,
    known_words,
    log_probability,
    score,
    simplify,
    split_words,
    word_edges,
)

__all__ = ["MAX_RUNS", "RepairBudget", "document_budget", "is_user_defined_pair", "misalign", "repair_gbk_misalignment"]

_MARKERS = frozenset("?？\ufffd")
_PINYIN = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňḿɑɡ")
_ODD_SYMBOLS = frozenset("ˉˇ¨〃々‖∶∧∨∑∏∪∩∈∷√⊥∥∠⌒⊙∫∮≡≌≈∽∝≠≮≯∞∵∴♂♀′″¤￠￡〓")
_ODD_RANGES = (
    ("\u0391", "\u03c9"),
    ("\u0401", "\u0451"),
    ("\u2500", "\u257f"),
    ("\u3040", "\u30ff"),
    ("\u3100", "\u312f"),
    ("\ue000", "\uf8ff"),
    ("\ufe30", "\ufe4f"),
    ("\uff61", "\uffdc"),
)
_HIGH_FIRST = tuple(range(0xAA, 0xB0)) + tuple(range(0xF8, 0xFF))
_LOW_FIRST = tuple(range(0xA1, 0xA8))

_NORMAL, _MARKER, _ODD, _PINYIN_KIND, _FULL_LETTER = range(5)

_CLUSTER_GAP = 3
#: How far from a suspicious character a re-aligned run may reach (keeps each try bounded on a long line).
_REACH = 256
#: Suspicious runs one document may have tried; past them the rest of its text is left as it is.
MAX_RUNS = 120
_START_REACH = 3
_CONTEXT = 4
_TOP_PAIRS = 8
_SUSPECT_LOGPROB = -7.0
_INSERT_GAIN = 2.0
_GUESS_MARGIN = 2.0
_ACCEPT_GAIN = 6.0
_ACCEPT_AVERAGE_GAIN = 0.5
_REBUILT_COST = 4.0
_PLAUSIBLE = -9.5
_GARBLED = -7.0


class _Item(NamedTuple):
    """One re-aligned unit: ``c`` a character, ``p`` a lost pair between ``lead`` and ``trail``,
    ``d`` a lead whose trail byte was lost. ``src`` is the run index that gave the lead byte."""

    kind: str
    text: str
    lead: int
    trail: int
    src: int


class _Repair(NamedTuple):
    """``line[start:end]`` becomes ``text + kept``; ``kept`` is a garbled tail left as it was."""

    start: int
    end: int
    text: str
    rebuilt: int
    kept: str


def is_user_defined_pair(first: int, second: int) -> bool:
    """True when the two bytes fall into a GBK user-defined (private-use) area."""
    if 0xAA <= first <= 0xAF or 0xF8 <= first <= 0xFE:
        return 0xA1 <= second <= 0xFE
    return 0xA1 <= first <= 0xA7 and 0x40 <= second <= 0xA0


def misalign(text: str, errors: str = "replace") -> str:
    """``text`` as a page shows it after losing its first byte: a model of the damage, for tests.

    The GB18030 bytes are read from the second byte on, pairs in user-defined areas are dropped,
    and undecodable bytes become ``?`` (``errors="replace"``) or vanish (``errors="ignore"``).
    """
    raw = text.encode("gb18030")[1:]
    kept = bytearray()
    pos = 0
    while pos < len(raw):
        if raw[pos] < 0x80 or pos + 1 == len(raw):
            kept.append(raw[pos])
            pos += 1
            continue
        if not is_user_defined_pair(raw[pos], raw[pos + 1]):
            kept += raw[pos : pos + 2]
        pos += 2
    return kept.decode("gb18030", errors).replace("\ufffd", "?")


@lru_cache(maxsize=65536)
def _pair_char(lead: int, trail: int) -> str | None:
    if not (0x81 <= lead <= 0xFE and 0x40 <= trail <= 0xFE and trail != 0x7F):
        return None
    if is_user_defined_pair(lead, trail):
        return None
    ch = bytes((lead, trail)).decode("gb18030", "replace")
    if len(ch) != 1 or ch == "\ufffd" or "\ue000" <= ch <= "\uf8ff":
        return None
    return ch


@lru_cache(maxsize=4096)
def _first_halves(lead: int) -> tuple[tuple[int, str, str], ...]:
    found = ((t, _pair_char(lead, t)) for t in _HIGH_FIRST + _LOW_FIRST)
    return tuple((t, ch, simplify(ch)) for t, ch in found if ch)


@lru_cache(maxsize=4096)
def _second_halves(trail: int, low: bool) -> tuple[tuple[str, str], ...]:
    leads = range(0x81, 0xA1) if low else range(0xA1, 0xFF)
    found = (_pair_char(lead, trail) for lead in leads)
    return tuple((ch, simplify(ch)) for ch in found if ch)


@lru_cache(maxsize=4096)
def _seconds(trail: int) -> tuple[tuple[str, str, str], ...]:
    return tuple(("", ch, simple) for low in (False, True) for ch, simple in _second_halves(trail, low))


@lru_cache(maxsize=4096)
def _completions(lead: int) -> tuple[tuple[float, str, str], ...]:
    """(log-probability alone, character, simplified) of each character ``lead`` can begin, likeliest first."""
    found = (_pair_char(lead, t) for t in range(0x40, 0xFF))
    return _by_standing((ch, simplify(ch)) for ch in found if ch)


def _by_standing(options: Iterable[tuple[str, str]]) -> tuple[tuple[float, str, str], ...]:
    return tuple(sorted(((char_logprob(simple), label, simple) for label, simple in options), reverse=True))


def _in_ranges(ch: str) -> bool:
    return any(lo <= ch <= hi for lo, hi in _ODD_RANGES)


@lru_cache(maxsize=65536)
def _char_kind(ch: str) -> int:
    if ch in _MARKERS:
        return _MARKER
    if ch.isascii():
        return _NORMAL
    if ch in _PINYIN:
        return _PINYIN_KIND
    if "\uff21" <= ch <= "\uff3a" or "\uff41" <= ch <= "\uff5a":
        return _FULL_LETTER
    if ch in _ODD_SYMBOLS or _in_ranges(ch) or is_rare_han(ch):
        return _ODD
    return _NORMAL


def _is_wide(ch: str) -> bool:
    return not ch.isascii() and not ch.isspace()


def _candidates(odd: Iterable[str]) -> re.Pattern[str]:
    """Where :func:`_odd_positions` has to look: the ``odd`` characters, and ASCII letters and symbols."""
    return re.compile("[\x40-\x7e" + "".join(map(re.escape, sorted(odd))) + "]")


def _odd_positions(line: str, candidates: re.Pattern[str]) -> tuple[list[int], set[int]]:
    """Indices of characters that look mis-decoded (a run of markers counts once, an ASCII letter
    between two wide characters counts), and the markers among them that stand right before
    implausible wide characters, where a misaligned run typically starts; only the ``candidates``
    (:func:`_candidates`) are looked at."""
    found: list[int] = []
    anchors: set[int] = set()
    for m in candidates.finditer(line):
        pos, ch = m.start(), m.group()
        kind = _char_kind(ch)
        if kind == _NORMAL and not "\x40" <= ch <= "\x7e":
            continue
        prev = line[pos - 1] if pos else " "
        nxt = line[pos + 1] if pos + 1 < len(line) else " "
        if kind == _NORMAL:
            if not (_is_wide(prev) and _is_wide(nxt)):
                continue
        elif kind == _MARKER:
            if prev in _MARKERS:
                continue
            end = pos
            while end + 1 < len(line) and line[end + 1] in _MARKERS:
                end += 1
            after = line[end + 1] if end + 1 < len(line) else " "
            if _is_wide(after) and score(line[end + 1 : end + 1 + _CONTEXT]) < _GARBLED:
                anchors.add(pos)
            elif ch != "？" and not _is_wide(prev):
                continue
        elif kind == _PINYIN_KIND:
            if (prev.isascii() and prev.isalpha()) or (nxt.isascii() and nxt.isalpha()):
                continue
        elif kind == _FULL_LETTER and (_char_kind(prev) == _FULL_LETTER or _char_kind(nxt) == _FULL_LETTER):
            continue
        found.append(pos)
    return found, anchors


def _next_cluster(positions: list[int], index: int, anchors: set[int]) -> tuple[int, int, int] | None:
    """The first span of odd characters lying close together in ``positions[index:]`` (two or more of
    them, or one anchor), as (first, last, index just past it); None when there is none."""
    while index < len(positions):
        end = index + 1
        while end < len(positions) and positions[end] - positions[end - 1] <= _CLUSTER_GAP:
            end += 1
        if end - index >= 2 or positions[index] in anchors:
            return positions[index], positions[end - 1], end
        index = end
    return None


def _realigned(run: str, trail: str) -> list[_Item] | None:
    """The run's bytes read one byte later (a leading marker is dropped with that byte)."""
    stream: list[int] = []
    owner: list[int] = []
    for idx, ch in enumerate(run):
        if ch in _MARKERS and (idx == 0 or ch != "？"):
            if idx == 0 or idx == len(run) - 1:
                continue
            stream.append(-1)
            owner.append(idx)
            continue
        try:
            raw = ch.encode("gb18030")
        except UnicodeEncodeError:
            return None
        if len(raw) != 2:
            return None
        stream += raw
        owner += (idx, idx)
    stream, owner = stream[1:], owner[1:]
    if trail:
        stream.append(ord(trail))
        owner.append(len(run))
    items: list[_Item] = []
    pos = 0
    while pos < len(stream):
        lead = stream[pos]
        if lead < 0x80:
            return None
        if pos + 1 == len(stream):
            items.append(_Item("d", "", lead, -1, owner[pos]))
            break
        second = stream[pos + 1]
        if second < 0:
            if pos + 2 >= len(stream) or stream[pos + 2] < 0x40:
                return None
            items.append(_Item("p", "", lead, stream[pos + 2], owner[pos]))
            pos += 3
            continue
        pair = _pair_char(lead, second)
        if pair is None:
            return None
        items.append(_Item("c", pair, lead, second, owner[pos]))
        pos += 2
    return items


def _ctx_cost(simple: str) -> float:
    return sum(char_logprob(ch) for ch in simple)


def _contexts(left: str, right: str) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    heads = [(left[-n:], _ctx_cost(left[-n:])) for n in (1, 2) if len(left) >= n]
    tails = [(right[:n], _ctx_cost(right[:n])) for n in (1, 2) if len(right) >= n]
    return heads, tails


def _around(heads: list[tuple[str, float]], tails: list[tuple[str, float]], middles: Iterable[str]) -> set[str]:
    """The strings head + middle and middle + tail that may be words: a two-character head or tail
    takes part only when some longer word starts or ends with it."""
    starts, ends = word_edges()
    before = [head for head, _ in heads if len(head) < 2 or head in starts]
    after = [tail for tail, _ in tails if len(tail) < 2 or tail in ends]
    found = {head + middle for middle in middles for head in before}
    found.update(middle + tail for middle in middles for tail in after)
    return found


def _top_fits(
    ranked: tuple[tuple[float, str, str], ...],
    heads: list[tuple[str, float]],
    tails: list[tuple[str, float]],
    known: dict[str, float],
) -> list[tuple[float, str]]:
    """The :data:`_TOP_PAIRS` largest (fit, label) of ``ranked`` (as :func:`_by_standing` orders it).

    Only a character that may form one of the ``known`` words with its context can fit better than
    it stands alone; every other one keeps its rank, so only the first few of them are looked at.
    """
    near = {word[len(head) :] for word in known for head, _ in heads if word.startswith(head)}
    near.update(word[: -len(tail)] for word in known for tail, _ in tails if word.endswith(tail))
    fitted = [(_fit(simple, heads, tails, known), label) for _, label, simple in ranked if simple in near]
    alone = ((value, label) for value, label, simple in ranked if simple not in near)
    return heapq.nlargest(_TOP_PAIRS, [*fitted, *islice(alone, _TOP_PAIRS)])


def _fit(ch: str, heads: list[tuple[str, float]], tails: list[tuple[str, float]], known: dict[str, float]) -> float:
    best = char_logprob(ch)
    for head, cost in heads:
        if head + ch in known:
            best = max(best, known[head + ch] - cost)
    for tail, cost in tails:
        if ch + tail in known:
            best = max(best, known[ch + tail] - cost)
    return best


class _Pairs(NamedTuple):
    """What a lost pair (t, l) between ``lead`` and ``trail`` may have been, whatever stands around it:
    per group (trail bytes above or below 0xAA) the simplified first and second characters (as
    :func:`_by_standing` orders them), the pairs
    (lead, t)(l, trail) by their simplified reading, the dictionary words among those readings, and
    those readings that begin or end a longer word."""

    groups: tuple[tuple[tuple[tuple[float, str, str], ...], tuple[tuple[float, str, str], ...]], ...]
    firsts: tuple[str, ...]
    seconds: tuple[str, ...]
    joined: dict[str, list[str]]
    words: dict[str, float]
    ending: frozenset[str]
    starting: frozenset[str]


@lru_cache(maxsize=4096)
def _pairs(lead: int, trail: int) -> _Pairs | None:
    firsts = _first_halves(lead)
    if not firsts:
        return None
    starts, ends = word_edges()
    groups = [
        ([(first, a) for t, first, a in firsts if (t < 0xAA) == low], _second_halves(trail, low))
        for low in (False, True)
    ]
    joined: dict[str, list[str]] = {}
    for group_firsts, group_seconds in groups:
        for first, a in group_firsts:
            for second, b in group_seconds:
                joined.setdefault(a + b, []).append(first + second)
    return _Pairs(
        tuple((_by_standing((a, a) for _, a in fs), _by_standing((b, b) for _, b in ss)) for fs, ss in groups),
        tuple(a for _, _, a in firsts),
        tuple(b for _, _, b in _seconds(trail)),
        joined,
        known_words(joined),
        ends.intersection(joined),
        starts.intersection(joined),
    )


def _pair_options(lead: int, trail: int, left: str, right: str) -> list[str]:
    """Likeliest two characters (lead, t)(l, trail) for a lost user-defined pair (t, l)."""
    pairs = _pairs(lead, trail)
    if pairs is None:
        return []
    heads, tails = _contexts(simplify(left), simplify(right))
    starts, ends = word_edges()
    joined, ending, starting = pairs.joined, pairs.ending, pairs.starting
    wanted = _around(heads, [], pairs.firsts) | _around([], tails, pairs.seconds)
    wanted.update(head + ab for ab in ending for head, _ in heads if len(head) == 2 or head + ab[0] in starts)
    wanted.update(ab + tail for ab in starting for tail, _ in tails if len(tail) == 2 or ab[1] + tail in ends)
    known = {**pairs.words, **known_words(wanted)}
    best: dict[str, float] = {}

    def offer(ab: str, value: float) -> None:
        for pair in joined[ab]:
            best[pair] = max(best.get(pair, value), value)

    for group_firsts, group_seconds in pairs.groups:
        top_a = _top_fits(group_firsts, heads, [], known)
        top_b = _top_fits(group_seconds, [], tails, known)
        for fit_a, a in top_a:
            for fit_b, b in top_b:
                offer(a + b, fit_a + fit_b)
    for ab, value in pairs.words.items():
        offer(ab, value)
    for head, cost in heads:
        for ab in ending:
            if head + ab in known:
                offer(ab, known[head + ab] - cost)
    for tail, cost in tails:
        for ab in starting:
            if ab + tail in known:
                offer(ab, known[ab + tail] - cost)
    return heapq.nlargest(_TOP_PAIRS, best, key=best.__getitem__)


def _best_in_window(options: list[str], left: str, right: str) -> list[tuple[float, str]]:
    return sorted(((log_probability(left + o + right), o) for o in options), reverse=True)


def _suspects(items: list[_Item], shown: list[str], before: str, after: str) -> set[int]:
    """Items standing alone between words: where a lost pair may have been spliced out."""
    pos = len(before)
    starts: list[int] = []
    for text in shown:
        starts.append(pos)
        pos += len(text)
    alone: set[int] = set()
    pos = 0
    for token in split_words(before + "".join(shown) + after):
        if len(token) == 1:
            alone.add(pos)
        pos += len(token)
    return {
        k
        for k, item in enumerate(items)
        if item.kind == "c" and starts[k] in alone and char_logprob(simplify(item.text)) <= _SUSPECT_LOGPROB
    }


@lru_cache(maxsize=4096)
def _completion_ranking(lead: int, left: str, right: str) -> tuple[tuple[float, str], ...]:
    """The likeliest characters ``lead`` began between ``left`` and ``right``, best first (the re-alignments
    of one run tried in turn ask for the same ones)."""
    heads, tails = _contexts(simplify(left), simplify(right))
    options = _completions(lead)
    known = known_words(_around(heads, tails, {b for _, _, b in options}))
    return tuple(_best_in_window([ch for _, ch in _top_fits(options, heads, tails, known)], left, right))


def _guess_last(lead: int, left: str, right: str, fallback: str) -> str | None:
    """A confident guess for the character whose trail byte was lost, else None."""
    ranked = _completion_ranking(lead, left, right)
    if not ranked:
        return None
    best_lp, best = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else float("-inf")
    if best_lp - runner_up < _GUESS_MARGIN:
        return None
    if best_lp - log_probability(left + fallback + right) < _GUESS_MARGIN:
        return None
    return best


def _resolve(items: list[_Item], run: str, before: str, after: str) -> tuple[str, int, str] | None:
    """Re-aligned text, the number of characters rebuilt from lost bytes, and the garbled tail kept."""
    shown = [item.text for item in items]
    if items and items[-1].kind == "d":
        completed = _completion_ranking(items[-1].lead, (before + "".join(shown))[-_CONTEXT:], after[:_CONTEXT])
        shown[-1] = completed[0][1] if completed else ""
    suspects = _suspects(items, shown, before, after)
    out: list[str] = []
    left = before[-_CONTEXT:]
    rebuilt = 0
    for k, item in enumerate(items):
        right = ("".join(shown[k + 1 : k + 1 + _CONTEXT]) + after)[:_CONTEXT]
        piece = item.text
        if item.kind == "c" and k in suspects:
            ranked = _best_in_window(_pair_options(item.lead, item.trail, left, right), left, right)
            if ranked and ranked[0][0] - log_probability(left + item.text + right) >= _INSERT_GAIN:
                piece = ranked[0][1]
                rebuilt += 2
        elif item.kind == "p":
            ranked = _best_in_window(_pair_options(item.lead, item.trail, left, right), left, right)
            if not ranked:
                return None
            piece = ranked[0][1]
            rebuilt += 2
        elif item.kind == "d":
            guess = _guess_last(item.lead, left, after[:_CONTEXT], run[item.src])
            if guess is None:
                return "".join(out), rebuilt, run[item.src :]
            piece = guess
            rebuilt += 1
        out.append(piece)
        left = (left + piece)[-_CONTEXT:]
    return "".join(out), rebuilt, ""


def _plain(items: list[_Item]) -> str:
    return "".join(item.text for item in items)


def _candidate_spans(line: str, first: int, floor: int) -> list[tuple[int, int, str]]:
    """(start, end, ascii trail) spans that may hold a misaligned run seen at ``first``."""
    lo = first
    floor = max(floor, first - _REACH)
    while lo > floor and (_is_wide(line[lo - 1]) or line[lo - 1] in _MARKERS):
        lo -= 1
    hi = first + 1
    ceiling = min(len(line), first + _REACH)
    while hi < ceiling and (_is_wide(line[hi]) or line[hi] in _MARKERS):
        hi += 1
    starts = {first} if line[first] in _MARKERS else {lo, *range(max(lo, first - _START_REACH), first + 1)}
    ends: list[tuple[int, str]] = [(hi, "")]
    if hi < len(line) and 0x40 <= ord(line[hi]) <= 0x7E and line[hi - 1] not in _MARKERS:
        ends.append((hi + 1, line[hi]))
    ends += [(m + 1, "") for m in range(first + 1, hi - 1) if line[m] in "?\ufffd"]
    spans = []
    for start in sorted(starts):
        if start > floor and line[start - 1] in _MARKERS:
            continue
        spans += [(start, end, trail) for end, trail in ends if end - start >= 2]
    return spans


def _repair_cluster(line: str, first: int, floor: int) -> _Repair | None:
    """The most plausible re-alignment of the run seen at ``first`` (starting at ``floor`` or later),
    if it is clearly better than what the page shows."""
    spans = _candidate_spans(line, first, floor)
    if not spans:
        return None
    lo = max(0, min(s for s, _, _ in spans) - _CONTEXT)
    hi = min(len(line), max(e for _, e, _ in spans) + _CONTEXT)
    by_end: dict[int, tuple[float, int, list[_Item]]] = {}
    for start, end, trail in spans:
        items = _realigned(line[start : end - len(trail)], trail)
        if items:
            rough = log_probability(line[lo:start] + _plain(items) + line[end:hi])
            if end not in by_end or rough > by_end[end][0]:
                by_end[end] = (rough, start, items)
    best: tuple[float, _Repair] | None = None
    for end, (_, start, items) in by_end.items():
        run = line[start:end]
        resolved = _resolve(items, run, line[max(0, start - _CONTEXT) : start], line[end : end + _CONTEXT])
        if resolved is None or not resolved[0]:
            continue
        text, rebuilt, kept = resolved
        fit = log_probability(line[lo:start] + text + kept + line[end:hi])
        if best is None or fit > best[0]:
            best = (fit, _Repair(start, end, text, rebuilt, kept))
    if best is None:
        return None
    fix = best[1]
    before = "".join(ch for ch in line[lo:hi] if ch not in _MARKERS)
    after = line[lo : fix.start] + fix.text + fix.kept + line[fix.end : hi]
    if log_probability(after) - log_probability(before) - _REBUILT_COST * fix.rebuilt < _ACCEPT_GAIN:
        return None
    if score(after) - score(before) < _ACCEPT_AVERAGE_GAIN or score(after) < _PLAUSIBLE:
        return None
    return fix


def _reportable(line: str, first: int, last: int) -> bool:
    """Whether an odd cluster that was not repaired is garbled enough to be worth a warning."""
    span = line[first : last + 1]
    odd = [ch for ch in span if _char_kind(ch) != _NORMAL]
    telltales = sum(1 for ch in odd if not is_rare_han(ch))
    if telltales < 2 and not (telltales and len(odd) >= 3):
        return False
    return score(line[max(0, first - 1) : last + 2]) < _GARBLED


def _excerpt(line: str, start: int, end: int) -> str:
    return line[max(0, start - 2) : end + 2]


def _repair_line(line: str, budget: RepairBudget, candidates: re.Pattern[str]) -> tuple[str, list[str]]:
    """The line with its misaligned runs re-aligned, and the notes; each cluster tried costs one unit of
    ``budget``, and once it is spent the rest of the line is left as it is."""
    positions, anchors = _odd_positions(line, candidates)
    pieces: list[str] = []
    notes: list[str] = []
    done = 0
    found = _next_cluster(positions, 0, anchors)
    while found is not None and budget.spend():
        first, last, after = found
        fix = _repair_cluster(line, first, done)
        if fix is None:
            if _reportable(line, first, last):
                notes.append(f"garbled text left as is (could not be re-aligned): '{_excerpt(line, first, last)}'")
            found = _next_cluster(positions, after, anchors)
            continue
        pieces.append(line[done : fix.start])
        tail = line[fix.end : fix.end + 2] if not fix.kept else ""
        old = line[fix.start : fix.end - len(fix.kept)] + tail
        rebuilt = f" ({_count(fix.rebuilt)} rebuilt from lost bytes)" if fix.rebuilt else ""
        notes.append(f"repaired GBK byte misalignment: '{old}' → '{fix.text + tail}'{rebuilt}")
        if fix.kept:
            notes.append(f"garbled text left as is (could not be re-aligned): '{fix.text[-2:]}{fix.kept}'")
        pieces.append(fix.text + fix.kept)
        done = fix.end
        found = _next_cluster(positions, bisect_left(positions, done), anchors)
    pieces.append(line[done:])
    return "".join(pieces), notes


def _count(n: int) -> str:
    return f"{n} character" if n == 1 else f"{n} characters"


def repair_gbk_misalignment(text: str) -> tuple[str, list[str]]:
    """Re-align runs of GBK text decoded one byte out of phase; return the text and what was done.

    A run is changed only when the re-aligned reading is clearly more plausible Chinese than the
    one on the page; runs that look garbled but cannot be re-aligned are kept and reported.
    """
    odd = [ch for ch in set(text) if _char_kind(ch) != _NORMAL]
    if not odd:
        return text, []
    budget = _BUDGET.get() or RepairBudget()
    spent = budget.exhausted
    out: list[str] = []
    notes: list[str] = []
    lines = text.splitlines(keepends=True)
    ends = list(accumulate(map(len, lines)))
    finder, candidates = re.compile("[" + "".join(map(re.escape, sorted(odd))) + "]"), _candidates(odd)
    done = 0  # text[:done] is in ``out``
    hit = finder.search(text)
    while hit is not None and not budget.exhausted:
        n = bisect_right(ends, hit.start())  # the line holding an odd character
        line, start = lines[n], ends[n] - len(lines[n])
        body = line.rstrip("\r\n")
        fixed, made = _repair_line(body, budget, candidates)
        out += (text[done:start], fixed, line[len(body) :])
        notes += made
        done = ends[n]
        hit = finder.search(text, done)
    out.append(text[done:])
    if budget.exhausted and not spent:
        notes.append(f"GBK misalignment repair stopped after {budget.limit} garbled runs; the rest is left as is")
    return "".join(out), notes


class RepairBudget:
    """How many suspicious runs one document may have tried (each costs a search over re-alignments)."""

    def __init__(self, limit: int = MAX_RUNS) -> None:
        self.limit = limit
        self.left = limit
        self.exhausted = False

    def spend(self) -> bool:
        """Take one unit; False (and exhausted from then on) when none is left."""
        if self.left <= 0:
            self.exhausted = True
            return False
        self.left -= 1
        return True


_BUDGET: ContextVar[RepairBudget | None] = ContextVar("mojibake_budget", default=None)


@contextmanager
def document_budget(limit: int = MAX_RUNS) -> Iterator[RepairBudget]:
    """Share one :class:`RepairBudget` among every repair made inside the block (one document's)."""
    token = _BUDGET.set(RepairBudget(limit))
    try:
        yield _BUDGET.get() or RepairBudget(limit)
    finally:
        _BUDGET.reset(token)
