"""The ``govdisc`` command: a thin layer over the library.

Each command imports what it uses when it runs: ``govdisc --help``, ``cache info`` or a usage error
load none of the readers, the pipeline or the catalogue.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
import time
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from govdisc import __version__
from govdisc.exits import Group
from govdisc.formats import BINARY_FORMATS, CHECK_FORMATS, COMPARE_FORMATS, KEYS_FORMATS, RECORD_FORMATS
from govdisc.help import DERIVED_LIST, DOC_TYPE_LIST, PRESET_LIST, Command, examples
from govdisc.limits import MB, OCR_MODES, Limits

if TYPE_CHECKING:
    from rich.console import Console

    from govdisc.check_report import CheckRow
    from govdisc.compare import Comparison
    from govdisc.model import Record
    from govdisc.output import Shape
    from govdisc.pipeline import FileResult

app = typer.Typer(
    cls=Group,
    add_completion=False,
    no_args_is_help=True,
    help="Turn Chinese government open-information documents into clean, comparable numbers.",
    epilog=examples(
        ("govdisc extract samples", "one record per document"),
        ("govdisc check docs -o checks.xlsx", "what does not add up, for the departments"),
        ("govdisc compare docs --year 2024 -o 2024.xlsx", "agencies side by side"),
    ),
)


@functools.lru_cache(maxsize=1)
def _err() -> Console:
    """Standard error as a rich console (for the progress bar), made when first needed."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


# Output options shared by every command that writes results.
FormatOpt = Annotated[
    Optional[str],  # noqa: UP045 (typer reads the annotation at run time on Python 3.10)
    typer.Option(
        "--format",
        "-f",
        help=f"Output format: {', '.join(RECORD_FORMATS)} (default: table on a terminal, "
        "else jsonl; with -o, from the file's extension).",
    ),
]
OutputOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", help="Write to this file (whole, or not at all) instead of standard output."),
]
NoBomOpt = Annotated[bool, typer.Option("--no-bom", help="CSV without the UTF-8 byte-order mark Excel and WPS want.")]


def error(message: str) -> None:
    """One line on standard error."""
    say(f"error: {message}")


def say(line: str) -> None:
    """``govdisc: line`` on standard error."""
    sys.stderr.write(f"govdisc: {line}\n")
    sys.stderr.flush()


def _check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise typer.BadParameter(f"no such file or folder: {', '.join(missing)}", param_hint="PATH")


# Run options shared by every command that reads documents.
WorkersOpt = Annotated[
    Optional[int],  # noqa: UP045
    typer.Option("--workers", "-w", help="Worker processes (default: the machine's cores; 0: in this process)."),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Read every file again; do not use or fill the cache.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="At the end, say how many files were extracted, how many cached.")
]
MaxSizeOpt = Annotated[float, typer.Option("--max-size", help="Skip files larger than this many MB.")]
MaxPagesOpt = Annotated[int, typer.Option("--max-pages", help="Skip pdfs with more pages than this.")]
TimeoutOpt = Annotated[float, typer.Option("--timeout", help="Give up on a file after this many seconds.")]
OcrOpt = Annotated[str, typer.Option("--ocr", help="Read pdf pages by OCR: auto (pages without text), always, never.")]
MaxMemoryOpt = Annotated[
    float, typer.Option("--max-memory", help="Give up on a file whose worker needs more MB than this (0: no limit).")
]
MaxLinesOpt = Annotated[
    int, typer.Option("--max-lines", help="Read at most this many lines of a file, with a warning (0: no limit).")
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="After an internal error's line, print its traceback.")]
DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class RunOptions:
    """How to read documents: the options every command that reads documents shares."""

    workers: int | None = None
    no_cache: bool = False
    quiet: bool = False
    limits: Limits = DEFAULT_LIMITS
    verbose: bool = False
    debug: bool = False

    def read(self, paths: list[Path]) -> Iterator[FileResult]:
        """Every file's result in file order, unreadable files named on stderr, a progress bar on a terminal."""
        from govdisc.cache import Cache
        from govdisc.runner import Tally, nothing_to_read, run

        _check_paths(paths)
        if (nothing := nothing_to_read(paths)) is not None:
            error(nothing)
            raise typer.Exit(1)
        cache = None if self.no_cache else Cache(variant=self.limits.cache_variant, warn=lambda m: say(f"warning: {m}"))
        tally = Tally()
        results = run(paths, self.workers, self.limits, cache, tally=tally)
        if not self.quiet and sys.stderr.isatty():
            yield from _with_progress(results, paths, self.debug)
        else:
            for result in results:
                if result.error:
                    error(f"{result.label}: {result.error}")
                    if self.debug and result.traceback:
                        sys.stderr.write(result.traceback.rstrip() + "\n")
                yield result
        if cache is not None:
            cache.close()
        if self.verbose:
            say(tally.line())


