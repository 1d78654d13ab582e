"""The ``govdisc`` command: a thin layer over the library."""

from __future__ import annotations

import functools
import inspect
import json
import sys
import time
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from govdisc import __version__
from govdisc.cache import Cache, cache_dir
from govdisc.cache import clear as clear_cache
from govdisc.compare import FORMATS as COMPARE_FORMATS
from govdisc.compare import GROUP_LEVELS, PRESET_NAMES, PRESETS, Comparison, Filters, build, columns_for
from govdisc.compare.build import dedupe
from govdisc.compare.crossyear import cross_year_checks
from govdisc.compare.render import to_csv, to_json, to_markdown, to_rich, to_text, write_xlsx
from govdisc.model import Check, Paragraph, ReadError, Record
from govdisc.normalize import normalize_document
from govdisc.output import (
    CHECK_FORMATS,
    RECORD_FORMATS,
    FormatError,
    atomic_path,
    check_line,
    checks_text,
    choose_format,
    jsonl_lines,
    render,
    rich_table,
    write,
)
from govdisc.pipeline import FileResult, discover
from govdisc.read import read_document
from govdisc.runner import MB, Limits, run

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn Chinese government open-information documents into clean, comparable numbers.",
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

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
    err.print(f"govdisc: error: {message}", markup=False)


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
MaxSizeOpt = Annotated[float, typer.Option("--max-size", help="Skip files larger than this many MB.")]
MaxPagesOpt = Annotated[int, typer.Option("--max-pages", help="Skip pdfs with more pages than this.")]
TimeoutOpt = Annotated[float, typer.Option("--timeout", help="Give up on a file after this many seconds.")]
DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class RunOptions:
    """How to read documents: the options every command that reads documents shares."""

    workers: int | None = None
    no_cache: bool = False
    quiet: bool = False
    limits: Limits = DEFAULT_LIMITS

    def read(self, paths: list[Path]) -> Iterator[FileResult]:
        """Every file's result in file order, unreadable files named on stderr, a progress bar on a terminal."""
        _check_paths(paths)
        cache = None if self.no_cache else Cache()
        show = not self.quiet and sys.stderr.isatty()
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[rate]}"), TextColumn("errors: {task.fields[errors]}"),
                   TimeElapsedColumn())  # fmt: skip
        started, errors = time.monotonic(), 0
        with Progress(*columns, console=err, transient=True, disable=not show) as progress:
            task = progress.add_task("extracting", total=len(discover(paths)), rate="", errors=0)
            for n, result in enumerate(run(paths, self.workers, self.limits, cache), 1):
                if result.error:
                    errors += 1
                    progress.console.print(f"govdisc: error: {result.label}: {result.error}", markup=False,
                                           highlight=False)  # fmt: skip
                rate = f"{n / max(time.monotonic() - started, 1e-6):.1f} files/s"
                progress.update(task, advance=1, rate=rate, errors=errors)
                yield result
        if cache is not None:
            cache.close()


DEFAULT_RUN = RunOptions()

#: The run options as command-line parameters, added to a command by :func:`reads_documents`.
RUN_PARAMETERS = (
    ("workers", WorkersOpt, None),
    ("no_cache", NoCacheOpt, False),
    ("quiet", QuietOpt, False),
    ("max_size", MaxSizeOpt, DEFAULT_LIMITS.max_size / MB),
    ("max_pages", MaxPagesOpt, DEFAULT_LIMITS.max_pages),
    ("timeout", TimeoutOpt, DEFAULT_LIMITS.timeout),
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
        limits = Limits(int(given["max_size"] * MB), given["max_pages"], given["timeout"])
        reading = RunOptions(given["workers"], given["no_cache"], given["quiet"], limits)
        return command(*args, reading=reading, **kwargs)

    wrapper.__signature__ = signature.replace(parameters=[*kept, *added])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in [*kept, *added]}
    return wrapper


def _format(given: str | None, output: Path | None, choices: tuple[str, ...], default: str) -> str:
    """The format to write, or a usage error naming the choices (or the missing folder of ``-o``)."""
    if output is not None and not output.parent.is_dir():
        raise typer.BadParameter(f"no such folder: {output.parent}", param_hint="--output")
    try:
        return choose_format(given, output, choices, default)
    except FormatError as exc:
        raise typer.BadParameter(str(exc), param_hint="--format") from None


