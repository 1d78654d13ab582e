"""pdfplumber's table finder (default settings, ``lines`` strategy) over plain tuples: the same tables, sooner,
without importing pdfplumber.

pdfplumber snaps and joins edges by copying a dict per edge and step, pairs every vertical edge with every
horizontal one to find their crossings, and for each crossing looks through all later points for the corners
of its cell. Here an edge is a tuple, the crossings of a vertical edge are looked up by bisection among the
horizontal edges sorted by height, and each point's edges are collected once with the points grouped by
column and by row. Every step keeps pdfplumber's order and arithmetic, so the cells and tables are the same
(``tests/test_pdf_parity.py`` compares them on every corpus page).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import groupby, pairwise
from typing import Any

Point = tuple[float, float]
Bbox = tuple[float, float, float, float]
#: x0, top, x1, bottom, width, height; vertical and horizontal edges are kept apart
Edge = tuple[float, float, float, float, float, float]

SNAP = 3  # pdfplumber's snap_tolerance
JOIN = 3  # join_tolerance
MIN_LENGTH = 3  # edge_min_length
MIN_LENGTH_BEFORE = 1  # edge_min_length_prefilter
CROSSING = 3  # intersection_tolerance
_SLACK = 1e-6  # widens a bisection so that the exact test below it decides

_X0, _TOP, _X1, _BOTTOM, _WIDTH, _HEIGHT = range(6)


def _snap(edges: list[Edge], at: int, tolerance: float) -> list[Edge]:
    """pdfplumber's ``snap_objects``: edges clustered on coordinate ``at`` and moved to their cluster's mean."""
    ids: dict[float, int] = {}
    cid, last = -1, 0.0
    for v in sorted({e[at] for e in edges}):
        if cid < 0 or v > last + tolerance:
            cid += 1
        ids[v] = cid
        last = v
    clusters: list[list[Edge]] = [[] for _ in range(cid + 1)]
    for e in edges:
        clusters[ids[e[at]]].append(e)
    out: list[Edge] = []
    other = at + 2  # x1 moves with x0, bottom with top
    for cluster in clusters:
        mean = sum(e[at] for e in cluster) / len(cluster)
        for e in cluster:
            value = mean - e[at]
            moved = list(e)
            moved[at] = e[at] + value
            moved[other] = e[other] + value
            out.append((moved[0], moved[1], moved[2], moved[3], moved[4], moved[5]))
    return out


def _join(edges: list[Edge], orientation: str, tolerance: float) -> list[Edge]:
    """pdfplumber's ``join_edge_group``: edges along one line joined where they overlap or nearly touch."""
    low, high = (_X0, _X1) if orientation == "h" else (_TOP, _BOTTOM)
    ordered = sorted(edges, key=lambda e: e[low])
    joined = [ordered[0]]
    for e in ordered[1:]:
        last = joined[-1]
        if e[low] <= last[high] + tolerance:
            if e[high] > last[high]:
                grown = list(last)
                grown[high] = e[high]
                if orientation == "h":
                    grown[_WIDTH] = e[high] - last[_X0]
                else:
                    grown[_HEIGHT] = last[_HEIGHT] + (e[high] - last[_BOTTOM])
                joined[-1] = (grown[0], grown[1], grown[2], grown[3], grown[4], grown[5])
        else:
            joined.append(e)
    return joined


def ruling_edges(graphics: list[dict[str, Any]]) -> tuple[list[Edge], list[Edge]]:
    """pdfplumber's edges of lines, rects and curves (in that order, as its ``page.edges``): vertical, horizontal.

    A line is one edge, a rect its four sides (top, bottom, left, right), a curve one edge per segment; a
    slanted one is neither vertical nor horizontal and is left out.
    """
    vertical: list[Edge] = []
    horizontal: list[Edge] = []
    by_kind: dict[str, list[dict[str, Any]]] = {"line": [], "rect": [], "curve": []}
    for g in graphics:
        by_kind[g["object_type"]].append(g)
    for g in by_kind["line"]:
        edge = (g["x0"], g["top"], g["x1"], g["bottom"], g["width"], g["height"])
        (horizontal if g["top"] == g["bottom"] else vertical).append(edge)
    for g in by_kind["rect"]:
        x0, top, x1, bottom, width, height = g["x0"], g["top"], g["x1"], g["bottom"], g["width"], g["height"]
        horizontal.append((x0, top, x1, top, width, 0))
        horizontal.append((x0, top + height, x1, bottom, width, 0))
        vertical.append((x0, top, x0, bottom, 0, height))
        vertical.append((x1, top, x1, bottom, 0, height))
    for g in by_kind["curve"]:
        pts = g["pts"]
        for (ax, ay), (bx, by) in pairwise(pts):
            edge = (min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), abs(ax - bx), abs(ay - by))
            if ax == bx:
                vertical.append(edge)
            elif ay == by:
                horizontal.append(edge)
    return vertical, horizontal