def _with_progress(results: Iterator[FileResult], paths: list[Path], debug: bool = False) -> Iterator[FileResult]:
    """``results`` under a progress bar on standard error; unreadable files named above it (with ``debug``,
    an internal error's traceback after its line)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from govdisc.pipeline import discover

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TextColumn("errors: {task.fields[errors]}"),
               TimeElapsedColumn())  # fmt: skip
    started, errors = time.monotonic(), 0
    # Output printed while the bar shows goes above it on a terminal, and straight to a file or pipe.
    with Progress(*columns, console=_err(), transient=True, redirect_stdout=sys.stdout.isatty()) as progress:
        task = progress.add_task("extracting", total=len(discover(paths)), rate="", errors=0)
        for n, result in enumerate(results, 1):
            if result.error:
                errors += 1
                progress.console.print(f"govdisc: error: {result.label}: {result.error}", markup=False,
                                       highlight=False)  # fmt: skip
                if debug and result.traceback:
                    progress.console.print(result.traceback.rstrip(), markup=False, highlight=False)
            rate = f"{n / max(time.monotonic() - started, 1e-6):.1f} files/s"
            progress.update(task, advance=1, rate=rate, errors=errors)
            yield result


DEFAULT_RUN = RunOptions()

#: The run options as command-line parameters, added to a command by :func:`reads_documents`.
RUN_PARAMETERS = (
    ("workers", WorkersOpt, None),
    ("no_cache", NoCacheOpt, False),
    ("quiet", QuietOpt, False),
    ("max_size", MaxSizeOpt, DEFAULT_LIMITS.max_size / MB),
    ("max_pages", MaxPagesOpt, DEFAULT_LIMITS.max_pages),
    ("timeout", TimeoutOpt, DEFAULT_LIMITS.timeout),
    ("ocr", OcrOpt, DEFAULT_LIMITS.ocr),
    ("max_memory", MaxMemoryOpt, DEFAULT_LIMITS.max_memory / MB),
    ("max_lines", MaxLinesOpt, DEFAULT_LIMITS.max_lines),
    ("debug", DebugOpt, False),
    ("verbose", VerboseOpt, False),
)


def reads_documents(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command the shared run options; it receives them as ``reading: RunOptions``."""
    signature = inspect.signature(command)
    hints = typing.get_type_hints(command, include_extras=True)
    kept = [p.replace(annotation=hints[p.name]) for p in signature.parameters.values() if p.name != "reading"]
    added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
             for name, annotation, default in RUN_PARAMETERS]  # fmt: skip

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        given = {name: kwargs.pop(name) for name, _, _ in RUN_PARAMETERS}
        from govdisc.choices import ChoiceError, choose

        try:
            given["ocr"] = choose(given["ocr"], OCR_MODES, "OCR mode")
        except ChoiceError as exc:
            raise typer.BadParameter(str(exc), param_hint="--ocr") from None
        limits = Limits(int(given["max_size"] * MB), given["max_pages"], given["timeout"], ocr=given["ocr"],
                        max_memory=int(given["max_memory"] * MB), max_lines=given["max_lines"])  # fmt: skip
        reading = RunOptions(given["workers"], given["no_cache"], given["quiet"], limits, given["verbose"],
                             given["debug"])  # fmt: skip
        return command(*args, reading=reading, **kwargs)

    wrapper.__signature__ = signature.replace(parameters=[*kept, *added])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in [*kept, *added]}
    return wrapper


