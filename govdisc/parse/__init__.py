"""Parsing: counts from prose (one rule table per metric family) and document metadata."""

from __future__ import annotations

from . import fees, proposals, published, requests, review
from .prose import CountRule, Found, ZeroRule, find_counts

#: Every prose rule, family by family.
PROSE_RULES = (*published.RULES, *requests.RULES, *review.RULES, *proposals.RULES, *fees.RULES)

__all__ = ["PROSE_RULES", "CountRule", "Found", "ZeroRule", "find_counts"]
