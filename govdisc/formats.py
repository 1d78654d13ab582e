"""The formats each command writes, by name: kept apart from the writers so that the command line
can name them in its help without importing them."""

from __future__ import annotations

#: What ``extract`` writes.
RECORD_FORMATS = ("table", "jsonl", "json", "csv", "xlsx", "sqlite")
#: Formats that are a file, not text: they need ``-o``.
BINARY_FORMATS = ("xlsx", "sqlite")
#: What ``compare`` writes.
COMPARE_FORMATS = ("table", "csv", "json", "markdown", "xlsx")
#: What ``check`` writes.
CHECK_FORMATS = ("table", "jsonl", "csv", "xlsx")
#: What ``keys`` writes.
KEYS_FORMATS = ("table", "csv", "json")