def _format(given: str | None, output: Path | None, choices: tuple[str, ...], default: str) -> str:
    """The format to write, or a usage error naming the choices; an ``-o`` that cannot be written: one line, exit 2."""
    from govdisc.output import FormatError, OutputError, check_target, choose_format

    if output is not None:
        try:
            check_target(output)
        except OutputError as exc:
            error(str(exc))
            raise typer.Exit(2) from None
    try:
        chosen = choose_format(given, output, choices, default)
    except FormatError as exc:
        raise typer.BadParameter(str(exc), param_hint="--format") from None
    if chosen in BINARY_FORMATS and output is None:
        raise typer.BadParameter(f"{chosen} needs -o FILE", param_hint="--format")
    return chosen


def _terminal_default() -> str:
    return "table" if sys.stdout.isatty() else "jsonl"


def _emit(records: Iterable[Record], fmt: str, output: Path | None, no_bom: bool, shape: Shape) -> None:
    """Write records: JSONL streams as records arrive; the other formats need them all."""
    from govdisc.output import rich_table, write_records

    if fmt == "table" and output is None:
        from rich.console import Console

        console = Console(highlight=False, width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else 200)
        console.print(rich_table(list(records), shape.lang, console.width))
    else:
        write_records(records, fmt, output, bom=not no_bom, shape=shape)


LangOpt = Annotated[str, typer.Option("--lang", help="Column headers: zh or en.")]
KeysOpt = Annotated[bool, typer.Option("--keys", help="csv/xlsx: metric keys (requests.received.total) as headers.")]
EvidenceOpt = Annotated[bool, typer.Option("--evidence", help="csv/xlsx: evidence, page and approx per metric.")]
LongOpt = Annotated[bool, typer.Option("--long", help="csv/xlsx: one row per document and metric key.")]


def _shape(fmt: str, lang: str, keys: bool, evidence: bool, long: bool) -> Shape:
    """The columns of extract's csv and xlsx, or a usage error for options the format has no use for."""
    from govdisc.output import Shape

    if lang not in ("zh", "en"):
        raise typer.BadParameter("zh or en", param_hint="--lang")
    given = [flag for flag, on in (("--keys", keys), ("--evidence", evidence), ("--long", long)) if on]
    if given and fmt not in ("csv", "xlsx"):
        raise typer.BadParameter(f"applies to csv and xlsx only, not {fmt}", param_hint=given[0])
    return Shape("keys" if keys else lang, evidence, long)


@app.command(
    cls=Command,
    help="Read every document and print one record per document found.\n\n"
    "Exit status: 0 when every file was read, 1 when some could not be (each named on stderr) or the folders "
    "hold no document, 2 for usage errors.",
    epilog=examples(
        ("govdisc extract samples", "a table on a terminal, JSONL when piped"),
        ("govdisc extract docs -o records.csv", "CSV with BOM, for Excel and WPS"),
        ("govdisc extract docs -f jsonl | govdisc compare -", "into compare"),
    ),
)
@reads_documents
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (docx, pdf, txt, html).", show_default=False)],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    no_bom: NoBomOpt = False,
    lang: LangOpt = "zh",
    keys: KeysOpt = False,
    evidence: EvidenceOpt = False,
    long: LongOpt = False,
    reading: RunOptions = DEFAULT_RUN,
) -> None:
    """Read every document and print one record per document found."""
    chosen = _format(fmt, output, RECORD_FORMATS, _terminal_default())
    shape = _shape(chosen, lang, keys, evidence, long)
    failed = 0

    def records() -> Iterator[Record]:
        nonlocal failed
        for result in reading.read(paths):
            failed += bool(result.error)
            yield from result.records

    _emit(records(), chosen, output, no_bom, shape)
    raise typer.Exit(1 if failed else 0)


