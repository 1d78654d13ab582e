"""Text repair on the real seed texts and on the damage real pages show."""

from __future__ import annotations

from govdisc.normalize import normalize_text
from govdisc.normalize.lookalikes import fix_lookalikes
from govdisc.normalize.pinyin import remove_pinyin
from govdisc.normalize.punctuation import fix_punctuation
from govdisc.normalize.traditional import is_traditional
from tests.helpers import SAMPLES, cli

SEED_004 = SAMPLES / "004_9ce4a37fc6d0bdf2.txt"


def test_normalize_command_repairs_seed_004():
    run = cli("normalize", str(SEED_004))
    assert run.returncode == 0, run.stderr
    text = run.stdout
    assert text.startswith("江海区人民政府办公室2021年度政府信息公开工作年度报告")
    assert "江门市江海区人民政府办公室" in text
    assert "（一）主动公开情况" in text
    assert "(qū)" not in text and "(wù)" not in text and ",、" not in text and ",," not in text
    assert "區" not in text and "開" not in text  # simplified
    assert "(含民生“微实事”3件)" in text  # real parentheses untouched
    assert "pinyin" in run.stderr and "simplified" in run.stderr


def test_pinyin_only_after_characters():
    assert remove_pinyin("江海區(qū)人民政府")[0] == "江海區人民政府"
    assert remove_pinyin("建議5件(含民生“微實事”3件)")[0] == "建議5件(含民生“微實事”3件)"
    assert remove_pinyin("代码(abc)与(2021)")[0] == "代码(abc)与(2021)"


def test_doubled_punctuation():
    text, fixes = fix_punctuation("一,、總體情況 市委,、市政府 領導下,,我辦 4條,;“江門” 68萬次,。")
    assert text == "一、總體情況 市委、市政府 領導下，我辦 4條；“江門” 68萬次。"
    assert fixes


def test_numbers_with_thousands_separators_keep_their_comma():
    assert fix_punctuation("收费1,234元")[0] == "收费1,234元"


def test_placeholders_are_left_alone():
    text = "坚持以***新时代中国特色社会主义思想为指导,全面贯彻党的20D精神"
    out, _ = normalize_text(text)
    assert "***" in out and "20D" in out


def test_lookalike_radicals():
    assert fix_lookalikes("⼀⽐⻓⻔⺠")[0] == "一比长门民"
    assert fix_lookalikes("政府信息")[1] == []


def test_traditional_is_detected_not_assumed():
    assert is_traditional("江海區人民政府辦公室政府信息公開工作年度報告")
    assert not is_traditional("江海区人民政府办公室政府信息公开工作年度报告")
    out, fixes = normalize_text("后面的乾坤")  # simplified text that t2s would touch is left alone
    assert out == "后面的乾坤" and not fixes


def test_fullwidth_digits_and_html_debris():
    out, _ = normalize_text("<p>收到申请２４件&nbsp;</p>")
    assert out.strip() == "收到申请24件"