def _terminal_default() -> str:
    return "table" if sys.stdout.isatty() else "jsonl"


def _emit(records: Iterable[Record], fmt: str, output: Path | None, no_bom: bool) -> None:
    """Write records: JSONL streams as records arrive; the other formats need them all."""
    if fmt == "jsonl":
        write(jsonl_lines(records), output)
    elif fmt == "table" and output is None:
        Console(highlight=False, width=None if sys.stdout.isatty() else 200).print(rich_table(list(records)))
    else:
        write(render(list(records), fmt, bom=not no_bom), output)


@app.command()
@reads_documents
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (docx, pdf, txt, html).", show_default=False)],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    no_bom: NoBomOpt = False,
    reading: RunOptions = DEFAULT_RUN,
) -> None:
    """Read every document and print one record per document found.

    Exit status: 0 when every file was read, 1 when some could not be (each named on stderr), 2 for usage errors.
    """
    chosen = _format(fmt, output, RECORD_FORMATS, _terminal_default())
    failed = 0

    def records() -> Iterator[Record]:
        nonlocal failed
        for result in reading.read(paths):
            failed += bool(result.error)
            yield from result.records

    _emit(records(), chosen, output, no_bom)
    raise typer.Exit(1 if failed else 0)


cache_app = typer.Typer(help="The extraction cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached result."""
    freed = clear_cache()
    print(f"cleared {cache_dir()} ({freed / MB:.1f} MB)")


@cache_app.command("info")
def cache_info() -> None:
    """Where the cache is and how large."""
    path = cache_dir() / "cache.sqlite"
    print(f"{path} ({path.stat().st_size / MB:.1f} MB)" if path.exists() else f"{path} (empty)")


def _load_records(
    paths: list[str], record_files: list[Path], read: Callable[[list[Path]], Iterator[FileResult]]
) -> tuple[list[Record], int]:
    """Records from JSONL (``-`` for stdin, ``*.jsonl``, ``--records``) or extracted from documents."""
    records: list[Record] = []
    failed = 0
    documents: list[Path] = []
    sources = [*(str(p) for p in record_files), *paths]
    for given in sources:
        if given == "-" or given.endswith((".jsonl", ".ndjson")) or given in map(str, record_files):
            text = sys.stdin.read() if given == "-" else Path(given).read_text(encoding="utf-8-sig")
            for n, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    try:
                        records.append(Record.from_dict(json.loads(line)))
                    except (json.JSONDecodeError, TypeError, AttributeError) as exc:
                        raise typer.BadParameter(f"{given}, line {n}: not a govdisc record ({exc})") from None
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
ExpectOpt = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(help="File of expected agency names, one a line: list those with no report."),
]