cache_app = typer.Typer(
    cls=Group,
    help="The extraction cache.",
    no_args_is_help=True,
    epilog=examples(
        ("govdisc cache info", "where it is, its size, results and files"),
        ("govdisc cache clear", "delete every cached result"),
    ),
)
app.add_typer(cache_app, name="cache")


@cache_app.command(
    "clear", cls=Command, epilog=examples(("govdisc cache clear", "delete every cached result"),
                                          ("GOVDISC_CACHE_DIR=/tmp/c govdisc cache clear", "another cache"))
)  # fmt: skip
def cache_clear() -> None:
    """Delete every cached result."""
    from govdisc.cache import cache_dir
    from govdisc.cache import clear as clear_cache

    freed = clear_cache()
    print(f"cleared {cache_dir()} ({freed / MB:.1f} MB)")


@cache_app.command(
    "info", cls=Command, epilog=examples(("govdisc cache info", "where the cache is, its size, results and files"),
                                         ("govdisc extract copy.txt -v", "whether a file came from the cache"))
)  # fmt: skip
def cache_info() -> None:
    """Where the cache is, how large, and how many results and known files it holds."""
    from govdisc.cache import summary

    print(summary().line())


def _load_records(
    paths: list[str], record_files: list[Path], read: Callable[[list[Path]], Iterator[FileResult]]
) -> tuple[list[Record], int]:
    """Records from records files (``-`` for stdin, ``*.jsonl``/``.json``/``.csv``/…, ``--records``) or extracted
    from documents; a file that is not records is one line, exit 2."""
    from govdisc.records_io import RecordsError, is_records_file, read_records

    records: list[Record] = []
    failed = 0
    documents: list[Path] = []
    sources = [*(str(p) for p in record_files), *paths]
    for given in sources:
        if given == "-" or is_records_file(given) or given in map(str, record_files):
            try:
                records.extend(read_records(given))
            except RecordsError as exc:
                error(str(exc))
                raise typer.Exit(2) from None
        else:
            documents.append(Path(given))
    for result in read(documents) if documents else ():
        failed += bool(result.error)
        records.extend(result.records)
    return records, failed


Str = Optional[str]  # noqa: UP045 (typer reads annotations at run time on Python 3.10)
Ints = Optional[list[int]]  # noqa: UP045
Strs = Optional[list[str]]  # noqa: UP045
Paths = Optional[list[Path]]  # noqa: UP045
CompareFormatOpt = Annotated[
    Str,
    typer.Option("--format", "-f", help=f"{'|'.join(COMPARE_FORMATS)} (default: table; with -o, from its extension)."),
]
DOC_TYPE_HELP = f"Only these document types: {DOC_TYPE_LIST} (repeatable)."
ExpectOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(help="File of expected agency names, one a line: list those with no report, and near misses."),
]


