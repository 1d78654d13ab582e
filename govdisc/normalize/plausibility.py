"""How plausible a string is as Chinese text, from jieba's word frequencies.

The model is a unigram word model: a text is segmented into the most probable sequence of
dictionary words (jieba's ``dict.txt`` plus a small lexicon of government-disclosure words and
enumerators such as ``（一）`` or ``一、``, counted as very common). A Han character standing alone
pays a small extra cost, characters outside the dictionary get a cost by kind (common punctuation
and runs of digits are cheap; stray letters, symbols, bopomofo or box drawing are dear). Text is
converted with OpenCC ``t2s`` first, so traditional text scores like simplified.

Whether a line looks garbled at all needs only how common each character is: that table ships
as ``govdisc/data/char_weights.tsv`` (built from jieba's dictionary by
``scripts/build_char_weights.py``) and loads in milliseconds; jieba's dictionary itself is read
only when a line that looks garbled is scored.

:func:`score` is the average log-probability per character: clauses of the seed reports score
about −4.6 (median), the same clauses decoded one byte out of phase about −14.
"""

from __future__ import annotations

import importlib.util
import math
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from govdisc.normalize.traditional import to_simplified

__all__ = [
    "DOMAIN_WORDS",
    "ENUMERATORS",
    "char_logprob",
    "char_weight",
    "char_weights",
    "count_char_weights",
    "is_plausible",
    "is_rare_han",
    "known_words",
    "log_probability",
    "score",
    "simplify",
    "split_words",
    "word_edges",
    "word_logprob",
]

_DOMAIN_TEXT = """
    公开 申请 情况 信息 政府信息 政务公开 信息公开 政府信息公开 主动公开 依申请公开 不予公开 部分公开
    行政复议 行政诉讼 政策解读 年度报告 工作报告 建设 平台 平台建设 监督 保障 监督保障 申请人 答复
    受理 办理 收费 公开目录 公开指南 政府网站 门户网站 政务新媒体 政务微博 公众号 规范性文件 行政许可
    行政处罚 行政强制 行政事业性收费 总体情况 主要问题 改进情况 其他需要报告的事项 存在的主要问题
    进一步 工作要点 本年 上年 新增 废止 现行有效 维持 纠正 驳回 结果 办公室 人民政府 公开平台 制度建设
"""

#: Words of open-government reports, counted as very common words.
DOMAIN_WORDS: tuple[str, ...] = tuple(_DOMAIN_TEXT.split())

_NUMERALS = "一二三四五六七八九十"

#: Section enumerators, counted as the most common words of all.
ENUMERATORS: tuple[str, ...] = (
    tuple(f"（{n}）" for n in _NUMERALS)
    + tuple(f"({n})" for n in _NUMERALS)
    + tuple(f"{n}、" for n in _NUMERALS)
    + tuple(f"第{n}" for n in _NUMERALS)
    + tuple(f"{n}是" for n in _NUMERALS)
)

_DOMAIN_FREQ = 60_000
_ENUMERATOR_FREQ = 300_000
_MAX_WORD = 10
_COMMON_MIN_FREQ = 10

_PUNCT_COST: Mapping[str, float] = {
    **dict.fromkeys("，", -4.5),
    **dict.fromkeys("。、", -5.0),
    **dict.fromkeys("；：“”（）《》,.;:()", -6.5),
    **dict.fromkeys("‘’【】—…·-/%\"'「」〔〕", -8.0),
    **dict.fromkeys("!！?？", -9.0),
}
_SPACE_COST = -4.0
_DIGIT_COST = -6.0
_LETTER_COST = -9.0
_ASCII_SYMBOL_COST = -8.0
_ALNUM_RUN_COST = -1.5
_FULLWIDTH_COST = -9.0
_LATIN_COST = -12.0
_HAN_IN_WORDS_COST = -18.0
_HAN_UNKNOWN_COST = -20.0
_SYMBOL_COST = -22.0
_REPLACEMENT_COST = -25.0
_LONE_HAN_PENALTY = 2.0


#: The shipped table of :func:`char_weights`, one ``character<TAB>weight`` a line.
CHAR_WEIGHTS = "char_weights.tsv"


@dataclass(frozen=True)
class _Model:
    #: Every word with its frequency: jieba's, and the lexicon's (whose frequencies win).
    words: Mapping[str, int]
    lexicon: Mapping[str, int]
    log_total: float
    starts: frozenset[str]
    ends: frozenset[str]


def jieba_dictionary() -> Path:
    """jieba's word-frequency dictionary, found without importing jieba (whose import is slow)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ImportError("jieba is not installed")
    return Path(spec.origin).parent / "dict.txt"


def jieba_words() -> dict[str, int]:
    """Every word of jieba's dictionary with its frequency."""
    tokens = jieba_dictionary().read_text(encoding="utf-8").split()
    return dict(zip(tokens[0::3], map(int, tokens[1::3]), strict=True))


def count_char_weights(words: Mapping[str, int]) -> dict[str, int]:
    """Each character's weight: the summed frequencies of the common words (``≥ 10``) it occurs in."""
    chars: dict[str, int] = {}
    for word, freq in words.items():
        if freq >= _COMMON_MIN_FREQ:
            for ch in word:
                chars[ch] = chars.get(ch, 0) + freq
    return chars


@lru_cache(maxsize=1)
def char_weights() -> Mapping[str, int]:
    """The shipped table of :func:`count_char_weights` over jieba's dictionary."""
    text = (files("govdisc") / "data" / CHAR_WEIGHTS).read_text(encoding="utf-8")
    return {line[0]: int(line[2:]) for line in text.splitlines()}


