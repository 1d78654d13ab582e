"""The ``govdisc`` command: a thin layer over the library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from govdisc import __version__
from govdisc.extract import read_document
from govdisc.model import Paragraph, ReadError, Record
from govdisc.normalize import normalize_document
from govdisc.output import FORMATS, atomic_writer, format_for, render, rich_table
from govdisc.pipeline import extract_paths

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn Chinese government open-information documents into clean, comparable numbers.",
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

# Output options shared by every command that writes records.
FormatOpt = Annotated[
    Optional[str],  # noqa: UP045 (typer reads the annotation at run time on Python 3.10)
    typer.Option(
        "--format",
        "-f",
        help=f"Output format: {', '.join(FORMATS)} (default: table on a terminal, "
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


def _emit(records: list[Record], fmt: str | None, output: Path | None, no_bom: bool) -> None:
    fmt = format_for(str(output) if output else None, fmt, sys.stdout.isatty())
    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})", param_hint="--format")
    if output is not None:
        text = render(records, fmt, bom=not no_bom)
        with atomic_writer(output) as handle:
            handle.write(text)
    elif fmt == "table":
        Console(highlight=False, width=None if sys.stdout.isatty() else 200).print(rich_table(records))
    else:
        sys.stdout.write(render(records, fmt, bom=not no_bom))
        sys.stdout.flush()


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (docx, pdf, txt, html).", show_default=False)],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    no_bom: NoBomOpt = False,
) -> None:
    """Read every document and print one record per document found.

    Exit status: 0 when every file was read, 1 when some could not be (each named on stderr), 2 for usage errors.
    """
    _check_paths(paths)
    records: list[Record] = []
    failed = 0
    for result in extract_paths(paths):
        if result.error:
            failed += 1
            error(f"{result.label}: {result.error}")
        records.extend(result.records)
    _emit(records, fmt, output, no_bom)
    raise typer.Exit(1 if failed else 0)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders.", show_default=False)],
    all_checks: Annotated[bool, typer.Option("--all", help="Also list the checks that passed.")] = False,
) -> None:
    """Run the consistency checks and list what fails; exit 1 when anything fails (or a file cannot be read).

    Doubtful checks (failing only through blank or ``/`` cells) and checks that cannot run are listed too,
    but do not fail.
    """
    _check_paths(paths)
    failed = unreadable = documents = 0
    out = Console(highlight=False, soft_wrap=True)
    for result in extract_paths(paths):
        if result.error:
            unreadable += 1
            error(f"{result.label}: {result.error}")
            continue
        for record in result.records:
            documents += 1
            name = result.label if len(result.records) == 1 else f"{result.label}#{record.doc_index}"
            for c in record.checks:
                if c.status == "failed":
                    failed += 1
                if c.status != "passed" or all_checks:
                    out.print(f"{name}: {c.status.upper().replace('_', ' ')} {c.id}: {c.message}", markup=False)
    out.print(f"{documents} document(s) checked, {failed} failed check(s)", markup=False)
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
