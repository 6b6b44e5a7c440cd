"""The HTML report in headless Chromium: offline, readable at 390 and 1280 px, printable.

Every case of conftest's ``report_pages`` is opened by file URL at both widths; the checks
are proven to bite by the negative controls at the end.
"""

from __future__ import annotations

import io
import re
import struct
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from analyzer.report import formatting as fmt
from analyzer.report.html import SECTIONS
from tests.browser.conftest import CASES, SHOTS, RenderedReport

WIDTHS = SHOTS.WIDTHS

#: Elements wider than the viewport, outside a box that scrolls sideways.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    return false;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
  const outside = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if ((box.right > width + 0.5 || box.left < -0.5) && !scrolls(el))
      outside.push(`${name(el)} [${box.left.toFixed(0)}..${box.right.toFixed(0)}] > ${width}`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, outside};
}"""

#: Text whose contrast with its background is below WCAG 2.1 AA (4.5:1, or 3:1 for large
#: text: 24 px, or 18.66 px bold). The chart's SVG text is black on white, checked apart.
CONTRAST_JS = """() => {
  const rgb = (c) => { const p = c.match(/[\\d.]+/g).map(Number);
                       return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = (c) => { const f = (v) => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = (el) => { for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor); if (c.a > 0) return c; }
    return {r: 255, g: 255, b: 255, a: 1}; };
  const low = [], seen = new Set();
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const text = walk.currentNode, el = text.parentElement;
    if (!text.textContent.trim() || seen.has(el) || el.closest('svg')) continue;
    seen.add(el);
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    const a = lum(rgb(s.color)), b = lum(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight) >= 700;
    const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    const what = text.textContent.trim().slice(0, 30);
    if (ratio < need) low.push(`${el.tagName} "${what}" ${ratio.toFixed(2)}`);
  }
  return low;
}"""


def _png_width(path: Path) -> int:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return int(struct.unpack(">II", head[16:24])[0])


def _pdf_pages(data: bytes) -> list[Any]:
    from pypdf import PdfReader

    return list(PdfReader(io.BytesIO(data)).pages)


def _squeezed(text: str) -> str:
    """Text without whitespace and ligatures (a PDF breaks lines at spaces and hyphens,
    and its fonts print "fi" as one glyph)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("case", CASES)
def test_offline_quiet_and_no_sideways_scroll(
    case: str, width: int, report_pages: dict[str, RenderedReport], visit: Any
) -> None:
    seen = visit(report_pages[case].path, width)
    assert seen.errors == []
    assert seen.requests == [seen.url]  # the file itself, nothing else
    assert seen.failed == []
    layout = seen.page.evaluate(OVERFLOW_JS)
    assert layout["outside"] == []
    assert layout["scrollWidth"] <= layout["width"]


@pytest.mark.parametrize("width", WIDTHS)
def test_cohort_page_offline_quiet_and_readable(width: int, cohort_page: Path, visit: Any) -> None:
    seen = visit(cohort_page, width)
    assert (seen.errors, seen.requests, seen.failed) == ([], [seen.url], [])
    layout = seen.page.evaluate(OVERFLOW_JS)
    assert layout["outside"] == [] and layout["scrollWidth"] <= layout["width"]
    assert seen.page.evaluate(CONTRAST_JS) == []
    chart = seen.page.get_by_role("img", name="Cohort: distributions of mean daily intakes")
    assert chart.is_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_key_figures_are_visible_text(
    width: int, report_pages: dict[str, RenderedReport], visit: Any
) -> None:
    western = report_pages["western"]
    page = visit(western.path, width).page
    assert page.get_by_role("heading", level=1).inner_text() == fmt.title(western.report)
    targets = page.locator("#targets-table")
    assert targets.is_visible()
    for cells in fmt.target_rows(western.report):  # 715 mg, RDA 1,000 mg, 71%, ...
        row = targets.locator("tbody tr").filter(has_text=cells[0]).first
        shown = [c.replace("\u00a0", " ").strip() for c in row.locator("th, td").all_inner_texts()]
        assert shown == cells  # (a no-break space keeps a number with its unit)
    for section, heading in SECTIONS:
        assert page.locator(f"#{section} h2").inner_text().endswith(heading)
    assert page.get_by_text(western.report.plan.message).is_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_chart_is_there_and_fits(
    width: int, report_pages: dict[str, RenderedReport], visit: Any
) -> None:
    page = visit(report_pages["western"].path, width).page
    names = [
        "Calcium and phosphorus per day",
        "Ca:P ratio (mass) per day",
        "Magnesium and potassium per day, percent of target",
        "Diuretic load by group per day",
    ]
    for name in names:
        chart = page.get_by_role("img", name=name)
        assert chart.is_visible()
        box = chart.bounding_box()
        assert box is not None
        assert 300 <= box["width"] <= width and box["height"] >= 200  # drawn, not collapsed
        assert chart.locator("path").count() > 50  # bars, lines and glyphs were drawn


