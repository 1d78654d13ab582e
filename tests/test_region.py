"""Region of an agency from its leading place names, against the shipped GB/T 2260 table."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import pytest

from govdisc.region import region_key, resolve, short_name

TABLE = files("govdisc") / "data" / "gbt2260.tsv"

KNOWN = [
    ("江门市江海区人民政府办公室", "广东省", "江门市", "江海区", "440704"),
    ("蚌埠市公共资源局", "安徽省", "蚌埠市", None, "340300"),
    ("桐城市商务局", "安徽省", "安庆市", "桐城市", "340881"),
    ("佛山中德工业服务区（三龙湾）管理委员会", "广东省", "佛山市", None, "440600"),
    ("淮安市洪泽区人民政府", "江苏省", "淮安市", "洪泽区", "320813"),
    ("上海市人民政府办公厅", "上海市", "上海市", None, "310100"),
    ("从化区", "广东省", "广州市", "从化区", "440117"),
    ("安庆市", "安徽省", "安庆市", None, "340800"),
    ("滁州市水利局", "安徽省", "滁州市", None, "341100"),
    ("淮南市教体局", "安徽省", "淮南市", None, "340400"),
    ("马鞍山市商务局", "安徽省", "马鞍山市", None, "340500"),
    ("温岭市融媒体中心", "浙江省", "台州市", "温岭市", "331081"),
    ("固原市市场监管局", "宁夏回族自治区", "固原市", None, "640400"),
    ("淮安市人民政府", "江苏省", "淮安市", None, "320800"),
    ("洪泽区人民政府", "江苏省", "淮安市", "洪泽区", "320813"),
    ("宁夏回族自治区人民政府", "宁夏回族自治区", None, None, "640000"),
    ("安徽安庆市人民政府", "安徽省", "安庆市", None, "340800"),
    ("广东佛山中德工业服务区管理委员会", "广东省", "佛山市", None, "440600"),
    ("南京市鼓楼区人民政府", "江苏省", "南京市", "鼓楼区", "320106"),
    ("北京市朝阳区人民政府", "北京市", "北京市", "朝阳区", "110105"),
    ("上海市徐汇区人民政府", "上海市", "上海市", "徐汇区", "310104"),
    ("重庆市丰都县人民政府", "重庆市", "重庆市", "丰都县", "500230"),
    ("恩施州人民政府", "湖北省", "恩施土家族苗族自治州", None, "422800"),
    ("仙桃市人民政府", "湖北省", None, "仙桃市", "429004"),
    ("江门市朝阳区", "广东省", "江门市", None, "440700"),
    ("吉林大学", "吉林省", None, None, "220000"),
    ("桥西区人民政府", "河北省", None, None, "130000"),
]

UNRESOLVED = [
    None,
    "",
    "朝阳区人民政府",
    "鼓楼区",
    "鼓楼区人民政府",
    "中山大学",
    "公安局",
    "城区人民政府",
    "江门区",
    "国家税务总局江门市税务局",
    "中华人民共和国海关总署",
]


@cache
def table() -> dict[str, tuple[str, str]]:
    """code -> (name, parent_code)."""
    lines = [line for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert lines[0] == "code\tname\tparent_code"
    return {code: (name, parent) for code, name, parent in (line.split("\t") for line in lines[1:])}


def chain(code: str) -> list[str]:
    """Names from the province down to the unit."""
    names: list[str] = []
    while code:
        name, code = table()[code]
        names.insert(0, name)
    return names


def distinct(names: list[str]) -> list[str]:
    """Names without a repeat of the one before (上海市 上海市 → 上海市)."""
    return [n for i, n in enumerate(names) if i == 0 or names[i - 1] != n]


def assert_consistent(region: dict[str, str | None]) -> None:
    """The code is a 6-digit table code whose chain of names is the region's."""
    code = region["code"]
    assert code and len(code) == 6 and code.isdigit()
    names = [n for n in (region["province"], region["city"], region["county"]) if n]
    assert chain(code) == names


@pytest.mark.parametrize(("agency", "province", "city", "county", "code"), KNOWN)
def test_known_agencies(agency, province, city, county, code):
    region = resolve(agency)
    assert region == {"province": province, "city": city, "county": county, "code": code}
    assert_consistent(region)


