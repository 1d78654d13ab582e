"""GBK byte-misalignment repair."""

from __future__ import annotations


def repair_gbk_misalignment(text: str) -> tuple[str, list[str]]:
    """Placeholder."""
    return text, []
