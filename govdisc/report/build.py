"""Gathering what the report shows: documents read and not, coverage of a roster, failed checks, the comparison."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from govdisc.compare import Filters
from govdisc.model import Record
from govdisc.pipeline import FileResult

from . import compared as cmp
from .findings import Finding, cross_year_findings, record_findings
from .pictures import page_picture


@dataclass
class Source:
    """One input: a file read (its records) or not (the reason), or records read back from JSONL (no path)."""

    label: str
    path: Path | None
    records: list[Record] = field(default_factory=list)
    error: str | None = None


@dataclass
class YearCoverage:
    """One year of the roster: names with a report, names without, agencies reporting that are not on it."""

    year: int | None
    reported: list[str]
    missing: list[str]
    unlisted: list[str]


@dataclass
class Report:
    """Everything the page shows."""

    lang: str
    sources: list[Source]
    records: list[Record]
    compared: cmp.Compared
    coverage: list[YearCoverage] | None
    findings: dict[str, list[Finding]]
    regions: list[tuple[str, float]] | None = None
    group_by: str | None = None
    paths: dict[str, Path] = field(default_factory=dict)  # record file → the file on disk

    @property
    def unreadable(self) -> list[Source]:
        return [s for s in self.sources if s.error]

    @property
    def repaired(self) -> list[Record]:
        """Documents read with repairs, conversions or parts left out (their warnings say what)."""
        return [r for r in self.records if r.warnings]

    def by_type_year(self) -> tuple[list[str], list[int | None], Counter[tuple[str, int | None]]]:
        """Document types, years and the count of documents of each pair."""
        counts = Counter((r.doc_type, r.year) for r in self.records)
        types = sorted({t for t, _ in counts})
        years = sorted({y for _, y in counts}, key=lambda y: (y is None, y or 0))
        return types, years, counts


def sources(results: Sequence[FileResult], records: Sequence[Record]) -> list[Source]:
    """The files read (``results``), and one source for the ``records`` not from them (read back from JSONL)."""
    from_files = {id(r) for result in results for r in result.records}
    found = [Source(r.label, r.path, r.records, r.error) for r in results]
    rest = [r for r in records if id(r) not in from_files]
    return [*found, Source("records", None, rest)] if rest else found


def _coverage(records: Sequence[Record], expect: Sequence[str], years: Sequence[int]) -> list[YearCoverage]:
    present = sorted({r.year for r in records if r.year is not None})
    wanted = list(years) or present
    lacking = cmp.missing(records, expect, wanted)
    out = []
    for year in wanted:
        agencies = sorted({r.agency for r in records if r.year == year and r.agency})
        missing = lacking.get(year, [])
        unlisted = [a for a in agencies if not any(e in a for e in expect)]
        out.append(YearCoverage(year, [e for e in expect if e not in missing], missing, unlisted))
    return out


def _with_pictures(findings: Iterable[Finding], paths: dict[str, Path]) -> None:
    """Each finding's pictures: the region of each pdf page its cells are printed on."""
    drawn: dict[tuple[str, int, tuple[str, ...]], str | None] = {}
    for finding in findings:
        for file, page in finding.pages:
            path = paths.get(file)
            if path is None or path.suffix.lower() != ".pdf":
                continue
            rows = tuple(c.row for c in finding.cells if c.file == file and c.page == page and c.row)
            key = (file, page, rows)
            if key not in drawn:
                drawn[key] = page_picture(path, page, rows)
            if drawn[key]:
                finding.pictures.append((file, page, drawn[key] or ""))


def build_report(
    sources: Sequence[Source],
    expect: Sequence[str] = (),
    years: Sequence[int] = (),
    lang: str = "zh",
    group_by: str | None = None,
) -> Report:
    """The report of ``sources``: with ``expect`` a roster to cover, with ``years`` only those years."""
    filters = Filters(tuple(years))
    records = [r for s in sources for r in s.records if filters.keep(r)]
    paths = {r.file: s.path for s in sources if s.path is not None for r in s.records}
    compared = cmp.comparison(records, filters, expect, lang)
    findings: dict[str, list[Finding]] = {}
    for (name, _), record in sorted(compared.records.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        findings.setdefault(name, []).extend(record_findings(name, record, lang))
    checks, by_agency = cmp.cross_year(records, filters)
    for finding in cross_year_findings(checks, by_agency, lang):
        findings.setdefault(finding.agency, []).append(finding)
    findings = {name: found for name, found in findings.items() if found}
    _with_pictures((f for found in findings.values() for f in found), paths)
    regions = cmp.group_totals(records, filters, group_by, cmp.RANKED[0]) if group_by else None
    return Report(
        lang,
        list(sources),
        records,
        compared,
        _coverage(records, expect, years) if expect else None,
        findings,
        regions,
        group_by,
        paths,
    )