@pytest.mark.parametrize("agency", UNRESOLVED)
def test_nothing_certain_gives_none(agency):
    assert resolve(agency) is None


def test_ambiguous_district_settled_only_by_context():
    beijing = resolve("朝阳区人民政府", "北京市")
    assert beijing == {"province": "北京市", "city": "北京市", "county": "朝阳区", "code": "110105"}
    changchun = resolve("朝阳区人民政府", "吉林省长春市朝阳区2023年政府信息公开工作年度报告")
    assert changchun == {"province": "吉林省", "city": "长春市", "county": "朝阳区", "code": "220104"}
    assert resolve("朝阳区人民政府", "北京市 长春市") is None
    assert resolve("朝阳区人民政府", "2023年政府信息公开工作年度报告") is None
    assert resolve("鼓楼区人民政府", "南京市鼓楼区")["code"] == "320106"
    in_jiangsu = resolve("鼓楼区人民政府", "江苏省")
    assert in_jiangsu is None or in_jiangsu["city"] is None


def test_context_does_not_override_a_certain_name():
    assert resolve("江海区人民政府", "北京市")["code"] == "440704"


def test_no_unit_is_ever_resolved_to_another():
    """Every name in the table, followed by agency text, resolves to itself or to what its namesakes share."""
    for code, (name, _) in table().items():
        region = resolve(name + "人民政府办公室")
        if region is None:
            continue
        assert_consistent(region)
        own, got = distinct(chain(code)), distinct(chain(region["code"]))
        assert own[: len(got)] == got, (name, code, region)


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("宁夏回族自治区", "宁夏"),
        ("新疆维吾尔自治区", "新疆"),
        ("内蒙古自治区", "内蒙古"),
        ("巴音郭楞蒙古自治州", "巴音郭楞"),
        ("恩施土家族苗族自治州", "恩施"),
        ("江海区", "江海"),
        ("桐城市", "桐城"),
        ("神农架林区", "神农架"),
        ("和县", "和县"),
    ],
)
def test_short_names(name, short):
    assert short_name(name) == short


def test_region_key_levels():
    tongcheng = resolve("桐城市商务局")
    assert region_key(tongcheng, "province") == "安徽省"
    assert region_key(tongcheng, "city") == "安徽省 安庆市"
    assert region_key(tongcheng, "county") == "安徽省 安庆市 桐城市"
    bengbu = resolve("蚌埠市公共资源局")
    assert region_key(bengbu, "city") == "安徽省 蚌埠市"
    assert region_key(bengbu, "county") is None
    shanghai = resolve("上海市人民政府办公厅")
    assert region_key(shanghai, "province") == "上海市"
    assert region_key(shanghai, "city") == "上海市"
    assert region_key(resolve("上海市徐汇区"), "county") == "上海市 徐汇区"
    hebei = resolve("桥西区人民政府")
    assert region_key(hebei, "province") == "河北省"
    assert region_key(hebei, "city") is None
    assert region_key(resolve("仙桃市"), "city") == "湖北省 仙桃市"
    assert region_key(None, "province") is None
    with pytest.raises(ValueError):
        region_key(tongcheng, "town")


def test_table_is_small_complete_and_attributed():
    text = TABLE.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 150_000
    assert text.startswith("#") and "MIT" in text.splitlines()[0]
    rows = table()
    assert 3200 <= len(rows) <= 3700
    assert all(len(code) == 6 and code.isdigit() for code in rows)
    assert all(parent == "" or parent in rows for _, parent in rows.values())
    assert sum(1 for _, parent in rows.values() if not parent) == 34
    for code in ("110000", "120000", "310000", "500000"):
        assert rows[code[:3] + "100"] == (rows[code][0], code)


def test_every_name_with_a_placeless_title_resolves_to_itself():
    """Every name in the table as an agency (``…人民政府``), with a title that names no place as context,
    resolves to itself or to what its namesakes share (how fast is measured by bench/speed_checks.py)."""
    for code, (name, _) in table().items():
        region = resolve(name + "人民政府", "2023年政府信息公开工作年度报告")
        if region is None:
            continue
        assert_consistent(region)
        own, got = distinct(chain(code)), distinct(chain(region["code"]))
        assert own[: len(got)] == got, (name, code, region)
