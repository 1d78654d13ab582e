"""``govdisc report``: one self-contained HTML page — coverage, failed checks with pictures, comparison, charts."""

from __future__ import annotations

from pathlib import Path

from .build import Report, Source, build_report, sources
from .html import render

__all__ = ["Report", "Source", "build_report", "render", "sources", "write_report"]


def write_report(report: Report, path: Path) -> None:
    """Write the page to ``path`` whole, or not at all."""
    from govdisc.output import write

    write(render(report, path.parent), path)
