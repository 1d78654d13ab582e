"""govdisc starts light: each command imports what it needs, and no run pays for models it does not use.

How long start-up takes is measured by ``bench/run.py`` (``--startup-only``), never asserted here:
these tests check what is imported and loaded, which does not depend on the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from rich.markup import escape as rich_escape

from tests.helpers import ROOT, SAMPLES, run_cli

#: Modules only reading documents needs: none of them is imported to start the command line.
PIPELINE = ("govdisc.metadata", "govdisc.segment", "govdisc.normalize", "govdisc.metrics", "govdisc.tables",
            "govdisc.parse", "govdisc.compare", "govdisc.checks", "govdisc.region", "govdisc.read.txt")  # fmt: skip
#: Libraries no start-up needs.
HEAVY = ("jieba", "opencc", "cn2an", "pydantic", "charset_normalizer", "pdfplumber", "pypdfium2", "docx", "lxml",
         "openpyxl", "markdown_it", "pygments", "rich.markdown", "rich.progress")  # fmt: skip


def _modules_after(code: str) -> set[str]:
    """The modules imported in a fresh interpreter once ``code`` has run (it may end by SystemExit)."""
    probe = (
        "import json, sys\n"
        f"try:\n    exec({code!r})\nexcept SystemExit:\n    pass\n"
        "sys.stdout.flush()\n"
        "print('\\n' + json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.splitlines()[-1]))


def _run(*argv: str) -> str:
    return f"import sys; sys.argv = {['govdisc', *argv]!r}\nfrom govdisc.cli import main\nmain()"


def _heavy(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m in names or m.startswith(tuple(f"{n}." for n in names)))


def test_importing_the_command_line_imports_no_pipeline_and_no_heavy_library():
    modules = _modules_after("import govdisc.cli")
    assert _heavy(modules, PIPELINE + HEAVY) == []


@pytest.mark.parametrize(
    "argv",
    [("--help",), ("cache", "info"), ("keys", "-f", "json"), ("extract", "samples", "-o", "nodir/x.csv")],
    ids=" ".join,
)
def test_commands_that_read_no_document_load_no_pipeline(argv: tuple[str, ...]):
    modules = _modules_after(_run(*argv))
    allowed = ("govdisc.metrics",) if argv[0] == "keys" else ()  # keys lists the catalogue
    assert _heavy(modules, tuple(m for m in PIPELINE + HEAVY if m not in allowed)) == []


#: What only reading, the cache or a pool of workers needs: neither ``--help`` nor ``cache info`` imports it.
RUN_ONLY = ("govdisc.runner", "govdisc.pipeline", "govdisc.model", "govdisc.output", "govdisc.read", "multiprocessing",
            "ctypes")  # fmt: skip


@pytest.mark.parametrize("argv", [("--help",), ("extract", "--help"), ("cache", "info")], ids=" ".join)
def test_help_and_cache_info_load_no_runner_and_no_worker_pool(argv: tuple[str, ...]):
    assert _heavy(_modules_after(_run(*argv)), RUN_ONLY) == []


def test_help_reads_no_emoji_table_and_rich_still_renders_emoji_codes():
    after = (
        "import sys\nprint(type(sys.modules['rich._emoji_codes'].EMOJI).__name__)\n"
        "from rich.text import Text\nprint(Text.from_markup(':thumbs_up: [bold]x[/bold]').plain)\n"
        "print(type(sys.modules['rich._emoji_codes'].EMOJI).__name__)\n"
    )
    probe = f"try:\n    exec({_run('--help')!r})\nexcept SystemExit:\n    pass\n{after}"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-3:] == ["_Emoji", "\N{THUMBS UP SIGN} x", "dict"]


def test_a_cached_run_starts_no_pool_and_loads_no_reader(tmp_path):
    """Once extracted, the same files come from the cache: no reader (not even the readers' package, which sets
    up ``logging``), no detector, no worker pool is loaded, nor what only other formats' writers use."""
    env = f"import os; os.environ['GOVDISC_CACHE_DIR'] = {str(tmp_path / 'cache')!r}\n"
    first = _modules_after(env + _run("extract", str(SAMPLES), "-f", "jsonl"))
    assert "multiprocessing" in first  # the first run extracts in worker processes
    again = _modules_after(env + _run("extract", str(SAMPLES), "-f", "jsonl"))
    unused = ("multiprocessing", "ctypes", "charset_normalizer", "govdisc.read", "logging", "csv", "secrets")
    assert _heavy(again, (*unused, *PIPELINE)) == []


def test_a_pool_over_txt_files_loads_only_the_txt_reader():
    code = "from govdisc.runner import warm_up; warm_up(['a.txt', 'b.TXT'])"
    modules = _modules_after(code)
    assert "govdisc.read.txt" in modules and "govdisc.region" in modules  # the region index, before the fork
    assert _heavy(modules, ("govdisc.read.pdf", "govdisc.read.docx", "govdisc.read.html", "pdfplumber", "docx")) == []


