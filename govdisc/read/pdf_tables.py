"""pdfplumber's table finder (default settings, ``lines`` strategy) over plain tuples: the same tables, sooner.

pdfplumber snaps and joins edges by copying a dict per edge and step, pairs every vertical edge with every
horizontal one to find their crossings, and for each crossing looks through all later points for the corners
of its cell. Here an edge is a tuple, the crossings of a vertical edge are looked up by bisection among the
horizontal edges sorted by height, and each point's edges are collected once with the points grouped by
column and by row. Every step keeps pdfplumber's order and arithmetic, so the cells and tables are the same
(``tests/test_pdf_parity.py`` compares them on every corpus page).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import groupby
from typing import Any

from pdfplumber.table import Table, cells_to_tables

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


def merged_edges(edges: list[dict[str, Any]]) -> tuple[list[Edge], list[Edge]]:
    """pdfplumber's ``TableFinder.get_edges`` for ruling edges: filtered, snapped, joined, filtered again.

    Returns the vertical and the horizontal edges.
    """
    vertical = [as_edge(e) for e in edges if e["orientation"] == "v" and e["height"] >= MIN_LENGTH_BEFORE]
    horizontal = [as_edge(e) for e in edges if e["orientation"] == "h" and e["width"] >= MIN_LENGTH_BEFORE]
    out = []
    for snapped, at, orientation, length in ((_snap(horizontal, _TOP, SNAP), _TOP, "h", _WIDTH),
                                             (_snap(vertical, _X0, SNAP), _X0, "v", _HEIGHT)):  # fmt: skip
        joined = []
        for _, group in groupby(sorted(snapped, key=lambda e: e[at]), key=lambda e: e[at]):
            joined.extend(_join(list(group), orientation, JOIN))
        out.append([e for e in joined if e[length] >= MIN_LENGTH])
    return out[1], out[0]


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


def as_edge(obj: dict[str, Any]) -> Edge:
    """A pdfplumber edge dict as the tuple this module works on."""
    return (obj["x0"], obj["top"], obj["x1"], obj["bottom"], obj["width"], obj["height"])


class Finder:
    """pdfplumber's ``TableFinder(page).tables`` with default settings, for a page of ruling edges and chars."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.intersections = crossings(*merged_edges(page.edges))
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [Table(page, group) for group in cells_to_tables(self.cells)]
