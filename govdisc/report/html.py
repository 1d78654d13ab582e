"""The report as one self-contained HTML page: styles, script, charts, pictures and downloads all inline."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from urllib.parse import quote

from govdisc import __version__
from govdisc.model import Record

from . import compared as cmp
from . import svg
from .build import Report
from .downloads import CSV, XLSX, checks_xlsx, data_uri
from .findings import Finding
from .page import SCRIPT, STYLE
from .text import DOC_TYPES, LEVELS, WORDS

SECTIONS = ("overview", "coverage", "checks", "comparison", "charts", "downloads")
#: How many agencies a ranking shows.
RANKING_TOP = 20


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _num(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


class Page:
    """Renders one report; ``out_dir`` is where the page will be, for links to the source files."""

    def __init__(self, report: Report, out_dir: Path) -> None:
        self.r = report
        self.lang = report.lang
        self.w = WORDS[report.lang]
        self.out_dir = out_dir
        self.evidence: list[str] = []

    def say(self, key: str, **values: object) -> str:
        return self.w[key].format(**values)

    def link(self, file: str, page: int | None = None) -> str:
        """A link to a source file relative to the page (to its page, for pdf), or its name when not on disk."""
        path = self.r.paths.get(file)
        if path is None:
            return _e(file)
        target = quote(Path(os.path.relpath(path.resolve(), self.out_dir.resolve())).as_posix())
        if page and path.suffix.lower() == ".pdf":
            target += f"#page={page}"
        return f'<a href="{_e(target)}">{_e(file)}</a>'

    def year(self, year: int | None) -> str:
        return str(year) if year is not None else self.w["unknown_year"]

    # sections ---------------------------------------------------------------------------------------

    def overview(self) -> str:
        r = self.r
        types, years, counts = r.by_type_year()
        names = DOC_TYPES[self.lang]
        head = "".join(f"<th>{_e(self.year(y))}</th>" for y in years)
        rows = "".join(
            f"<tr><td>{_e(names.get(t, t))}</td>"
            + "".join(f'<td class="n">{counts.get((t, y), 0) or ""}</td>' for y in years)
            + f'<td class="n">{sum(counts[(t, y)] for y in years)}</td></tr>'
            for t in types
        )
        table = (
            f'<div class="scroll"><table><thead><tr><th>{self.w["type"]}</th>{head}<th>{self.w["total"]}</th>'
            f"</tr></thead><tbody>{rows}</tbody></table></div>"
        )
        bad = "".join(f"<li><b>{_e(s.label)}</b>: {_e(s.error)}</li>" for s in r.unreadable)
        fixed = "".join(
            f"<li>{self.link(rec.file)}{_e(f'#{rec.doc_index}' if rec.doc_index else '')} "
            f"<span class='muted'>{_e(rec.agency or '')}</span><ul>"
            + "".join(f"<li>{_e(w)}</li>" for w in rec.warnings)
            + "</ul></li>"
            for rec in r.repaired
        )
        files = sum(1 for s in r.sources if s.path is not None) or len(r.sources)
        return (
            f"<p>{self.say('files', files=files, docs=len(r.records))}</p>"
            f"<h3>{self.w['by_type_year']}</h3>{table if types else self.w['nothing']}"
            f"<h3>{self.w['unreadable']} ({len(r.unreadable)})</h3>"
            + (f'<ul class="unreadable">{bad}</ul>' if bad else f"<p>{self.w['none_unreadable']}</p>")
            + f"<h3>{self.w['repaired']} ({len(r.repaired)})</h3>"
            + (
                f"<details><summary>{self.say('show', n=len(r.repaired))}</summary>"
                f'<ul class="repaired">{fixed}</ul></details>'
                if fixed
                else f"<p>{self.w['none_repaired']}</p>"
            )
        )

    def coverage(self) -> str:
        cov = self.r.coverage
        if cov is None:
            return f"<p>{self.w['no_roster']}</p>"
        w = self.w

        def names(items: Sequence[str]) -> str:
            return f'<ul class="names">{"".join(f"<li>{_e(n)}</li>" for n in items)}</ul>' if items else "—"

        rows = "".join(
            f'<tr data-year="{_e(c.year)}"><td>{_e(self.year(c.year))}</td>'
            f'<td class="n">{len(c.reported) + len(c.missing)}</td><td class="n">{len(c.reported)}</td>'
            f'<td class="missing">{names(c.missing)}</td><td class="unlisted">{names(c.unlisted)}</td></tr>'
            for c in cov
        )
        table = (
            f'<div class="scroll"><table class="coverage"><thead><tr><th>{w["year"]}</th><th>{w["roster"]}</th>'
            f"<th>{w['reported']}</th><th>{w['missing']}</th><th>{w['unlisted']}</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></div>"
        )
        chart = svg.stacked(
            [(self.year(c.year), (len(c.reported), len(c.missing), len(c.unlisted))) for c in cov],
            (w["reported"], w["missing"], w["unlisted"]),
            w["coverage_chart"],
        )
        return table + chart

    def finding(self, f: Finding) -> str:
        w = self.w
        status = f.check.status
        rows = []
        for c in f.cells:
            where = self.say("page_n", page=c.page) if c.page else "—"
            if c.file != f.file:
                where = f"{_e(c.file)} {where}"
            rows.append(
                f'<tr class="{c.side}"><td>{_e(c.label)}</td><td class="n">{_e(_num(c.value))}</td>'
                f"<td>{where}</td></tr>"
            )
        if f.left is not None and f.right is not None:
            rows.append(
                f'<tr class="sum"><td>{w["left"]}</td><td class="n">{_num(f.left)}</td><td></td></tr>'
                f'<tr class="sum"><td>{w["right"]}</td><td class="n">{_num(f.right)}</td><td></td></tr>'
                f'<tr class="diff"><td>{w["difference"]}</td><td class="n">{_num(f.difference or 0)}</td>'
                "<td></td></tr>"
            )
        cells = (
            (
                f'<div class="scroll"><table class="cells"><thead><tr><th>{w["cell"]}</th><th>{w["printed"]}</th>'
                f"<th>{w['page']}</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
            )
            if rows
            else ""
        )
        pages = "、".join(f"{self.link(file, p)} {self.say('page_n', page=p)}" for file, p in f.pages)
        pictures = "".join(
            f'<figure><img src="{uri}" alt="{_e(file)} {_e(self.say("page_n", page=p))}">'
            f"<figcaption>{_e(file)} · {_e(self.say('page_n', page=p))}</figcaption></figure>"
            for file, p, uri in f.pictures
        )
        label = w["failed"] if status == "failed" else w["doubtful"]
        across = f' <span class="muted">{w["cross_year"]}</span>' if f.cross_year else ""
        return (
            f'<div class="finding {status}" data-check="{_e(f.check.id)}" data-file="{_e(f.file)}" '
            f'data-pages="{_e(",".join(str(p) for _, p in f.pages))}">'
            f'<h4>{_e(f.where)}{across}<span class="status">{_e(label)}</span></h4>'
            f'<p class="muted">{self.link(f.file)} · {_e(self.year(f.year))}</p>'
            f'<p class="identity">{_e(f.identity)}</p>{cells}'
            + (f'<p class="pages">{pages}</p>' if pages else "")
            + (f'<p class="muted message">{_e(f.check.message)}</p>' if not f.cells else "")
            + f"{pictures}</div>"
        )

    def checks(self) -> str:
        found = self.r.findings
        if not found:
            return f"<p>{self.w['no_findings']}</p>"
        total = sum(len(v) for v in found.values())
        parts = [f"<p>{self.say('findings', n=total, d=len(found))}</p>"]
        for agency, items in found.items():
            parts.append(
                f'<article class="dept" data-agency="{_e(agency)}"><h3>{_e(agency)}</h3>'
                + "".join(self.finding(f) for f in items)
                + "</article>"
            )
        return "".join(parts)

    def figure(self, column: str, value: float | None, record: Record | None, row_name: str) -> str:
        """A cell of the comparison: the value, ``—`` when not reported, approximate marked, linked to its evidence."""
        if value is None:
            return f'<td class="n na" data-v="" title="{_e(self.w["not_reported"])}">—</td>'
        text = cmp.shown(column, value)
        if column in cmp.DERIVED:
            formula = self.say("formula", formula=cmp.DERIVED[column].formula)
            return f'<td class="n derived" data-v="{value}" title="{_e(formula)}">{_e(text)}</td>'
        ev = record.evidence.get(column) if record else None
        if ev is None or record is None:
            return f'<td class="n" data-v="{value}">{_e(text)}</td>'
        n = len(self.evidence)
        where = self.say("page_n", page=ev.page) if ev.page else ""
        said = " · ".join(x for x in (ev.text, where, record.file) if x)
        mark = ""
        if ev.approx:
            mark = f'<span class="approx" title="{_e(self.say("approx", word=ev.approx))}">≈</span>'
        self.evidence.append(
            f'<li id="ev-{n}"><b>{_e(row_name)}</b> · {_e(cmp.column_label(column, self.lang))}: {_e(text)} — '
            f"“{_e(ev.text)}” {_e(where)} {self.link(record.file, ev.page)}</li>"
        )
        return f'<td class="n" data-v="{value}">{mark}<a href="#ev-{n}" title="{_e(said)}">{_e(text)}</a></td>'

    def comparison(self) -> str:
        c = self.r.compared.comparison
        by_year = c.by_year
        heads = [f'<th data-col="agency">{_e("机关" if self.lang == "zh" else "agency")}</th>']
        if by_year:
            heads.append(f'<th data-col="year">{self.w["year"]}</th>')
        for column in c.columns:
            title = cmp.DERIVED[column].formula if column in cmp.DERIVED else column
            heads.append(
                f'<th data-col="{_e(column)}" title="{_e(title)}">{_e(cmp.column_label(column, self.lang))}</th>'
            )
        body = []
        for row in c.rows:
            record = self.r.compared.records.get((row.name, row.year))
            name = f"{row.name} {row.year}" if row.year else row.name
            ident = f"<td>{_e(row.name)}</td>" + (
                f'<td data-v="{row.year or ""}">{_e(row.year or "")}</td>' if by_year else ""
            )
            cells = "".join(self.figure(col, row.values.get(col), record, name) for col in c.columns)
            body.append(f'<tr data-name="{_e(row.name)}">{ident}{cells}</tr>')
        foot = ""
        if c.totals:
            lead = f"<td>{self.w['total']}</td>" + ("<td></td>" if by_year else "")
            foot = (
                "<tfoot><tr>"
                + lead
                + "".join(f'<td class="n">{_e(cmp.shown(col, c.totals.values.get(col)))}</td>' for col in c.columns)
                + "</tr></tfoot>"
            )
        evidence = (
            f'<details class="evidence"><summary>{self.w["evidence"]} ({len(self.evidence)})</summary>'
            f"<ol>{''.join(self.evidence)}</ol></details>"
        )
        return (
            f'<p class="filter"><input type="search" id="cmp-filter" placeholder="{_e(self.w["filter"])}" '
            f'aria-label="{_e(self.w["filter"])}"> <span class="muted">{self.w["sort_hint"]}</span></p>'
            f'<div class="scroll"><table id="cmp"><thead><tr>{"".join(heads)}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody>{foot}</table></div>{evidence}"
        )

    def charts(self) -> str:
        chart = self.r.compared.chart
        parts = []

        def name(row_name: str, year: int | None) -> str:
            return f"{row_name} {year}" if year else row_name

        for column in cmp.RANKED:
            label = cmp.column_label(column, self.lang)
            items = [(name(e.name, e.year), v) for e in chart.rows if (v := e.values.get(column)) is not None]
            items.sort(key=lambda p: -p[1])
            title = self.say("rank", label=label)
            parts.append(f"<h3>{_e(title)}</h3>")
            parts.append(svg.bars(items[:RANKING_TOP], self._shown(column), title) if items else self.w["nothing"])
        column = cmp.RANKED[0]
        label = cmp.column_label(column, self.lang)
        years: dict[str, list[tuple[str, float]]] = {}
        for e in chart.rows:
            value = e.values.get(column)
            if e.year is not None and value is not None:
                years.setdefault(e.name, []).append((str(e.year), value))
        several = [(agency, self._changes(column, sorted(v))) for agency, v in years.items() if len(v) > 1]
        if several:
            title = self.say("yoy", label=label)
            parts.append(f"<h3>{_e(title)}</h3>" + svg.grouped(several, title))
        if self.r.regions is not None:
            level = LEVELS[self.lang].get(self.r.group_by or "", self.r.group_by or "")
            title = self.say("regions", level=level, label=label)
            regions = self.r.regions
            parts.append(
                f"<h3>{_e(title)}</h3>"
                + (svg.bars(regions, self._shown(column), title) if regions else self.w["nothing"])
            )
        return "".join(parts)

    @staticmethod
    def _changes(column: str, years: list[tuple[str, float]]) -> list[tuple[str, float, str]]:
        """Each year's value, with its change on the year before when that year is the one before."""
        out = []
        for i, (year, value) in enumerate(years):
            text = cmp.shown(column, value)
            before = years[i - 1] if i else None
            if before and int(before[0]) == int(year) - 1 and before[1]:
                text += f" ({(value - before[1]) / before[1]:+.1%})"
            out.append((year, value, text))
        return out

    def _shown(self, column: str) -> Callable[[float], str]:
        return lambda value: cmp.shown(column, value)

    def downloads(self) -> str:
        compared = self.r.compared
        findings = [f for found in self.r.findings.values() for f in found]
        links = (
            (self.w["download_csv"], "comparison.csv", data_uri(compared.csv.encode("utf-8"), CSV), "csv"),
            (self.w["download_xlsx"], "comparison.xlsx", data_uri(compared.xlsx, XLSX), "xlsx"),
            (self.w["download_checks"], "checks.xlsx", data_uri(checks_xlsx(findings, self.lang), XLSX), "checks"),
        )
        return (
            '<p class="downloads">'
            + "".join(
                f'<a download="{name}" href="{uri}" data-kind="{kind}">{_e(label)}</a>'
                for label, name, uri, kind in links
            )
            + "</p>"
        )

    def render(self) -> str:
        w = self.w
        bodies = {name: getattr(self, name)() for name in SECTIONS}
        nav = "".join(f'<a href="#{name}">{w[name]}</a>' for name in SECTIONS)
        sections = "".join(
            f'<section id="{name}" data-section="{name}"><h2>{w[name]}</h2>{bodies[name]}</section>'
            for name in SECTIONS
        )
        lang = "zh-CN" if self.lang == "zh" else "en"
        return (
            f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(w['title'])}</title><style>{STYLE}</style></head><body>"
            f'<header><h1>{_e(w["title"])}</h1><p class="muted">{_e(self.say("made", version=__version__))}</p>'
            f"<nav>{nav}</nav></header>{sections}<script>{SCRIPT}</script></body></html>\n"
        )


def render(report: Report, out_dir: Path) -> str:
    """The page of ``report``, its links to source files relative to ``out_dir``."""
    return Page(report, out_dir).render()
