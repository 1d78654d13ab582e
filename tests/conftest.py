"""Shared fixtures: the reportlab CJK font, the shared corpus of real reports, a private cache."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus" / "annual"


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
        pytest.skip("shared corpus not present")
    return CORPUS


def pytest_configure(config: pytest.Config) -> None:
    """Every test run (and every govdisc it starts) uses its own empty extraction cache."""
    os.environ["GOVDISC_CACHE_DIR"] = tempfile.mkdtemp(prefix="govdisc-cache-")
