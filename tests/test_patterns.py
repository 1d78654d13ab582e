"""govdisc.patterns: a guarded pattern finds what the pattern finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govdisc.metrics import PROSE_RULES
from govdisc.metrics.schema import Concept, ProseRule
from govdisc.normalize.pinyin import PINYIN_ANNOTATION
from govdisc.normalize.punctuation import PUNCTUATION_RULES
from govdisc.patterns import first_chars, guarded

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.mark.parametrize(
    ("source", "first"),
    [
        ("abc", r"[\u0061]"),
        (r"(?:没有|未)?收取", r"[\u6ca1\u672a\u6536]"),
        (r"(?<!\d)(?P<n>[0-9]+|十)件", r"[\u0030-\u0039\u5341]"),
        (r"(?=x)\s*y", r"[\s\u0079]"),
        ("a*", None),  # matches the empty string
        ("x|", None),
        ("[^a]b", None),  # may start with almost anything
        (".a", None),
        ("(?i)x", None),  # flags: left alone
        ("(?a:x)", None),
        ("(", None),  # not a pattern
    ],
)
def test_first_chars(source: str, first: str | None) -> None:
    assert first_chars(source) == first


@pytest.mark.parametrize("source", ["abc", "[ab]c", "[ab]+c", "x|y", "(?:ab)c"])
def test_a_pattern_re_skips_to_by_itself_is_left_alone(source: str) -> None:
    assert guarded(source) == source


def test_a_pattern_that_starts_with_a_lookbehind_is_guarded_once() -> None:
    assert guarded(guarded("(?<=a)b")) == guarded("(?<=a)b") == r"(?=[\u0062])(?:(?<=a)b)"
    assert guarded(r"(?<=\d) +(?=年)|(?<=第) +(?=\d)") == r"(?=[\u0020])(?:(?<=\d) +(?=年)|(?<=第) +(?=\d))"


def _unguarded(source: str) -> str:
    m = re.fullmatch(r"\(\?=\[[^\]]*\]\)\(\?:(.*)\)", source)
    return m.group(1) if m else source


def _sources() -> list[str]:
    found = [_unguarded(p.pattern) for p in (PINYIN_ANNOTATION, *(p for _, p, _ in PUNCTUATION_RULES))]
    found += [
        r"(?<=[\u4e00-\u9fff，、（(])\s+(?=\d)|(?<=\d)\s+(?=[\u4e00-\u9fff，。、；）)])",
    ]
    for rule in PROSE_RULES:
        if isinstance(rule, ProseRule):
            found.append(rule.pattern)
        elif isinstance(rule, Concept):
            found += [rule.lead_pattern, *(p for p in (rule.topic, rule.unless, rule.unless_before) if p)]
    return found


def test_a_guarded_pattern_finds_the_same_matches() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    lines = text.splitlines()
    for source in _sources():
        plain, fast = re.compile(source), re.compile(guarded(source))
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], source
        for line in lines[::7]:
            got, want = fast.search(line), plain.search(line)
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), source