def test_a_pdf_is_read_without_pdfplumber(corpus):
    """pdfium and govdisc's own table finder read a plain report: pdfplumber and pdfminer are not imported."""
    code = _run("extract", str(corpus / "hongze_2023.pdf"), "--no-cache", "-w", "0", "-f", "jsonl")
    modules = _modules_after(code)
    assert "govdisc.read.pdf" in modules
    assert _heavy(modules, ("pdfplumber", "pdfminer")) == []


def test_a_utf8_file_is_decoded_without_the_charset_detector():
    code = _run("extract", str(SAMPLES / "000_51b27ab075c1a92c.txt"), "--no-cache", "-w", "0", "-f", "jsonl")
    assert "charset_normalizer" not in _modules_after(code)


def test_a_gbk_file_is_still_detected(tmp_path):
    from govdisc.read.encoding import decode_bytes

    text = "政府信息公开工作年度报告：本年度共收到政府信息公开申请二十件，全部按时答复。"
    decoded = decode_bytes(text.encode("gbk"))
    assert decoded.text == text and decoded.encoding in ("gb18030", "gbk")


def test_the_usage_error_is_one_line_and_exit_2(tmp_path):
    run = run_cli("extract", "samples", "-o", str(tmp_path / "nodir" / "x.csv"))
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("govdisc: error: ") and "nodir" in run.stderr


