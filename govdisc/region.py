"""Administrative region (GB/T 2260) of an agency, read from the place names its name starts with."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

Triple = tuple[str | None, str | None, str | None]

LEVELS = ("province", "city", "county")

SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "特区", "新区",
    "省", "市", "州", "盟", "县", "区", "旗",
)  # fmt: skip

ETHNIC_GROUPS = (
    "柯尔克孜族", "乌孜别克族", "维吾尔族", "哈萨克族", "达斡尔族", "塔吉克族", "鄂温克族", "俄罗斯族", "鄂伦春族",
    "塔塔尔族", "柯尔克孜", "土家族", "蒙古族", "布依族", "朝鲜族", "哈尼族", "傈僳族", "东乡族", "仡佬族", "拉祜族",
    "纳西族", "仫佬族", "锡伯族", "景颇族", "撒拉族", "布朗族", "毛南族", "普米族", "阿昌族", "基诺族", "德昂族",
    "保安族", "裕固族", "门巴族", "独龙族", "赫哲族", "高山族", "珞巴族", "维吾尔", "哈萨克", "壮族", "回族", "满族",
    "苗族", "彝族", "藏族", "侗族", "瑶族", "白族", "黎族", "傣族", "畲族", "佤族", "水族", "羌族", "土族", "怒族",
    "京族", "蒙古", "锡伯",
)  # fmt: skip

SHORT_EXCEPTIONS = {"神农架林区": "神农架"}

ALIAS_SUFFIXES = {"自治州": "州", "自治县": "县", "自治旗": "旗"}

GENERIC_NAMES = frozenset({"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区"})

SUFFIX_AHEAD = ("省", "市", "区", "县", "州", "盟", "旗", "地区", "自治")

MIN_SHORT = 2


@dataclass(frozen=True)
class Unit:
    """One row of the GB/T 2260 table."""

    code: str
    name: str
    parent: str
    level: int
    triple: Triple
    ancestors: frozenset[str]


@dataclass(frozen=True)
class Index:
    """Units by code, by full name and by short name."""

    units: dict[str, Unit]
    full: dict[str, tuple[str, ...]]
    short: dict[str, tuple[str, ...]]
    codes_of: dict[Triple, str]
    longest: int


def _by_last_char(suffixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``suffixes`` grouped by their last character, each group in the order given."""
    groups: dict[str, list[str]] = {}
    for suffix in suffixes:
        groups.setdefault(suffix[-1], []).append(suffix)
    return {last: tuple(group) for last, group in groups.items()}


#: :data:`SUFFIXES` by last character: only those can end a name that ends with it.
_SUFFIXES_ENDING = _by_last_char(SUFFIXES)
_ALIASED = tuple(ALIAS_SUFFIXES)


def short_name(name: str) -> str:
    """The name without its administrative suffix and ethnic designations (宁夏回族自治区 → 宁夏)."""
    if name in SHORT_EXCEPTIONS:
        return SHORT_EXCEPTIONS[name]
    stem = name
    for s in _SUFFIXES_ENDING.get(name[-1:], ()):
        if name.endswith(s) and len(name) - len(s) >= MIN_SHORT:
            stem = name[: -len(s)]
            break
    stripped = "自治" in name
    while stripped:
        stripped = False
        for group in ETHNIC_GROUPS:
            if stem.endswith(group) and len(stem) - len(group) >= MIN_SHORT:
                stem, stripped = stem[: -len(group)], True
                break
    return stem


def aliases(name: str) -> tuple[str, ...]:
    """Customary forms of an autonomous unit's name (恩施土家族苗族自治州 → 恩施州)."""
    if not name.endswith(_ALIASED):
        return ()
    return tuple(short_name(name) + alias for suffix, alias in ALIAS_SUFFIXES.items() if name.endswith(suffix))


