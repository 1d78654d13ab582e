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