def merged_edges(vertical: list[Edge], horizontal: list[Edge]) -> tuple[list[Edge], list[Edge]]:
    """pdfplumber's ``TableFinder.get_edges`` for ruling edges: filtered, snapped, joined, filtered again."""
    vertical = [e for e in vertical if e[_HEIGHT] >= MIN_LENGTH_BEFORE]
    horizontal = [e for e in horizontal if e[_WIDTH] >= MIN_LENGTH_BEFORE]
    out = []
    for snapped, at, orientation, length in ((_snap(vertical, _X0, SNAP), _X0, "v", _HEIGHT),
                                             (_snap(horizontal, _TOP, SNAP), _TOP, "h", _WIDTH)):  # fmt: skip
        joined = []
        for _, group in groupby(sorted(snapped, key=lambda e: e[at]), key=lambda e: e[at]):
            joined.extend(_join(list(group), orientation, JOIN))
        out.append([e for e in joined if e[length] >= MIN_LENGTH])
    return out[0], out[1]


def crossings(
    vertical: list[Edge], horizontal: list[Edge], tolerance: float = CROSSING
) -> dict[Point, dict[str, list[Edge]]]:
    """pdfplumber's ``edges_to_intersections``: the points where a vertical and a horizontal edge cross."""
    vertical = sorted(vertical, key=lambda e: (e[_X0], e[_TOP]))
    horizontal = sorted(horizontal, key=lambda e: (e[_TOP], e[_X0]))
    tops = [h[_TOP] for h in horizontal]
    found: dict[Point, dict[str, list[Edge]]] = {}
    for v in vertical:
        lo = bisect_left(tops, v[_TOP] - tolerance - _SLACK)
        hi = bisect_right(tops, v[_BOTTOM] + tolerance + _SLACK)
        for h in horizontal[lo:hi]:
            if (
                v[_TOP] <= h[_TOP] + tolerance
                and v[_BOTTOM] >= h[_TOP] - tolerance
                and v[_X0] >= h[_X0] - tolerance
                and v[_X0] <= h[_X1] + tolerance
            ):
                point = found.setdefault((v[_X0], h[_TOP]), {"v": [], "h": []})
                point["v"].append(v)
                point["h"].append(h)
    return found


def intersections_to_cells(intersections: dict[Point, dict[str, list[Edge]]]) -> list[Bbox]:
    """pdfplumber's ``intersections_to_cells``: for each point, the smallest cell it is the top left corner of."""
    points = sorted(intersections)
    vertical = {p: {e[:4] for e in edges["v"]} for p, edges in intersections.items()}
    horizontal = {p: {e[:4] for e in edges["h"]} for p, edges in intersections.items()}
    column: dict[float, list[Point]] = {}
    row: dict[float, list[Point]] = {}
    for p in points:
        column.setdefault(p[0], []).append(p)
        row.setdefault(p[1], []).append(p)
    after = {p: (column[p[0]].index(p), row[p[1]].index(p)) for p in points}

    def connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2]):
            return True
        return p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2])

    cells: list[Bbox] = []
    for pt in points[:-1]:
        below_from, right_from = after[pt]
        below = column[pt[0]][below_from + 1 :]
        right = row[pt[1]][right_from + 1 :]
        cell = _smallest(pt, below, right, intersections, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest(pt: Point, below: list[Point], right: list[Point], intersections: Any, connects: Any) -> Bbox | None:
    for below_pt in below:
        if not connects(pt, below_pt):
            continue
        for right_pt in right:
            if not connects(pt, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if corner in intersections and connects(corner, right_pt) and connects(corner, below_pt):
                return (pt[0], pt[1], corner[0], corner[1])
    return None


def cells_to_tables(cells: list[Bbox]) -> list[list[Bbox]]:
    """pdfplumber's ``cells_to_tables``: cells grouped into tables by shared corners, top to bottom, left to right.

    A table grows by every remaining cell that shares a corner with it, pass after pass, until a pass adds
    none; a table of a single cell is dropped.
    """
    remaining = list(cells)
    corners: set[Point] = set()
    current: list[Bbox] = []
    tables: list[list[Bbox]] = []
    while remaining:
        before = len(current)
        kept = []
        for cell in remaining:
            x0, top, x1, bottom = cell
            own = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in own):
                corners.update(own)
                current.append(cell)
            else:
                kept.append(cell)
        remaining = kept
        if len(current) == before:
            tables.append(current)
            corners, current = set(), []
    if current:
        tables.append(current)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


class Table:
    """A table as pdfplumber's ``Table`` gives it: its cells, its box and its rows of cells (None where merged)."""

    def __init__(self, cells: list[Bbox]) -> None:
        self.cells = cells

    @property
    def bbox(self) -> Bbox:
        c = self.cells
        return (min(b[0] for b in c), min(b[1] for b in c), max(b[2] for b in c), max(b[3] for b in c))

    @property
    def rows(self) -> list[list[Bbox | None]]:
        """Cells by row (top), each row holding one place per distinct left edge of the table."""
        xs = sorted({c[0] for c in self.cells})
        out = []
        for _, row in groupby(sorted(self.cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
            by_x = {c[0]: c for c in row}
            out.append([by_x.get(x) for x in xs])
        return out


def find_tables(graphics: list[dict[str, Any]]) -> list[Table]:
    """pdfplumber's ``TableFinder(page).tables`` (default settings) for a page's ruling graphics."""
    cells = intersections_to_cells(crossings(*merged_edges(*ruling_edges(graphics))))
    return [Table(group) for group in cells_to_tables(cells)]