def _read_table() -> list[tuple[str, str, str]]:
    """(code, name, parent_code) rows of the shipped table."""
    text = (files("govdisc") / "data" / "gbt2260.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return [(code, name, parent) for code, name, parent in rows[1:]]


@lru_cache(maxsize=1)
def _index() -> Index:
    """The table, indexed once per process."""
    rows = _read_table()
    raw = {code: (name, parent) for code, name, parent in rows}

    def level(code: str, parent: str) -> int:
        if not parent:
            return 1
        return 2 if not raw[parent][1] and code.endswith("00") else 3

    levels = {code: level(code, parent) for code, (_, parent) in raw.items()}
    units: dict[str, Unit] = {}
    for code, (name, parent) in raw.items():
        names: list[str | None] = [None, None, None]
        names[levels[code] - 1] = name
        chain: list[str] = []
        node = parent
        while node:
            chain.append(node)
            names[levels[node] - 1] = raw[node][0]
            node = raw[node][1]
        units[code] = Unit(code, name, parent, levels[code], (names[0], names[1], names[2]), frozenset(chain))
    full: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    codes_of: dict[Triple, str] = {}
    for code in sorted(units):
        unit = units[code]
        for name in (unit.name, *aliases(unit.name)):
            full.setdefault(name, []).append(code)
        abbreviated = short_name(unit.name)
        if abbreviated != unit.name:
            short.setdefault(abbreviated, []).append(code)
        codes_of.setdefault(unit.triple, code)
    return Index(
        units=units,
        full={k: tuple(v) for k, v in full.items()},
        short={k: tuple(v) for k, v in short.items()},
        codes_of=codes_of,
        longest=max(map(len, [*full, *short])),
    )


def _same_name_collapsed(index: Index, codes: tuple[str, ...]) -> tuple[str, ...]:
    """Drop a unit whose same-named descendant is also a candidate (上海市 the province vs 上海市 the city)."""
    units = index.units
    shadowed = {a for c in codes for a in units[c].ancestors if units[a].name == units[c].name}
    return tuple(c for c in codes if c not in shadowed)


def _suffix_ahead(text: str, end: int) -> bool:
    """True when text[end:] continues like an administrative suffix (江门 + 区…), so a short name is not meant."""
    return text.startswith(SUFFIX_AHEAD, end)


@dataclass(frozen=True)
class Token:
    """A place name found in the text: its candidates (already consistent with the names before it)."""

    codes: tuple[str, ...]
    end: int
    short: bool


def _next_token(index: Index, text: str, start: int, parents: tuple[str, ...] | None) -> Token | None:
    """Longest place name at text[start:], restricted to descendants of `parents` when given."""
    for end in range(min(len(text), start + index.longest), start + MIN_SHORT - 1, -1):
        piece = text[start:end]
        for is_short, table in ((False, index.full), (True, index.short)):
            codes = table.get(piece)
            if not codes:
                continue
            if parents is not None:
                codes = tuple(c for c in codes if index.units[c].ancestors.intersection(parents))
            elif not is_short and piece in GENERIC_NAMES:
                continue
            if not codes:
                continue
            if is_short and (_suffix_ahead(text, end) or all(index.units[c].level == 3 for c in codes)):
                continue
            return Token(codes, end, is_short)
    return None


def _tokens(index: Index, text: str) -> list[Token]:
    """The chain of nested place names the text starts with (province, city, county)."""
    found: list[Token] = []
    start, parents = 0, None
    while (token := _next_token(index, text, start, parents)) is not None:
        found.append(token)
        start, parents = token.end, token.codes
        if all(index.units[c].level == 3 for c in token.codes):
            break
    return found


def _standalone_short(index: Index, codes: tuple[str, ...]) -> tuple[str, ...]:
    """A short name alone: accepted only when it names one province or city (nested namesakes allowed)."""
    tops = [c for c in codes if not index.units[c].ancestors.intersection(codes)]
    triples = {index.units[c].triple for c in tops}
    if len(triples) == 1 and index.units[tops[0]].level <= 2:
        return (tops[0],)
    return ()


def _by_context(index: Index, codes: tuple[str, ...], context: str) -> tuple[str, ...]:
    """The one candidate whose city or province name occurs in the context, if exactly one does."""
    if not context:
        return codes
    hits = [c for c in codes if any(n and n in context for n in index.units[c].triple[:2])]
    return (hits[0],) if len(hits) == 1 else codes


def _region(index: Index, codes: tuple[str, ...]) -> dict[str, str | None] | None:
    """The part of the candidates' (province, city, county) they all agree on."""
    agreed: list[str | None] = []
    for names in zip(*(index.units[c].triple for c in codes), strict=True):
        if len(set(names)) != 1:
            break
        agreed.append(names[0])
    province, city, county = (*agreed, None, None, None)[:3]
    if province is None:
        return None
    return {"province": province, "city": city, "county": county, "code": index.codes_of[(province, city, county)]}


def resolve(agency: str | None, context: str = "") -> dict[str, str | None] | None:
    """Region of an agency from the place names its name starts with; None when nothing is certain.

    Ambiguous names are settled by `context` (title, signature, folder name) only when exactly one
    candidate's city or province appears there; otherwise only what all candidates share is kept.
    """
    if not agency:
        return None
    index = _index()
    tokens = _tokens(index, agency.strip())
    for token in reversed(tokens):
        codes = _same_name_collapsed(index, token.codes)
        if token.short:
            codes = _standalone_short(index, codes)
            if not codes:
                continue
        elif len({index.units[c].triple for c in codes}) > 1:
            codes = _by_context(index, codes, context)
        return _region(index, codes)
    return None


def region_key(region: dict[str, str | None] | None, level: str) -> str | None:
    """Display name for grouping at `level` ("province", "city", "county"); None when that level is unknown.

    A county-level unit directly under its province (仙桃市) stands in for the city level.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    if not region:
        return None
    province, city, county = (region.get(k) for k in LEVELS)
    chain = {"province": (province,), "city": (province, city or county), "county": (province, city, county)}[level]
    if province is None or chain[-1] is None:
        return None
    parts: list[str] = []
    for name in chain:
        if name and (not parts or parts[-1] != name):
            parts.append(name)
    return " ".join(parts)
