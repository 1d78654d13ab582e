"""Counts from prose: the engine that applies the catalogue's prose rules, and the reflow of wrapped text."""

from __future__ import annotations

from .prose import Found, find_counts

__all__ = ["Found", "find_counts"]
