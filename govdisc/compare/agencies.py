"""Which records are the same body: 淮安市洪泽区人民政府 and 洪泽区人民政府 are one agency."""

from __future__ import annotations

from govdisc.model import Record


def agency_key(record: Record) -> str:
    """A key equal for the same body however much of its place it writes: region code + the rest of its name."""
    name = record.agency or record.file
    region = record.region or {}
    code = region.get("code")
    if not code:
        return name
    for place in (region.get("county"), region.get("city"), region.get("province")):
        if place and place in name:
            return f"{code}:{name[name.index(place) + len(place) :]}"
    return f"{code}:{name}"


def display_names(records: list[Record]) -> dict[str, str]:
    """For each identity, the fullest agency name its records use."""
    names: dict[str, str] = {}
    for r in records:
        key, name = agency_key(r), r.agency or r.file
        if len(name) > len(names.get(key, "")):
            names[key] = name
    return names


def name_key(name: str) -> str:
    """The identity of a body known only by its name (a roster line): as :func:`agency_key`, its region resolved
    from the name."""
    from govdisc.region import resolve

    return agency_key(Record(file=name, agency=name, region=resolve(name)))


def near_misses(name: str, reported: dict[str, str], limit: int = 3) -> list[str]:
    """Bodies that reported and are close to a roster ``name`` without being it (``reported``: identity → name).

    Close: the same region and one name's rest contains the other's (上海市人民政府 and 上海市人民政府办公厅),
    or names alike by difflib's ratio.
    """
    import difflib

    key = name_key(name)
    code, _, rest = key.partition(":") if ":" in key else ("", "", key)
    near: list[str] = []
    for other_key, other in reported.items():
        other_code, _, other_rest = other_key.partition(":") if ":" in other_key else ("", "", other_key)
        same_place = code and code == other_code and (rest in other_rest or other_rest in rest)
        if other_key != key and (same_place or difflib.SequenceMatcher(None, name, other).ratio() >= 0.75):
            near.append(other)
    return sorted(near)[:limit]
