"""pdfium's facts of a text page's chars, of a page's objects and of a path, each in one call (C)."""

from collections.abc import Sequence

def bind(addresses: Sequence[int | None], /) -> None: ...
def scan(
    textpage: int, /
) -> list[tuple[int, bool, bool, int, float, float, float, tuple[float, float, float, float, float, int] | None]]: ...
def objects(container: int, is_page: bool, /) -> list[tuple[int, int]]: ...
def path(
    path: int, /
) -> tuple[
    bool, bool, tuple[float, float, float, float, float, float] | None, list[tuple[int, float, float, bool]]
]: ...
