"""pdfplumber's table finder with its cell search indexed: the same tables, found without rescanning every point.

pdfplumber's ``intersections_to_cells`` looks, for each intersection, through all later points for those
below and to the right, and rebuilds the sets of edges through two points for every test. Here each point's
edges are collected once and the points are grouped by column and by row; the search and its order are
pdfplumber's, so the cells and tables are the same.
"""

from __future__ import annotations

from typing import Any

from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables, edges_to_intersections
from pdfplumber.utils import obj_to_bbox

Point = tuple[float, float]
Bbox = tuple[float, float, float, float]


def intersections_to_cells(intersections: dict[Point, dict[str, list[Any]]]) -> list[Bbox]:
    """pdfplumber's ``intersections_to_cells``: for each point, the smallest cell it is the top left corner of."""
    points = sorted(intersections)
    vertical = {p: {obj_to_bbox(e) for e in edges["v"]} for p, edges in intersections.items()}
    horizontal = {p: {obj_to_bbox(e) for e in edges["h"]} for p, edges in intersections.items()}
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


class Finder(TableFinder):
    """pdfplumber's ``TableFinder`` with default settings, its cells found by :func:`intersections_to_cells`."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.settings = TableSettings.resolve(None)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance
        )
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]
