"""Build govdisc/data/char_weights.tsv: how common each character is, from jieba's dictionary.

Usage: python scripts/build_char_weights.py [output.tsv]

Each line is ``character<TAB>weight``, the weight being the summed frequencies of the common words
of jieba's ``dict.txt`` that hold the character (:func:`govdisc.normalize.plausibility.count_char_weights`).
govdisc reads the table to tell whether a line looks garbled without parsing the whole dictionary.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from govdisc.normalize.plausibility import CHAR_WEIGHTS, count_char_weights, jieba_words

OUTPUT = Path(__file__).resolve().parents[1] / "govdisc" / "data" / CHAR_WEIGHTS


def table() -> str:
    """The table's text, characters in code-point order."""
    weights = count_char_weights(jieba_words())
    return "".join(f"{ch}\t{weights[ch]}\n" for ch in sorted(weights))


def main() -> None:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    output.write_text(table(), encoding="utf-8")
    print(f"{output}: {len(table().splitlines())} characters")


if __name__ == "__main__":
    main()
