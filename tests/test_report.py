"""govdisc report: one self-contained page, opened in headless Chromium with networking off.

The page of the shared annual reports and samples is built once; Chromium renders it once (DOM after its
script ran, and a screenshot). Without chromium these browser tests skip, except in CI (``CI`` set), where
``.ci/run`` installs it and they must run.
"""

from __future__ import annotations

import base64
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from lxml import html as lxml_html

from tests.helpers import cli

#: A roster name no document in the corpus or samples reports as.
MISSING = "盱眙县人民政府"
ROSTER = ("洪泽区人民政府", "淮安市人民政府", "上海市人民政府办公厅", MISSING)
#: Chromium headless with networking off: no background, component, sync or QUIC traffic; a dead proxy.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--proxy-server=127.0.0.1:9",
    "--hide-scrollbars",
)


def _chromium() -> str:
    found = shutil.which("chromium")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (.ci/run installs it)")
        pytest.skip("chromium is not installed")
    return found


@pytest.fixture(scope="module")
def built(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The report of the annual reports and samples against a roster with one name that has no report."""
    folder = tmp_path_factory.mktemp("report")
    roster = folder / "roster.txt"
    roster.write_text("\n".join(ROSTER) + "\n", encoding="utf-8")
    out = folder / "report.html"
    run = cli("report", str(corpus), "samples", "--expect", str(roster), "-o", str(out))
    assert run.returncode == 0, run.stderr
    return out, roster


@pytest.fixture(scope="module")
def page(built: tuple[Path, Path]) -> str:
    return built[0].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rendered(built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[lxml_html.HtmlElement, Path]:
    """The DOM Chromium holds after the page's script ran, and a screenshot of the page."""
    chromium = _chromium()
    folder = tmp_path_factory.mktemp("chromium")
    url = built[0].resolve().as_uri()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={folder / 'profile'}", *args, url],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=folder,
        )

    dom = run("--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    shot = folder / "shot.png"
    taken = run(f"--screenshot={shot}", "--window-size=1000,1400")
    assert taken.returncode == 0 and shot.exists(), taken.stderr[-2000:]
    return lxml_html.fromstring(dom.stdout), shot


@pytest.fixture(scope="module")
def sorted_filtered(built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> lxml_html.HtmlElement:
    """The DOM after the page's script filtered the comparison to 淮安 and sorted it by requests, descending."""
    chromium = _chromium()
    folder = tmp_path_factory.mktemp("chromium-sorted")
    url = built[0].resolve().as_uri() + "?filter=" + quote("淮安") + "&sort=-requests.received.total"
    args = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={folder / 'profile'}", "--dump-dom", url]
    run = subprocess.run(args, capture_output=True, text=True, timeout=300, cwd=folder)
    assert run.returncode == 0, run.stderr[-2000:]
    return lxml_html.fromstring(run.stdout)


def _data(page: str, kind: str) -> bytes:
    href = re.search(rf'href="data:[^"]*;base64,([^"]+)" data-kind="{kind}"', page)
    assert href, kind
    return base64.b64decode(href[1])


def _sheet_values(content: bytes) -> list[list[object]]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(content))
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def test_page_has_no_external_reference(page):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.IGNORECASE)
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//|@import|<link\b|<script\b[^>]*\bsrc=", page, re.IGNORECASE)


def test_browser_renders_sections_charts_and_ran_the_script(rendered):
    dom, _ = rendered
    root = dom.getroottree().getroot()
    assert root.get("data-script") == "ran" and root.get("data-script-error") is None
    sections = {s.get("data-section") for s in dom.iter("section")}
    assert {"overview", "coverage", "checks", "comparison"} <= sections
    assert len(dom.xpath("//*[local-name()='svg'][contains(@class,'chart')][.//*[local-name()='rect']]")) >= 3


def test_coverage_names_the_roster_name_without_a_report(rendered):
    dom, _ = rendered
    missing = [
        " ".join(td.text_content().split()) for td in dom.xpath("//section[@id='coverage']//td[@class='missing']")
    ]
    assert missing and all(MISSING in cell for cell in missing)
    reported = dom.xpath("//section[@id='coverage']//tr[@data-year='2023']/td")
    assert reported[2].text_content() == "1"  # 洪泽区人民政府 is the roster's one report of 2023


def test_hongze_2023_table4_failures_with_page_and_picture(rendered):
    from PIL import Image

    dom, _ = rendered
    found = dom.xpath("//section[@id='checks']//div[contains(@class,'finding')][@data-file='hongze_2023.pdf']")
    table4 = [f for f in found if f.get("data-check", "").startswith("table4.")]
    assert {f.get("data-check") for f in table4} == {"table4.review", "table4.litigation_after_review"}
    for finding in table4:
        assert "failed" in finding.get("class") and finding.get("data-pages") == "4"
        assert "第4页" in finding.text_content()
        assert "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结" in finding.text_content()
        (img,) = finding.xpath(".//img")
        assert img.get("src").startswith("data:image/png;base64,")
        picture = Image.open(io.BytesIO(base64.b64decode(img.get("src").split(",", 1)[1])))
        assert picture.width > 400 and picture.height > 100
    review = next(f for f in table4 if f.get("data-check") == "table4.review")
    diff = review.xpath(".//tr[@class='diff']/td")[1].text_content()
    assert diff == "-11"  # 总计 0 printed against 10 + 1 + 0 + 0