@app.command()
@reads_documents
def compare(
    paths: Annotated[Strs, typer.Argument(help="Folders or files, JSONL records, or - for records on stdin.")] = None,
    records_file: Annotated[Paths, typer.Option("--records", help="JSONL records from govdisc extract.")] = None,
    metrics: Annotated[Str, typer.Option(help="Comma-separated metric keys or derived figures.")] = None,
    preset: Annotated[Str, typer.Option(help=f"Columns: {'|'.join(PRESET_NAMES)} (default: summary).")] = None,
    lang: Annotated[str, typer.Option(help="Column headers: zh or en.")] = "zh",
    year: Annotated[Ints, typer.Option(help="Only these years (repeatable).")] = None,
    doc_type: Annotated[Strs, typer.Option("--doc-type", help="Only these document types (repeatable).")] = None,
    agency: Annotated[Str, typer.Option(help="Only agencies whose name contains this.")] = None,
    sort: Annotated[Str, typer.Option(help="Sort by this column (ascending; --desc for descending).")] = None,
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
    if preset is not None and preset not in PRESET_NAMES:
        raise typer.BadParameter(
            f"unknown preset {preset!r} (choose from {', '.join(PRESET_NAMES)})", param_hint="--preset"
        )
    if group_by is not None and group_by not in GROUP_LEVELS:
        raise typer.BadParameter(f"choose from {', '.join(GROUP_LEVELS)}", param_hint="--group-by")
    if lang not in ("zh", "en"):
        raise typer.BadParameter("zh or en", param_hint="--lang")
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
    wanted = [m.strip() for m in metrics.split(",") if m.strip()] if metrics else None
    expected = [n.strip() for n in expect.read_text(encoding="utf-8-sig").splitlines() if n.strip()] if expect else []
    filters = Filters(year or (), doc_type or (), agency)

    def compared(columns: list[str]) -> Comparison:
        return build(records, columns, filters, group_by, sort, desc, top, expected)

    sheets = [(preset or "summary", compared(columns_for(records, preset, wanted)))]
    if fmt == "xlsx" and preset == "all" and not wanted:
        sheets += [(name, compared(columns_for(records, name, None))) for name in PRESETS]
    comparison = sheets[0][1]
    if fmt == "xlsx":
        with atomic_path(output) as tmp:  # type: ignore[arg-type]
            write_xlsx(sheets, tmp, lang)
    elif fmt == "table" and output is None:
        Console(highlight=False, width=None if sys.stdout.isatty() else 250).print(to_rich(comparison, lang))
    else:
        renderers = {
            "table": lambda: to_text(comparison, lang),
            "csv": lambda: to_csv(comparison, lang, bom=not no_bom),
            "json": lambda: to_json(comparison, lang),
            "markdown": lambda: to_markdown(comparison, lang),
        }
        write(renderers[fmt](), output)
    raise typer.Exit(1 if failed else 0)


@app.command()
@reads_documents
def report(
    paths: Annotated[list[str], typer.Argument(help="Folders or files, or JSONL records.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write (whole, or not at all).")],
    expect: ExpectOpt = None,
    year: Annotated[Ints, typer.Option(help="Only these years (repeatable).")] = None,
    lang: Annotated[str, typer.Option(help="Page language: zh or en.")] = "zh",
    group_by: Annotated[Str, typer.Option("--group-by", help="Also chart totals by province|city|county.")] = None,
    reading: RunOptions = DEFAULT_RUN,
) -> None:
    """Write one self-contained HTML page: documents read, roster coverage, failed checks with pictures of the
    printed tables, the comparison, charts and downloads. Exit 1 when some file could not be read."""
    from govdisc.report import build_report, sources, write_report

    if lang not in ("zh", "en"):
        raise typer.BadParameter("zh or en", param_hint="--lang")
    if group_by is not None and group_by not in GROUP_LEVELS:
        raise typer.BadParameter(f"choose from {', '.join(GROUP_LEVELS)}", param_hint="--group-by")
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


@app.command()
@reads_documents
def check(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders.", show_default=False)],
    all_checks: Annotated[bool, typer.Option("--all", help="Also list the checks that passed.")] = False,
    fmt: CheckFormatOpt = None,
    output: OutputOpt = None,
    no_bom: NoBomOpt = False,
    reading: RunOptions = DEFAULT_RUN,
) -> None:
    """Run the consistency checks and list what fails; exit 1 when anything fails (or a file cannot be read).

    Doubtful checks (failing only through blank or ``/`` cells) and checks that cannot run are listed too,
    but do not fail.
    """
    chosen = _format(fmt, output, CHECK_FORMATS, "table")
    unreadable = 0
    listed: list[tuple[Record | None, Check]] = []
    names: list[str] = []
    records: list[Record] = []
    for result in reading.read(paths):
        if result.error:
            unreadable += 1
            continue
        for record in result.records:
            records.append(record)
            name = result.label if len(result.records) == 1 else f"{result.label}#{record.doc_index}"
            listed.extend((record, c) for c in record.checks)
            names.extend(name for _ in record.checks)
    unique, _ = dedupe(records)
    across = cross_year_checks(unique)
    listed.extend((None, c) for c in across)
    names.extend("across years" for _ in across)
    shown = [(name, pair) for name, pair in zip(names, listed, strict=True) if pair[1].status != "passed" or all_checks]
    failed = sum(c.status == "failed" for _, c in listed)
    if chosen == "table":
        lines = [check_line(name, c) + "\n" for name, (_, c) in shown]
        lines.append(f"{len(records)} document(s) checked, {failed} failed check(s)\n")
        write(lines, output)
    else:
        write(checks_text([pair for _, pair in shown], chosen, bom=not no_bom), output)
    raise typer.Exit(1 if failed or unreadable else 0)


@app.command()
def normalize(path: Annotated[Path, typer.Argument(help="One file.", show_default=False)]) -> None:
    """Print a file's repaired text (tables as rows of cells joined by |); what was repaired goes to stderr."""
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
        err.print(f"govdisc: {path}: {note}", markup=False)


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
    app()