@app.command(
    cls=Command,
    epilog=examples(
        ("govdisc compare docs --year 2024", "agencies side by side, with a totals row"),
        ("govdisc compare docs --sort disclosure_rate --desc", "highest 公开率 first"),
        ("govdisc compare docs --preset all -o all.xlsx", "one sheet per preset"),
    ),
)
@reads_documents
def compare(
    paths: Annotated[Strs, typer.Argument(help="Folders or files, JSONL records, or - for records on stdin.")] = None,
    records_file: Annotated[Paths, typer.Option("--records", help="JSONL records from govdisc extract.")] = None,
    metrics: Annotated[Str, typer.Option(help="Comma-separated metric keys or derived figures.")] = None,
    preset: Annotated[Str, typer.Option(help=f"Columns: {PRESET_LIST} (default: summary).")] = None,
    lang: Annotated[str, typer.Option(help="Column headers: zh or en.")] = "zh",
    year: Annotated[Ints, typer.Option(help="Only these years (repeatable).")] = None,
    doc_type: Annotated[Strs, typer.Option("--doc-type", help=DOC_TYPE_HELP)] = None,
    agency: Annotated[Str, typer.Option(help="Only agencies whose name contains this.")] = None,
    sort: Annotated[
        Str,
        typer.Option(
            metavar="COLUMN",
            help="Sort by this column (ascending; --desc for descending): a metric key (govdisc keys lists them), "
            f"a derived figure ({DERIVED_LIST}), yoy.KEY, or a header as shown.",
        ),
    ] = None,
    desc: Annotated[bool, typer.Option("--desc", help="Sort descending.")] = False,
    top: Annotated[Optional[int], typer.Option(help="Only the first N rows.")] = None,  # noqa: UP045
    group_by: Annotated[Str, typer.Option("--group-by", help="Sum agencies by province|city|county.")] = None,
    expect: ExpectOpt = None,
    fmt: CompareFormatOpt = None,
    output: OutputOpt = None,
    no_bom: NoBomOpt = False,
    reading: RunOptions = DEFAULT_RUN,
) -> None:
    """Line agencies (and years) up side by side: one row per agency, one column per metric."""
    from rich.console import Console

    from govdisc.choices import ChoiceError, choose
    from govdisc.compare import PRESETS, Filters, build, columns_for
    from govdisc.compare.api import options as compare_options
    from govdisc.compare.render import to_csv, to_json, to_markdown
    from govdisc.compare.screen import to_rich, to_text
    from govdisc.compare.workbook import write_xlsx
    from govdisc.output import atomic_path, write

    try:
        lang = choose(lang, ("zh", "en"), "language")
        chosen = compare_options([m for m in (metrics or "").split(",") if m.strip()] or None, preset, sort,
                                 doc_type or (), group_by)  # fmt: skip
    except ChoiceError as exc:
        raise typer.BadParameter(str(exc)) from None
    fmt = _format(fmt, output, COMPARE_FORMATS, "table")
    if fmt == "xlsx" and output is None:
        raise typer.BadParameter("xlsx needs -o FILE", param_hint="--format")
    if not paths and not records_file:
        raise typer.BadParameter("give folders, files, JSONL records or - for stdin", param_hint="PATH")
    records, failed = _load_records(
        list(paths or []),
        list(records_file or []),
        reading.read,
    )
    wanted, preset = chosen.metrics, chosen.preset
    expected = [n.strip() for n in expect.read_text(encoding="utf-8-sig").splitlines() if n.strip()] if expect else []
    filters = Filters(year or (), chosen.doc_types, agency)

    def compared(columns: list[str]) -> Comparison:
        return build(records, columns, filters, chosen.group_by, chosen.sort, desc, top, expected)

    sheets = [(preset or "summary", compared(columns_for(records, preset, wanted)))]
    if fmt == "xlsx" and preset == "all" and not wanted:
        sheets += [(name, compared(columns_for(records, name, None))) for name in PRESETS]
    comparison = sheets[0][1]
    if not comparison.rows and not expected:
        error(f"no records match {_filters_said(year, doc_type, agency)}" if records else "no records in "
              + ", ".join([*(str(p) for p in records_file or []), *(paths or [])]))  # fmt: skip
        raise typer.Exit(1)
    if fmt == "xlsx":
        with atomic_path(output) as tmp:  # type: ignore[arg-type]
            write_xlsx(sheets, tmp, lang)
    elif fmt == "table" and output is None:
        console = Console(highlight=False, width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else 250)
        console.print(to_rich(comparison, lang, console.width))
    else:
        renderers = {
            "table": lambda: to_text(comparison, lang),
            "csv": lambda: to_csv(comparison, lang, bom=not no_bom),
            "json": lambda: to_json(comparison, lang),
            "markdown": lambda: to_markdown(comparison, lang),
        }
        write(renderers[fmt](), output)
    raise typer.Exit(1 if failed else 0)


