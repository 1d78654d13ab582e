"""Text repair: small pure steps, each returning the new text and the :class:`Fix` es it made.

Steps run in the order of :data:`STEPS`. Traditional → simplified conversion is decided once
per document (:func:`normalize_blocks`), never on the evidence of one short line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from govdisc.model import Block, Document, Paragraph, Table

from .fixes import Fix, merge
from .html_debris import strip_html_debris
from .lookalikes import fix_lookalikes
from .mojibake import document_budget, repair_gbk_misalignment
from .pinyin import remove_pinyin
from .punctuation import fix_punctuation
from .traditional import is_traditional, to_simplified, traditional_share
from .width import fold_fullwidth, tidy_spaces

Step = Callable[[str], "tuple[str, list[Fix]]"]

__all__ = ["STEPS", "Fix", "normalize_blocks", "normalize_document", "normalize_text"]


def repair_mojibake(text: str) -> tuple[str, list[Fix]]:
    """GBK byte-misalignment repair, its explanations as fixes (each run is its own)."""
    text, notes = repair_gbk_misalignment(text)
    return text, [Fix(note) for note in notes]


#: Every step, in order. HTML debris goes first (a removed ``<p>`` may break a line); then
#: mojibake, which works on the bytes the page garbled, before anything else touches them.
STEPS: tuple[Step, ...] = (
    strip_html_debris,
    repair_mojibake,
    remove_pinyin,
    fix_lookalikes,
    fold_fullwidth,
    fix_punctuation,
    tidy_spaces,
)


def _run_steps(text: str) -> tuple[str, list[Fix]]:
    fixes: list[Fix] = []
    for step in STEPS:
        text, made = step(text)
        fixes.extend(made)
    return text, fixes


def _simplify_fix(sample: str) -> Fix:
    changed, han = traditional_share(sample)
    return Fix(f"converted traditional Chinese to simplified with OpenCC t2s ({changed} of {han} characters)")


def normalize_text(text: str) -> tuple[str, list[Fix]]:
    """Run every step on ``text``, then convert it to simplified Chinese if it is traditional."""
    text, fixes = _run_steps(text)
    if is_traditional(text):
        fixes.append(_simplify_fix(text))
        text = to_simplified(text)
    return text, merge(fixes)


def _texts(blocks: Iterable[Block]) -> Iterable[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        else:
            yield from (c for row in block.rows for c in row if c)


def _normalize_lines(lines: list[str], fixes: list[Fix]) -> list[str]:
    """Run the steps after the first over many lines at once (they never add or remove a line break)."""
    joined, made = "\n".join(lines), []
    for step in STEPS[1:]:
        joined, said = step(joined)
        made.extend(said)
    out = joined.split("\n")
    if len(out) != len(lines):  # a step broke the promise: fall back to one line at a time
        made = []
        out = []
        for line in lines:
            new, said = _run_steps(line)
            out.append(new)
            made.extend(said)
    fixes.extend(made)
    return out


def normalize_blocks(blocks: list[Block]) -> tuple[list[Block], list[Fix]]:
    """Normalize every paragraph and table cell; a repaired paragraph may become several lines.

    Paragraphs are repaired a whole run at a time (one pass of each step over the document,
    not one per line); table cells one by one. The mojibake repair has one budget for them all.
    """
    with document_budget():
        return _normalize_blocks(blocks)


def _normalize_blocks(blocks: list[Block]) -> tuple[list[Block], list[Fix]]:
    fixes: list[Fix] = []

    def run(text: str) -> str:
        if not text:  # most cells of a wide grid: nothing to fix
            return text
        new, made = _run_steps(text)
        fixes.extend(made)
        return new

    staged: list[Block] = []
    pending: list[tuple[str, int | None]] = []

    def flush() -> None:
        first: list[tuple[str, int | None]] = []
        made: list[Fix] = []
        for text, page in pending:
            text, said = STEPS[0](text)
            made.extend(said)
            first.extend((line, page) for line in text.split("\n"))
        fixes.extend(made)
        lines = _normalize_lines([t for t, _ in first], fixes)
        staged.extend(Paragraph(line, page) for line, (_, page) in zip(lines, first, strict=True) if line.strip())
        pending.clear()

    for block in blocks:
        if isinstance(block, Paragraph):
            pending.append((block.text, block.page))
            continue
        flush()
        rows = [[None if c is None else run(c) for c in row] for row in block.rows]
        staged.append(Table.from_rows(rows, block.page))
    flush()
    sample = "\n".join(_texts(staged))
    if not is_traditional(sample):
        return staged, merge(fixes)
    fixes.append(_simplify_fix(sample))
    out: list[Block] = [
        Paragraph(to_simplified(b.text), b.page)
        if isinstance(b, Paragraph)
        else Table.from_rows([[None if c is None else to_simplified(c) for c in row] for row in b.rows], b.page)
        for b in staged
    ]
    return out, merge(fixes)


def normalize_document(doc: Document) -> Document:
    """A new Document with normalized blocks and the fixes appended to its warnings."""
    blocks, fixes = normalize_blocks(doc.blocks)
    return Document(doc.path, blocks, [*doc.warnings, *map(str, fixes)], doc.encoding, doc.ocr)