@lru_cache(maxsize=1)
def _model() -> _Model:
    words = jieba_words()
    log_total = math.log(sum(words.values()))
    lexicon = {**dict.fromkeys(DOMAIN_WORDS, _DOMAIN_FREQ), **dict.fromkeys(ENUMERATORS, _ENUMERATOR_FREQ)}
    words.update(lexicon)  # one lookup a word from here on
    long = [w for w in words if len(w) >= 3]
    starts = frozenset(w[:2] for w in long)
    ends = frozenset(w[-2:] for w in long)
    return _Model(words, lexicon, log_total, starts, ends)


def simplify(text: str) -> str:
    """``text`` converted with OpenCC t2s (the form every other function here scores)."""
    return to_simplified(text) if text else text


def word_logprob(word: str) -> float | None:
    """Log-probability of ``word`` (simplified) as a dictionary or lexicon word, None if unknown."""
    model = _model()
    freq = model.words.get(word)
    return math.log(freq) - model.log_total if freq else None


def known_words(candidates: Iterable[str]) -> dict[str, float]:
    """The log-probabilities of those ``candidates`` (simplified) that are dictionary or lexicon words."""
    model = _model()
    words, log_total = model.words, model.log_total
    found: dict[str, float] = {}
    for word in candidates:
        freq = words.get(word)
        if freq:
            found[word] = math.log(freq) - log_total
    return found


def word_edges() -> tuple[frozenset[str], frozenset[str]]:
    """The first two and the last two characters of every word of three or more characters."""
    model = _model()
    return model.starts, model.ends


def char_weight(ch: str) -> int:
    """How often the simplified character ``ch`` occurs inside common dictionary words."""
    return char_weights().get(ch, 0)


def is_rare_han(ch: str, limit: int = 400) -> bool:
    """True for a CJK ideograph seldom seen in ordinary words (after t2s conversion)."""
    if not _is_han(ch):
        return False
    simple = simplify(ch)
    return char_weight(simple if len(simple) == 1 else ch) < limit


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


@lru_cache(maxsize=8192)
def char_logprob(ch: str) -> float:
    """Log-probability of the simplified character ``ch`` standing alone as a one-character token."""
    model = _model()
    freq = model.words.get(ch)
    if freq:
        return math.log(freq) - model.log_total
    if ch in _PUNCT_COST:
        return _PUNCT_COST[ch]
    if ch.isspace():
        return _SPACE_COST
    if ch.isascii():
        if ch.isdigit():
            return _DIGIT_COST
        return _LETTER_COST if ch.isalpha() else _ASCII_SYMBOL_COST
    if _is_han(ch):
        return _HAN_IN_WORDS_COST if ch in char_weights() else _HAN_UNKNOWN_COST
    if ch == "\ufffd":
        return _REPLACEMENT_COST
    if "\uff01" <= ch <= "\uff5e":
        return _FULLWIDTH_COST
    if unicodedata.category(ch).startswith("L") and ch < "\u0250":
        return _LATIN_COST
    return _SYMBOL_COST


@lru_cache(maxsize=8192)
def _lone_cost(ch: str, prev: str) -> float:
    if ch.isascii() and ch.isalnum() and prev.isascii() and prev.isalnum():
        return _ALNUM_RUN_COST
    return char_logprob(ch) - _LONE_HAN_PENALTY if _is_han(ch) else char_logprob(ch)


def _best_path(text: str) -> tuple[list[float], list[int]]:
    model = _model()
    words, log_total, ends = model.words, model.log_total, model.ends
    best = [0.0] * (len(text) + 1)
    back = [0] * (len(text) + 1)
    # a word of three or more characters starts with a pair of ``starts`` and ends with one of ``ends``:
    # only there is a longer slice looked up
    opens = [text[i : i + 2] in model.starts for i in range(len(text))]
    for end in range(1, len(text) + 1):
        top, cut = best[end - 1] + _lone_cost(text[end - 1], text[end - 2 : end - 1]), end - 1
        closes = text[end - 2 : end] in ends
        for start in range(max(0, end - _MAX_WORD), end - 1):
            if start < end - 2 and not (closes and opens[start]):
                continue
            freq = words.get(text[start:end])
            if freq and best[start] + math.log(freq) - log_total > top:
                top, cut = best[start] + math.log(freq) - log_total, start
        best[end], back[end] = top, cut
    return best, back


def _segment_logprob(text: str) -> float:
    return _best_path(text)[0][-1]


def split_words(text: str) -> list[str]:
    """The most probable split of ``text`` into words (spans of the original, not of its t2s form)."""
    simple = simplify(text)
    if len(simple) != len(text):
        simple = text
    back = _best_path(simple)[1]
    cuts = [len(text)]
    while cuts[-1]:
        cuts.append(back[cuts[-1]])
    return [text[a:b] for a, b in zip(cuts[:0:-1], cuts[-2::-1], strict=True)]


def log_probability(text: str) -> float:
    """Log-probability of the most probable segmentation of ``text`` (after t2s conversion)."""
    return _segment_logprob(simplify(text))


def score(text: str) -> float:
    """Average log-probability per character of ``text``; 0.0 for empty text."""
    simple = simplify(text)
    return _segment_logprob(simple) / len(simple) if simple else 0.0


def is_plausible(text: str, threshold: float = -9.5) -> bool:
    """True when ``text`` reads like ordinary Chinese (its :func:`score` reaches ``threshold``)."""
    return score(text) >= threshold