@pytest.mark.parametrize(("paper", "pages"), [("A4", (8, 16)), ("Letter", (8, 16))])
def test_prints_on_paper_without_cutting_rows(
    paper: str,
    pages: tuple[int, int],
    report_pages: dict[str, RenderedReport],
    visit: Any,
    artifacts: Path,
) -> None:
    western = report_pages["western"]
    page = visit(western.path, 1280).page
    data = page.pdf(format=paper, print_background=True)
    (artifacts / f"western-week-{paper}.pdf").write_bytes(data)
    printed = _pdf_pages(data)
    assert pages[0] <= len(printed) <= pages[1], len(printed)
    width_pt, height_pt = {"A4": (595.3, 841.9), "Letter": (612.0, 792.0)}[paper]
    box = printed[0].mediabox
    assert abs(float(box.width) - width_pt) < 2 and abs(float(box.height) - height_pt) < 2
    texts = [_squeezed(p.extract_text()) for p in printed]
    assert texts[0].startswith(_squeezed(fmt.title(western.report)))
    # the entries and the notes each begin a page; a section that fits on a page is whole
    for number in (8, 10):
        heading = _squeezed(f"{number}. {SECTIONS[number - 1][1]}")
        assert any(text.startswith(heading) for text in texts), heading
    first, last = _squeezed("2. The week against targets"), _squeezed("also per day: sodium")
    assert any(first in text and last in text for text in texts)
    # no entry's row is cut: its food as written and its matched food are on one page
    for entry in western.report.entries:
        start, end = _squeezed(entry.food), _squeezed(entry.description or "")[-12:]
        assert any(start in text and end in text for text in texts), entry.line
    # the navigation is for the screen only: the heading "The week against targets" is
    # printed as the section heading and as the table's caption, not a third time
    assert sum(text.count("Theweekagainsttargets") for text in texts) == 2


def test_user_strings_stay_inert_text(report_pages: dict[str, RenderedReport], visit: Any) -> None:
    escape = visit(report_pages["escape"].path, 390)
    page = escape.page
    assert page.evaluate("document.querySelectorAll('script, img, b, i').length") == 0
    assert page.evaluate("document.body.dataset.pwned === undefined")
    shown = "<script>document.body.dataset.pwned='script'</script>Milk, 2%"
    assert page.get_by_role("rowheader", name=shown, exact=True).first.is_visible()
    assert page.get_by_text('Cheese & "crackers" <b>bold</b>').first.is_visible()
    assert escape.errors == []
    cohort = visit(report_pages["cohort"].path, 390).page
    assert "person <i>P1</i>" in cohort.get_by_role("heading", level=1).inner_text()
    assert cohort.evaluate("document.querySelectorAll('script, img, b, i').length") == 0
    row = "unknown food \"<script>document.body.dataset.pwned='row'</script>\""
    assert cohort.get_by_text(row).first.is_visible()


@pytest.mark.parametrize("case", ["western", "mfp"])
def test_text_contrast_passes_wcag_aa(
    case: str, report_pages: dict[str, RenderedReport], visit: Any
) -> None:
    page = visit(report_pages[case].path, 1280).page
    assert page.evaluate(CONTRAST_JS) == []


def test_print_stylesheet_hides_the_navigation_and_keeps_rows_whole(
    report_pages: dict[str, RenderedReport], visit: Any
) -> None:
    page = visit(report_pages["week"].path, 1280, media="print").page
    assert not page.get_by_role("navigation").is_visible()
    style = page.evaluate(
        "getComputedStyle(document.querySelector('#entries-table tbody tr')).breakInside"
    )
    assert style == "avoid-page"
    assert page.locator("#not-used-table").is_visible()  # the fixture's line 38


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots(
    width: int, report_pages: dict[str, RenderedReport], visit: Any, artifacts: Path
) -> None:
    page = visit(report_pages["western"].path, width).page
    target = artifacts / f"western-week-{width}.png"
    page.screenshot(path=str(target), full_page=True)
    assert _png_width(target) == width


# --- negative controls: the checks above do catch what they look for ----------------------

BAD_PAGE = """<!doctype html><html><body>
<div id="wide" style="width: 2000px">too wide</div>
<p style="color: #bbbbbb">faint</p>
<img src="http://127.0.0.1:9/tracker.png" alt="">
<script>console.error("boom"); throw new Error("uncaught");</script>
</body></html>"""


def test_the_checks_bite(tmp_path: Path, visit: Any) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text(BAD_PAGE, encoding="utf-8")
    seen = visit(bad, 390)
    assert any("boom" in e for e in seen.errors) and any("uncaught" in e for e in seen.errors)
    assert "http://127.0.0.1:9/tracker.png" in seen.requests  # recorded, and aborted
    assert any("tracker" in f for f in seen.failed)
    layout = seen.page.evaluate(OVERFLOW_JS)
    assert any(o.startswith("div#wide") for o in layout["outside"])
    assert any(re.match(r'P "faint" 1\.\d\d', low) for low in seen.page.evaluate(CONTRAST_JS))
