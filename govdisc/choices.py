"""Names a user gives on the command line (a format, a sort column, a metric key): the valid one, or an error
that lists the choices and the nearest names."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping


class ChoiceError(ValueError):
    """A name that is none of the choices; the message lists them and what the name may have meant."""


def did_you_mean(given: str, names: Iterable[str], n: int = 3) -> list[str]:
    """The names closest to ``given`` (difflib's ratio, at least 0.6), closest first."""
    return difflib.get_close_matches(given, list(dict.fromkeys(names)), n=n, cutoff=0.6)


def choose(
    given: str, choices: Mapping[str, str] | Iterable[str], what: str, listed: Iterable[str] | None = None
) -> str:
    """The choice ``given`` names: a key of ``choices`` (a mapping of every accepted spelling to the name it
    stands for, such as a header as shown to its key) or one of ``choices``.

    Raises :class:`ChoiceError` naming ``what`` was asked for, the nearest names and the choices
    (``listed``, when the accepted spellings are too many to list).
    """
    accepted = dict(choices) if isinstance(choices, Mapping) else {c: c for c in choices}
    if given in accepted:
        return accepted[given]
    near = list(dict.fromkeys(accepted[n] for n in did_you_mean(given, accepted, n=6)))[:3]
    hint = f" (did you mean {' or '.join(repr(n) for n in near)}?)" if near else ""
    shown = list(dict.fromkeys(listed if listed is not None else accepted.values()))
    raise ChoiceError(f"unknown {what} {given!r}{hint}; choose from: {', '.join(shown)}")
