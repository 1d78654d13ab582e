"""What a normalization step changed, said the way a person would check it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Fix:
    """One kind of change a step made: ``what`` it did, how many times, and a few examples."""

    what: str
    count: int = 1
    examples: tuple[str, ...] = ()

    def __str__(self) -> str:
        shown = f" ({'、'.join(self.examples[:6])})" if self.examples else ""
        times = f" × {self.count}" if self.count > 1 else ""
        return f"{self.what}{times}{shown}"


def merge(fixes: Iterable[Fix]) -> list[Fix]:
    """Add up fixes of the same kind, keeping the first examples of each (order kept)."""
    merged: dict[str, Fix] = {}
    for fix in fixes:
        old = merged.get(fix.what)
        if old is None:
            merged[fix.what] = fix
        else:
            examples = tuple(dict.fromkeys(old.examples + fix.examples))[:6]
            merged[fix.what] = Fix(fix.what, old.count + fix.count, examples)
    return list(merged.values())
