"""Shared fixtures: the reportlab CJK font, the shared corpus of real reports, a private cache, the fuzz profile.

Tests that need ``../shared`` skip with the reason ``helpers.SHARED_ABSENT`` when it is absent, and
the run ends with one line counting them. ``GOVDISC_NO_SHARED=1 python3 -m pytest`` runs as if it were.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from tests.helpers import SHARED, SHARED_ABSENT

#: How many examples the fuzz tests draw: ``suite`` for every run, ``thorough`` (HYPOTHESIS_PROFILE=thorough)
#: for a deeper search. Never a deadline: a test must not fail because the machine is busy.
settings.register_profile("suite", max_examples=40, deadline=None)
settings.register_profile("thorough", max_examples=150, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

CORPUS = SHARED / "corpus" / "annual"

#: How the reason of a skip for want of ``../shared`` reads (SHARED_ABSENT, and any older wording).
SHARED_SKIP = re.compile(r"\bshared corpus\b", re.IGNORECASE)


@pytest.fixture(scope="session")
def cjk_font() -> str:
    """Name of reportlab's built-in Chinese CID font, registered once."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus of published annual reports; tests using it skip when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(SHARED_ABSENT)
    return CORPUS


_SESSION_CACHE: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """Every test run (and every govdisc it starts) uses its own empty extraction cache."""
    _SESSION_CACHE.append(tempfile.mkdtemp(prefix="govdisc-cache-"))
    os.environ["GOVDISC_CACHE_DIR"] = _SESSION_CACHE[-1]


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the run's cache: runs would otherwise leave one in the temporary folder each."""
    for path in _SESSION_CACHE:
        shutil.rmtree(path, ignore_errors=True)


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return str(longrepr or "")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config):
    """One line at the end (after the short summary): how many tests skipped for want of ``../shared``."""
    yield
    skipped = terminalreporter.stats.get("skipped", [])
    count = sum(1 for report in skipped if SHARED_SKIP.search(_skip_reason(report)))
    if count:
        why = "GOVDISC_NO_SHARED is set" if os.environ.get("GOVDISC_NO_SHARED") else f"looked for {SHARED}"
        tests = "test" if count == 1 else "tests"
        terminalreporter.write_line(
            f"{count} {tests} skipped: ../shared (the shared corpus) is not beside this checkout ({why})",
            yellow=True,
            bold=True,
        )