def _filters_said(year: list[int] | None, doc_type: list[str] | None, agency: str | None) -> str:
    """The filters given, as typed: ``--year 2030 --agency 淮安``."""
    said = [*(f"--year {y}" for y in year or ()), *(f"--doc-type {t}" for t in doc_type or ())]
    return " ".join(said + ([f"--agency {agency}"] if agency else [])) or "the records given"


@app.command(
    cls=Command,
    epilog=examples(
        ("govdisc report docs -o report.html", "one page for any browser, offline"),
        ("govdisc report docs --expect roster.txt -o r.html", "who has not reported"),
        ("govdisc report r.jsonl --lang en -o r.html", "from records, in English"),
    ),
)
@reads_documents
def report(
    paths: Annotated[list[str], typer.Argument(help="Folders or files, or JSONL records.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write (whole, or not at all).")],
    expect: ExpectOpt = None,
    year: Annotated[Ints, typer.Option(help="Only these years (repeatable).")] = None,
    lang: Annotated[str, typer.Option(metavar="zh|en", help="Page language.")] = "zh",
    group_by: Annotated[
        Str, typer.Option("--group-by", metavar="LEVEL", help="Also chart totals by province|city|county.")
    ] = None,
    reading: RunOptions = DEFAULT_RUN,
) -> None:
    """Write one self-contained HTML page: documents read, roster coverage, failed checks with pictures of the
    printed tables, the comparison, charts and downloads. Exit 1 when some file could not be read."""
    from govdisc.choices import ChoiceError, choose
    from govdisc.compare import GROUP_LEVELS
    from govdisc.report import build_report, sources, write_report

    try:
        lang = choose(lang, ("zh", "en"), "language")
        group_by = None if group_by is None else choose(group_by, GROUP_LEVELS, "level")
    except ChoiceError as exc:
        raise typer.BadParameter(str(exc)) from None
    _format("html", output, ("html",), "html")
    results: list[FileResult] = []

    def read(documents: list[Path]) -> Iterator[FileResult]:
        for result in reading.read(documents):
            results.append(result)
            yield result

    records, failed = _load_records(paths, [], read)
    expected = [n.strip() for n in expect.read_text(encoding="utf-8-sig").splitlines() if n.strip()] if expect else []
    write_report(build_report(sources(results, records), expected, year or (), lang, group_by), output)
    raise typer.Exit(1 if failed else 0)


CheckFormatOpt = Annotated[
    Str,
    typer.Option("--format", "-f", help=f"{'|'.join(CHECK_FORMATS)} (default: table; with -o, from its extension)."),
]


@app.command(
    cls=Command,
    help="Run the consistency checks of tables 3 and 4 (and of the text against them) and list what does not add "
    "up: each line names the document, the table, row, column and page, and the figures that differ.\n\n"
    "Exit status 1 when a check fails or a file cannot be read. Doubtful checks (failing only through cells printed "
    "blank or as a slash) and checks that cannot run are listed too, but do not fail.",
    epilog=examples(
        ("govdisc check docs", "what does not add up, and where"),
        ("govdisc check docs -o checks.xlsx", "a sheet for the departments"),
        ("govdisc check docs --all --lang en", "every check, passed ones too, in English"),
    ),
)
@reads_documents
def check(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders.", show_default=False)],
    all_checks: Annotated[bool, typer.Option("--all", help="Also list the checks that passed.")] = False,
    lang: Annotated[str, typer.Option(metavar="zh|en", help="Language of the lines and headers.")] = "zh",
    fmt: CheckFormatOpt = None,
    output: OutputOpt = None,
    no_bom: NoBomOpt = False,
    reading: RunOptions = DEFAULT_RUN,
) -> None:
    """Run the consistency checks of tables 3 and 4 (and of the text against them); list what does not add up."""
    from govdisc import check_report
    from govdisc.compare.build import dedupe
    from govdisc.compare.crossyear import cross_year_checks
    from govdisc.output import atomic_path, write

    chosen = _format(fmt, output, CHECK_FORMATS, "table")
    if lang not in ("zh", "en"):
        raise typer.BadParameter("zh or en", param_hint="--lang")
    stream = chosen == "table" and output is None  # lines as each file is checked, above the progress bar
    unreadable = failed = 0
    rows: list[CheckRow] = []
    records: list[Record] = []

    def add(row: CheckRow) -> None:
        rows.append(row)
        if stream:
            sys.stdout.write(row.line(lang) + "\n")

    for result in reading.read(paths):
        unreadable += bool(result.error)
        for record in result.records:
            records.append(record)
            name = result.label if len(result.records) == 1 else f"{result.label}#{record.doc_index}"
            for c in record.checks:
                failed += c.status == "failed"
                if c.status != "passed" or all_checks:
                    add(check_report.check_row(record, c, lang, name))
    for c in cross_year_checks(dedupe(records)[0]):
        failed += c.status == "failed"
        if c.status != "passed" or all_checks:
            add(check_report.check_row(None, c, lang))
    said = check_report.summary_line(len(records), failed, lang) + "\n"
    if stream:
        write(said, None, utf8=False)
    elif chosen == "table":
        write([*(row.line(lang) + "\n" for row in rows), said], output, utf8=False)
    elif chosen == "xlsx":
        with atomic_path(output) as tmp:  # type: ignore[arg-type]
            check_report.write_xlsx(rows, tmp, lang)
    else:
        text = check_report.to_csv(rows, lang, bom=not no_bom) if chosen == "csv" else check_report.to_jsonl(rows)
        write(text, output)
    raise typer.Exit(1 if failed or unreadable else 0)