def test_a_clean_txt_is_extracted_without_jieba_cn2an_or_typers_pydantic():
    """Sample 000 has no garbled line: the character table decides that, jieba's dictionary is never read."""
    code = _run("extract", str(SAMPLES / "000_51b27ab075c1a92c.txt"), "--no-cache", "-w", "0", "-f", "jsonl")
    probe = (
        f"try:\n    exec({code!r})\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "import sys\nfrom govdisc.normalize import plausibility\n"
        "print(plausibility._model.cache_info().currsize, sorted(m for m in sys.modules if m in ('jieba', 'cn2an', 'pydantic')))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "0 []"
    assert json.loads(out.stdout.splitlines()[0])["metrics"]


def test_the_package_names_stay_what_they_were():
    """``govdisc.extract_file`` and ``govdisc.compare(...)`` work, also after the compare package is imported."""
    code = (
        "import govdisc, govdisc.compare.build\n"
        "from govdisc.compare import build\n"
        "assert callable(govdisc.compare) and govdisc.compare.__module__ == 'govdisc.compare.api'\n"
        "assert govdisc.Record.__module__ == 'govdisc.model' and govdisc.extract_file.__module__ == 'govdisc.pipeline'\n"
        "print(sorted(set(govdisc.__all__) - set(dir(govdisc))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_character_table_is_what_the_script_builds_from_jiebas_dictionary():
    from govdisc.normalize.plausibility import char_weights, count_char_weights, jieba_words

    assert dict(char_weights()) == count_char_weights(jieba_words())


def test_small_chinese_numerals_read_as_cn2an_reads_them():
    import cn2an

    from govdisc.numbers import SMALL_CHINESE, to_number

    for token, value in SMALL_CHINESE.items():
        assert cn2an.cn2an(token, "normal") == value, token
        assert to_number(token) == value
    assert to_number("一百二十") == 120 and to_number("两万零五百") == 20500  # beyond them: cn2an


@pytest.mark.parametrize("text", ["a [b] c", "[bold]x", "x\\", "x\\\\", "\\[red]y", "govdisc compare [PATH]", "[/x]"])
def test_help_escapes_markup_as_rich_does(text: str):
    from govdisc.help import escape

    assert escape(text) == rich_escape(text)


def test_help_fills_in_the_catalogues_lists():
    from govdisc.compare.figures import PRESET_NAMES
    from govdisc.metrics import DERIVED
    from tests.helpers import cli

    said = " ".join(cli("compare", "--help").stdout.split())
    assert "<" not in said.replace("<<", "")
    assert PRESET_NAMES[0] in said and next(iter(DERIVED)) in said


@pytest.mark.parametrize(
    ("given", "said"),
    [(["--workers", "x"], "--workers"), (["--max-size", "1e"], "--max-size"), (["--year", "20x4"], "--year")],
)
def test_values_that_are_not_plain_still_get_typers_errors(given: list[str], said: str):
    from tests.helpers import cli

    run = cli("compare", "samples", *given)
    assert run.returncode == 2 and said in run.stderr + run.stdout


def test_plain_values_arrive_as_typed():
    from tests.helpers import cli

    run = cli("compare", str(SAMPLES), "--year", "2022", "--top", "1", "--max-size", "50.5", "-w", "0", "-f", "json")
    assert run.returncode == 0, run.stderr
    assert len(json.loads(run.stdout)["rows"]) == 1


def test_a_lazy_pattern_is_the_compiled_pattern_once_used():
    import re

    from govdisc.patterns import lazy

    source = r"(?P<year>(?:19|20)\d{2})\s*年"
    lazy_one, compiled = lazy(source), re.compile(source)
    text = "2022年和2023 年的报告"
    assert "_compiled" not in vars(lazy_one)
    assert [m.group("year") for m in lazy_one.finditer(text)] == [m.group("year") for m in compiled.finditer(text)]
    assert lazy_one.sub("某年", text) == compiled.sub("某年", text) and lazy_one.split(text) == compiled.split(text)
    assert (lazy_one.pattern, lazy_one.groups, lazy_one.groupindex) == (source, 1, {"year": 1})


def test_metadata_compiles_its_patterns_only_when_a_document_needs_them():
    code = (
        "import govdisc.metadata as m\n"
        "lazy = [v for v in vars(m).values() if type(v).__name__ == '_Lazy']\n"
        "print(len(lazy), sum('_compiled' in vars(v) for v in lazy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    made, compiled = map(int, out.stdout.split())
    assert made > 40 and compiled == 0


@pytest.mark.parametrize(
    ("argv", "built"),
    [
        (["extract", "samples"], ["extract"]),
        (["cache", "info"], ["cache"]),
        (["--help"], ["cache", "check", "compare", "extract", "keys", "normalize", "report"]),
        (["extrct", "samples"], ["cache", "check", "compare", "extract", "keys", "normalize", "report"]),
    ],
)
def test_typer_builds_only_the_command_the_command_line_names(argv: list[str], built: list[str]):
    import typer.main

    from govdisc.argv import only_the_command_named
    from govdisc.cli import app

    everything = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    with only_the_command_named(app, argv):
        assert sorted(typer.main.get_command(app).commands) == built  # type: ignore[attr-defined]
    assert sorted(typer.main.get_command(app).commands) == everything  # as it was, after the run


def _launch(*argv: str) -> str:
    return f"import sys; sys.argv = {['govdisc', *argv]!r}\nfrom govdisc.launch import main\nmain()"


@pytest.mark.parametrize("argv", [("--help",), ("extract", "--help"), ("cache", "info", "--help")])
def test_a_help_screen_shown_before_is_printed_without_typer(tmp_path, argv):
    """The second time, the same screen comes from the cache directory: typer and rich are not imported."""
    env = f"import os; os.environ['GOVDISC_CACHE_DIR'] = {str(tmp_path)!r}\n"
    probe = env + _launch(*argv) + "\n"

    def screen() -> tuple[str, set[str]]:
        code = (
            "import json, sys\ntry:\n    exec("
            + repr(probe)
            + ")\nexcept SystemExit as e:\n    assert e.code in (0, None)\n"
        )
        code += "sys.stdout.flush(); print('\\n' + json.dumps(sorted(sys.modules)))\n"
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        *text, modules = out.stdout.splitlines()
        return "\n".join(text), set(json.loads(modules))

    first, first_modules = screen()
    again, again_modules = screen()
    assert "Usage:" in first and again == first
    assert "typer" in first_modules and _heavy(again_modules, ("typer", "rich", "click", *PIPELINE)) == []
    assert len(list((tmp_path / "help").iterdir())) == 1


def test_a_help_screen_is_keyed_by_command_line_and_terminal(monkeypatch):
    from govdisc.launch import help_key

    assert help_key(["extract", "samples"]) is None and help_key(["--version"]) is None
    assert help_key(["extract", "--bogus", "--help"]) is None  # only words before --help
    monkeypatch.delenv("COLUMNS", raising=False)
    plain = help_key(["--help"])
    assert plain and plain != help_key(["extract", "--help"])
    monkeypatch.setenv("COLUMNS", "132")
    assert help_key(["--help"]) not in (None, plain)


def test_a_help_screen_is_printed_when_the_cache_cannot_be_written(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    env = {**os.environ, "GOVDISC_CACHE_DIR": str(blocked / "cache")}
    out = subprocess.run([sys.executable, "-m", "govdisc", "--help"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert out.returncode == 0 and "Usage:" in out.stdout and "extract" in out.stdout and not out.stderr


@pytest.mark.parametrize("argv", [("extract", "samples", "-f", "jsonl", "--no-cache", "-w", "0"), ("nocommand",)])
def test_a_run_ends_with_its_objects_frozen_out_of_the_collector(argv: tuple[str, ...]):
    """The interpreter's last collections skip what a run leaves (gc.freeze), after a good run and a usage error."""
    probe = (
        "import gc, sys\n"
        f"sys.argv = {['govdisc', *argv]!r}\n"
        "from govdisc.launch import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stdout.flush()\n"
        "print('\\nfrozen', gc.get_freeze_count())\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert int(lines[-1].split()[1]) > 10_000
    assert argv[0] != "extract" or sum(line.startswith('{"file"') for line in lines) == 15
