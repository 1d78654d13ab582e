"""Names given to compare (sort column, metrics, document types, preset, grouping) are checked: a header as
shown is accepted, an unknown name is a usage error with the choices and a did-you-mean."""

from __future__ import annotations

import json

import pytest

from govdisc.choices import ChoiceError, choose, did_you_mean
from tests.helpers import cli


@pytest.fixture(scope="module")
def records_file(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("records") / "samples.jsonl"
    run = cli("extract", "samples", "-f", "jsonl", "-o", str(path))
    assert run.returncode == 0, run.stderr
    return str(path)


def test_a_header_as_shown_sorts_like_its_key(records_file):
    by_header = cli("compare", records_file, "--sort", "公开率", "--desc", "-f", "json")
    by_key = cli("compare", records_file, "--sort", "disclosure_rate", "--desc", "-f", "json")
    assert by_header.returncode == 0, by_header.stderr
    assert json.loads(by_header.stdout) == json.loads(by_key.stdout)
    english = cli("compare", records_file, "--metrics", "disclosure rate,主动公开信息", "-f", "json")
    assert [c["id"] for c in json.loads(english.stdout)["columns"]] == ["disclosure_rate", "published.items"]


@pytest.mark.parametrize(
    ("args", "named", "meant"),
    [
        (("--sort", "nonsense"), "unknown sort column 'nonsense'", None),
        (
            ("--metrics", "requests.recieved.total"),
            "unknown metric 'requests.recieved.total'",
            "requests.received.total",
        ),
        (("--doc-type", "annual"), "unknown document type 'annual'", "annual_report"),
        (("--preset", "sumary"), "unknown preset 'sumary'", "summary"),
        (("--group-by", "City"), "unknown grouping level 'City'", "city"),
        (("--lang", "cn"), "unknown language 'cn'", None),
    ],
)
def test_an_unknown_name_is_a_usage_error(records_file, args, named, meant):
    run = cli("compare", records_file, *args)
    assert run.returncode == 2 and run.stdout == ""
    said = " ".join(run.stderr.replace("│", " ").split())
    assert named in said and "choose from:" in said
    if meant:
        assert f"did you mean '{meant}'" in said
    assert "Traceback" not in run.stderr and len(run.stderr.splitlines()) <= 12


def test_choose():
    assert choose("b", ("a", "b"), "letter") == "b"
    assert choose("Bee", {"b": "b", "Bee": "b"}, "letter") == "b"
    with pytest.raises(ChoiceError, match=r"unknown letter 'c'; choose from: a, b"):
        choose("c", ("a", "b"), "letter")
    with pytest.raises(ChoiceError, match=r"did you mean 'work_plan'\?"):
        choose("work_plans", ("annual_report", "work_plan"), "document type")
    assert did_you_mean("zzz", ("annual_report",)) == []