@app.command(
    cls=Command,
    epilog=examples(
        ("govdisc normalize report.pdf", "the repaired text; what was repaired on stderr"),
        ("govdisc normalize scraped.html > clean.txt", "keep the text"),
    ),
)
def normalize(path: Annotated[Path, typer.Argument(help="One file.", show_default=False)]) -> None:
    """Print a file's repaired text (tables as rows of cells joined by |); what was repaired goes to stderr."""
    from govdisc.model import Paragraph, ReadError
    from govdisc.normalize import normalize_document
    from govdisc.read import read_document

    _check_paths([path])
    try:
        doc = normalize_document(read_document(path))
    except ReadError as exc:
        error(f"{path}: {exc}")
        raise typer.Exit(1) from None
    for block in doc.blocks:
        lines = [block.text] if isinstance(block, Paragraph) else block.lines()
        sys.stdout.write("".join(line + "\n" for line in lines))
    for note in doc.warnings:
        say(f"{path}: {note}")


@app.command(
    cls=Command,
    epilog=examples(
        ("govdisc keys", "every key with its Chinese and English label"),
        ("govdisc keys -f csv -o keys.csv", "the list as a spreadsheet"),
        ("govdisc keys -f json", "for scripts"),
    ),
)
def keys(
    fmt: Annotated[
        Str,
        typer.Option("--format", "-f", help=f"{'|'.join(KEYS_FORMATS)} (default: table; with -o, its extension)."),
    ] = None,
    output: OutputOpt = None,
    no_bom: NoBomOpt = False,
) -> None:
    """List every metric key of the record and every derived figure of compare, with Chinese and English labels."""
    from rich.console import Console

    from govdisc import keys_table
    from govdisc.output import rich_text, write

    chosen = _format(fmt, output, KEYS_FORMATS, "table")
    listed = keys_table.all_keys()
    if chosen == "table" and output is None:
        Console(highlight=False, width=None if sys.stdout.isatty() else 160).print(keys_table.to_rich(listed))
    elif chosen == "table":
        write(rich_text(keys_table.to_rich(listed), 160), output)
    else:
        write(keys_table.to_csv(listed, bom=not no_bom) if chosen == "csv" else keys_table.to_json(listed), output)


def _version(value: bool) -> None:
    if value:
        print(f"govdisc {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """govdisc: Chinese government open-information documents in, numbers with evidence out."""


def main() -> None:
    """Console-script entry point."""
    from govdisc.argv import only_the_command_named

    with only_the_command_named(app, sys.argv[1:]):
        app()
