"""GBK byte-misalignment repair (govdisc.normalize.mojibake) and the plausibility scorer behind it."""

from __future__ import annotations

import difflib
import re
import sys
from functools import lru_cache
from pathlib import Path

import opencc
import pytest

from govdisc.normalize import plausibility
from govdisc.normalize.mojibake import is_user_defined_pair, misalign, repair_gbk_misalignment
from govdisc.normalize.plausibility import is_plausible, score, split_words

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CLEAN_SEEDS = ("000", "001", "002", "003")


def _sample(prefix: str) -> str:
    return next(SAMPLES.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


@lru_cache(maxsize=1)
def _clauses() -> tuple[str, ...]:
    """Clauses of 6–20 Chinese characters from the clean seeds, in order, without repeats."""
    found: dict[str, None] = {}
    for prefix in CLEAN_SEEDS:
        for clause in re.split(r"[，。；：、,;:\s“”《》（）()!?？！]+", _sample(prefix)):
            if 6 <= len(clause) <= 20 and re.fullmatch(r"[\u4e00-\u9fff]+", clause):
                found[clause] = None
    return tuple(found)


def _page(sentence: str, errors: str) -> str:
    """A line as the page shows it: indented with an ideographic space whose lead byte became ``?``."""
    return "?" + misalign("　" + sentence, errors)


def _loses_a_pair(sentence: str) -> bool:
    raw = ("　" + sentence).encode("gb18030")[1:]
    return any(is_user_defined_pair(raw[i], raw[i + 1]) for i in range(0, len(raw) - 1, 2))


@pytest.fixture(scope="module")
def seed004() -> tuple[str, str, list[str]]:
    text = _sample("004")
    fixed, notes = repair_gbk_misalignment(text)
    return text, fixed, notes


# --- seed 004: the real damage -------------------------------------------------------------------


def test_damage_model_reproduces_the_seed() -> None:
    assert _page("（一）主動公開情況", "replace") == "?。ㄒ唬┲鲃庸_情況"
    assert _page("（二）依申請公開情況", "replace") == "?。ǘ┮郎暾埞_情況"
    assert _page("（四）平臺建設", "replace") == "?。ㄋ模┢脚_建設"


def test_seed_004_headings_are_rebuilt(seed004: tuple[str, str, list[str]]) -> None:
    _, fixed, _ = seed004
    lines = fixed.splitlines()
    for heading in ("（一）主動公開情況", "（二）依申請公開情況", "（四）平臺建設", "（一）進一步提高", "（四）做好"):
        assert any(line.startswith(heading) for line in lines), heading
    for garbled in ("?。ㄒ唬┲鲃庸_", "?。ǘ┮郎暾埞_", "?。ㄋ模┢脚_", "?。ㄒ唬┻M", "?。ㄋ模┳龊"):
        assert garbled not in fixed


def test_seed_004_notes_explain_each_fix(seed004: tuple[str, str, list[str]]) -> None:
    _, _, notes = seed004
    assert notes == [
        "garbled text left as is (could not be re-aligned): '“正?;?、'",
        "repaired GBK byte misalignment: '?。ㄒ唬┲鲃庸_情況' → '（一）主動公開情況' "
        "(2 characters rebuilt from lost bytes)",
        "repaired GBK byte misalignment: '?。ǘ┮郎暾埞_情況' → '（二）依申請公開情況' "
        "(4 characters rebuilt from lost bytes)",
        "repaired GBK byte misalignment: '?。ㄋ模┢脚_建設' → '（四）平臺建設'",
        "repaired GBK byte misalignment: '?。ㄒ唬┻M一步' → '（一）進一步'",
        "repaired GBK byte misalignment: '?。ㄋ模┳龊' → '（四）做好'",
        "garbled text left as is (could not be re-aligned): '做好谜?'",
    ]


def test_seed_004_unrecoverable_runs_stay(seed004: tuple[str, str, list[str]]) -> None:
    original, fixed, _ = seed004
    assert "堅持以“正?;?、規(guī)范化" in original
    assert "堅持以“正?;?、規(guī)范化" in fixed
    assert "（四）做好谜?wù)公開平臺" in fixed


def test_seed_004_changes_only_the_garbled_lines(seed004: tuple[str, str, list[str]]) -> None:
    original, fixed, _ = seed004
    before, after = original.splitlines(), fixed.splitlines()
    assert len(before) == len(after)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [i for i, line in enumerate(before) if line.startswith("?。")]
    assert fixed.endswith("\n") == original.endswith("\n")


def test_seed_004_repair_is_repeatable() -> None:
    """Repairing keeps no state between calls (its speed is measured by bench/speed_checks.py)."""
    text = _sample("004")
    first = repair_gbk_misalignment(text)
    assert repair_gbk_misalignment(text) == first
    assert repair_gbk_misalignment(text) == first


# --- clean text never changes --------------------------------------------------------------------


@pytest.mark.parametrize("prefix", CLEAN_SEEDS)
def test_clean_seeds_unchanged(prefix: str) -> None:
    text = _sample(prefix)
    assert repair_gbk_misalignment(text) == (text, [])


def test_clean_seeds_in_traditional_unchanged() -> None:
    text = _to_traditional().convert("\n".join(_sample(p) for p in CLEAN_SEEDS))
    assert repair_gbk_misalignment(text) == (text, [])


def test_clean_lines_of_seed_004_unchanged() -> None:
    text = "\n".join(line for line in _sample("004").splitlines() if "?" not in line)
    assert repair_gbk_misalignment(text) == (text, [])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "是否公开?是",
        "是否公开？是",
        "20D",
        "20?D",
        "***",
        "请填写？？？。",
        "http://fjbada.com/gkmlpt/index?id=3公开",
        "江海區(qū)人民政府辦公室",
        "（?）政府信息",
        "第?条规定",
        "A类事项B级",
        "①②③ⅠⅡⅢ",
        "琰珺玥",
    ],
)
def test_ordinary_text_unchanged(text: str) -> None:
    assert repair_gbk_misalignment(text) == (text, [])


