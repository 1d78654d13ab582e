"""``govdisc.compare(records, ...)``: the comparison from Python, every name checked as the command checks it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from govdisc.choices import choose
from govdisc.model import DOC_TYPES, Record

from .build import GROUP_LEVELS, Comparison, Filters, build, columns_for
from .figures import PRESET_NAMES, column_id


@dataclass(frozen=True)
class Options:
    """What to compare, every name checked: column ids, preset, sort column, document types, grouping level."""

    metrics: tuple[str, ...] | None = None
    preset: str | None = None
    sort: str | None = None
    doc_types: tuple[str, ...] = ()
    group_by: str | None = None


def options(
    metrics: Sequence[str] | None = None,
    preset: str | None = None,
    sort: str | None = None,
    doc_types: Sequence[str] = (),
    group_by: str | None = None,
) -> Options:
    """The options, each name made the one it stands for (a header as shown → its column id).

    Raises :class:`govdisc.choices.ChoiceError` for a name that is none of the choices.
    """
    wanted = tuple(column_id(m, "metric") for m in metrics) if metrics else None
    chosen_preset = choose(preset, PRESET_NAMES, "preset") if preset is not None else None
    if sort is not None:
        shown = list(wanted or ()) or columns_for([], chosen_preset if chosen_preset != "all" else None, None)
        sort = column_id(sort, "sort column", shown)
    types = tuple(choose(t, DOC_TYPES, "document type") for t in doc_types)
    level = choose(group_by, GROUP_LEVELS, "grouping level") if group_by is not None else None
    return Options(wanted, chosen_preset, sort, types, level)


def compare(
    records: Sequence[Record],
    metrics: Sequence[str] | None = None,
    *,
    preset: str | None = None,
    years: Sequence[int] = (),
    doc_types: Sequence[str] = (),
    agency: str | None = None,
    group_by: str | None = None,
    sort: str | None = None,
    desc: bool = False,
    top: int | None = None,
    expect: Sequence[str] = (),
) -> Comparison:
    """Agencies (and years) side by side, as ``govdisc compare`` shows them; iterate over it for the rows.

    ``metrics``: column ids (metric keys, derived figures, ``yoy.<column>``) or headers as shown;
    otherwise ``preset``'s columns (default ``summary``). Each row is an :class:`~govdisc.compare.Entry`
    (``name``, ``year``, ``values`` by column id, ``approx``, ``to_dict()``); ``.totals`` is the 合计 row,
    ``.missing`` the ``expect`` names with no report. Unknown names raise :class:`govdisc.choices.ChoiceError`.

    >>> import govdisc
    >>> records = [r for found in govdisc.extract_paths(["samples"]) for r in found.records]
    >>> rows = govdisc.compare(records, ["主动公开信息"], years=[2022], sort="published.items", desc=True, top=1)
    >>> [(row.name, row.values["published.items"]) for row in rows]
    [('滁州市水利局', 1490)]
    """
    chosen = options(metrics, preset, sort, doc_types, group_by)
    columns = columns_for(records, chosen.preset, chosen.metrics)
    filters = Filters(tuple(years), chosen.doc_types, agency)
    return build(records, columns, filters, chosen.group_by, chosen.sort, desc, top, expect)