def test_script_filters_and_sorts_the_comparison(sorted_filtered):
    dom = sorted_filtered
    assert dom.getroottree().getroot().get("data-script") == "ran"
    rows = dom.xpath("//table[@id='cmp']/tbody/tr")
    shown = [r for r in rows if r.get("hidden") is None]
    assert shown and len(shown) < len(rows) and all("淮安" in r.get("data-name") for r in shown)
    (head,) = dom.xpath("//table[@id='cmp']//th[@data-col='requests.received.total']")
    assert head.get("aria-sort") == "descending"
    column = list(head.getparent()).index(head)
    values = [float(v) for r in shown if (v := r[column].get("data-v"))]
    assert values == sorted(values, reverse=True) and values[0] == 3119  # 淮安市人民政府 2024


def test_screenshot_is_not_blank(rendered):
    from PIL import Image

    _, shot = rendered
    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    assert colours is None or len(colours) > 1


def test_comparison_links_every_figure_to_its_evidence(page):
    dom = lxml_html.fromstring(page)
    row = dom.xpath("//table[@id='cmp']/tbody/tr[@data-name='淮安市洪泽区人民政府']")[0]
    links = row.xpath(".//td/a[starts-with(@href,'#ev-')]")
    assert links
    target = dom.get_element_by_id(links[0].get("href")[1:])
    assert "hongze_" in target.text_content() and "第" in target.text_content()
    assert row.xpath(".//td[contains(@class,'derived')][@title]")  # rates carry their formula
    assert dom.xpath("//table[@id='cmp']//td[contains(@class,'na')][.='—']")  # not reported


def test_embedded_downloads_equal_what_compare_writes(page, built, tmp_path, corpus):
    _, roster = built
    csv_out, xlsx_out = tmp_path / "c.csv", tmp_path / "c.xlsx"
    for target in (csv_out, xlsx_out):
        run = cli("compare", str(corpus), "samples", "--expect", str(roster), "-o", str(target))
        assert run.returncode == 0, run.stderr
    assert _data(page, "csv") == csv_out.read_bytes()
    assert _data(page, "csv").startswith(b"\xef\xbb\xbf")
    assert _sheet_values(_data(page, "xlsx")) == _sheet_values(xlsx_out.read_bytes())
    checks = _sheet_values(_data(page, "checks"))
    hongze = [r for r in checks if r[2] == "hongze_2023.pdf" and str(r[3]).startswith("table4.")]
    assert len(hongze) == 2 and all(r[6] == "不符" and r[10] == "4" for r in hongze)


def test_unreadable_file_named_with_its_reason(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"this is no pdf at all")
    out = tmp_path / "r.html"
    run = cli("report", str(broken), "samples/000_51b27ab075c1a92c.txt", "-o", str(out))
    assert run.returncode == 1
    dom = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    (item,) = dom.xpath("//ul[@class='unreadable']/li")
    assert "broken.pdf" in item.text_content() and "not a pdf" in item.text_content()
    assert "未给出名单" in dom.get_element_by_id("coverage").text_content()


def _record(year: int, metrics: dict[str, int]) -> dict[str, object]:
    """A record as ``extract --format jsonl`` writes it, of 洪泽区人民政府."""
    evidence = {k: {"source": "table", "text": f"row × 总计: {v}", "page": 3} for k, v in metrics.items()}
    region = {"province": "江苏省", "city": "淮安市", "county": "洪泽区", "code": "320813"}
    return {
        "file": f"x_{year}.pdf",
        "agency": "洪泽区人民政府",
        "region": region,
        "year": year,
        "doc_type": "annual_report",
        "metrics": metrics,
        "evidence": evidence,
    }


def _two_years(folder: Path) -> Path:
    """Two years of one agency whose 上年结转 (5) is not last year's 结转下年度 (3)."""
    records = folder / "records.jsonl"
    lines = [
        _record(2023, {"requests.received.total": 10, "requests.carried_forward.total": 3}),
        _record(2024, {"requests.received.total": 12, "requests.carried_over.total": 5}),
    ]
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    return records


def test_cross_year_break_from_records_in_english(tmp_path):
    records = _two_years(tmp_path)
    out = tmp_path / "r.html"
    run = cli("report", str(records), "--lang", "en", "--group-by", "city", "-o", str(out))
    assert run.returncode == 0, run.stderr
    dom = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    (finding,) = dom.xpath("//div[@data-check='crossyear.carried_over']")
    text = finding.text_content()
    assert "2023 → 2024" in text and "last year's report" in text
    assert [td.text_content() for td in finding.xpath(".//tr[@class='diff']/td")][1] == "2"
    assert dom.getroottree().getroot().get("lang") == "en"
    charts = dom.get_element_by_id("charts").text_content()
    assert "Totals by region (city)" in charts and "淮安市" in charts
    assert "12 (+20.0%)" in charts  # the change on last year


def test_report_usage_errors(tmp_path):
    assert cli("report", "samples", "-o", str(tmp_path / "no" / "r.html")).returncode == 2
    assert cli("report", "samples", "--lang", "fr", "-o", str(tmp_path / "r.html")).returncode == 2
    assert not (tmp_path / "r.html").exists()


def test_year_limits_coverage_and_checks_to_that_year(tmp_path):
    roster = tmp_path / "roster.txt"
    roster.write_text(f"洪泽区人民政府\n{MISSING}\n", encoding="utf-8")
    out = tmp_path / "r.html"
    run = cli("report", str(_two_years(tmp_path)), "--year", "2024", "--expect", str(roster), "-o", str(out))
    assert run.returncode == 0, run.stderr
    dom = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    assert [tr.get("data-year") for tr in dom.xpath("//table[@class='coverage']/tbody/tr")] == ["2024"]
    assert MISSING in dom.xpath("//table[@class='coverage']//td[@class='missing']")[0].text_content()
    assert not dom.xpath("//div[@data-check='crossyear.carried_over']")  # 2023 is not in the report