def test_question_marks_in_clean_sentences_unchanged() -> None:
    lines = [line for p in CLEAN_SEEDS for line in _sample(p).splitlines() if len(line.strip()) > 4]
    for n, line in enumerate(lines):
        for k in (len(line) // 3, 2 * len(line) // 3):
            text = line[:k] + "?？"[n % 2] + line[k:]
            assert repair_gbk_misalignment(text) == (text, []), text


# --- round trip: encode, lose a byte, drop user-defined pairs, repair ------------------------------


def _round_trip(sentences: list[str]) -> tuple[float, float, float]:
    """Share repaired exactly, the same among sentences that lost no pair, mean similarity."""
    exact, similarity = [], []
    for i, sentence in enumerate(sentences):
        page = _page(sentence, "replace" if i % 2 else "ignore")
        fixed, _ = repair_gbk_misalignment(page)
        exact.append(fixed == sentence)
        similarity.append(difflib.SequenceMatcher(None, fixed, sentence).ratio())
        assert repair_gbk_misalignment(sentence) == (sentence, [])
    intact = [ok for ok, s in zip(exact, sentences, strict=True) if not _loses_a_pair(s)]
    return sum(exact) / len(exact), sum(intact) / len(intact), sum(similarity) / len(similarity)


def test_round_trip_traditional() -> None:
    sentences = [_to_traditional().convert(s) for s in _clauses()[::5]]
    exact, intact, similarity = _round_trip(sentences)
    assert exact >= 0.6
    assert intact >= 0.85
    assert similarity >= 0.9


def test_round_trip_simplified() -> None:
    sentences = list(_clauses()[::5])
    exact, intact, similarity = _round_trip(sentences)
    assert exact >= 0.18
    assert intact >= 0.55
    assert similarity >= 0.75


# --- the plausibility scorer ---------------------------------------------------------------------


def test_model_loads_without_importing_jieba() -> None:
    """The model is jieba's dictionary read as a file: jieba itself, slow to import, is never imported.

    How long loading takes is measured by bench/speed_checks.py, not asserted here.
    """
    model = plausibility._model()
    assert len(model.words) > 100_000 and len(plausibility.char_weights()) > 3_000
    assert all(word in model.lexicon for word in plausibility.DOMAIN_WORDS)
    assert "jieba" not in sys.modules, "jieba was imported: the model should read its dict.txt as a plain file"


def test_real_sentences_beat_their_misaligned_forms() -> None:
    for sentence in _clauses():
        assert score(sentence) - score(misalign(sentence)) > 2.0, sentence
    assert sum(map(is_plausible, _clauses())) / len(_clauses()) >= 0.99
    assert not any(is_plausible(misalign(s)) for s in _clauses() if len(s) >= 10)
    traditional = [_to_traditional().convert(s) for s in _clauses()]
    better = sum(score(s) > score(misalign(s)) for s in traditional)
    assert better / len(traditional) >= 0.95


def test_repaired_headings_score_far_above_the_garbled_ones() -> None:
    for garbled, repaired in [
        ("?。ㄒ唬┲鲃庸_情況", "（一）主動公開情況"),
        ("?。ǘ┮郎暾埞_情況", "（二）依申請公開情況"),
        ("?。ㄋ模┢脚_建設", "（四）平臺建設"),
    ]:
        assert score(repaired) - score(garbled) > 5.0
        assert is_plausible(repaired)
        assert not is_plausible(garbled)


def test_traditional_scores_like_simplified() -> None:
    assert score("主動公開政府信息") == pytest.approx(score("主动公开政府信息"))
    assert score("") == 0.0


def test_split_words_uses_the_domain_lexicon() -> None:
    assert split_words("（二）依申請公開情況") == ["（二）", "依申請公開", "情況"]
    assert "".join(split_words("政府信息公开工作年度报告")) == "政府信息公开工作年度报告"
