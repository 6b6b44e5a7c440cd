"""Headless Chromium for the browser tests: Debian's ``chromium`` through Playwright.

The browser is launched as ``tools/screenshots.py`` (``make demo``) launches it. Without it
(or without Playwright) every browser test is skipped with the reason, except
``test_browser_is_available``, which fails when ``CI`` is set: CI must run these tests,
and one clear failure says why it did not.

The pages are the reports of the bundled example, the test fixtures and two diaries with
markup in their food names, meals and person ids, rendered to files and opened by
``file://`` URL, so that every request the page makes shows (and any request that would
leave the machine is aborted, and recorded).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from analyzer.balance import analyze
from analyzer.chart import cohort_figures, report_figures
from analyzer.diary import read_diary
from analyzer.examples import example_path
from analyzer.report import Report, build_report, render_html
from analyzer.report.cohort import build_cohort
from analyzer.report.cohort_html import render_cohort_html
from tests.conftest import DATA, REPO

HERE = Path(__file__).parent


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots", REPO / "tools" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("screenshots", module)
    spec.loader.exec_module(module)
    return module


#: tools/screenshots.py: the browser's path, arguments, and the offline context.
SHOTS = _load_tool()
#: Why the browser tests cannot run here (None: they can).
PROBLEM: str | None = SHOTS.browser_problem()
#: CI sets CI=true: there the browser tests must run.
IN_CI = os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")
#: The one test that reports a missing browser (failing in CI).
AVAILABILITY_TEST = "test_browser_is_available"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests of this folder ``browser``; skip them, with the reason, when the
    browser is missing (all but :data:`AVAILABILITY_TEST`, which reports it)."""
    for item in items:
        if HERE not in Path(str(item.fspath)).parents:
            continue
        item.add_marker(pytest.mark.browser)
        if PROBLEM is not None and getattr(item, "originalname", item.name) != AVAILABILITY_TEST:
            item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {PROBLEM}"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session (about 0.5 s to start)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = SHOTS.launch(playwright)
        yield chromium
        chromium.close()


@dataclass(frozen=True)
class RenderedReport:
    """A rendered report: its file and the report model it shows."""

    path: Path
    report: Report


def _diaries() -> dict[str, tuple[Callable[[], Any], dict[str, Any]]]:
    return {
        "western": (lambda: read_diary(example_path("western")), {}),
        "week": (lambda: read_diary(DATA / "report" / "western_week.csv"), {}),
        "mfp": (lambda: read_diary(DATA / "diaries" / "mfp_summary.csv", mfp_calcium_dv=1000), {}),
        "escape": (lambda: read_diary(DATA / "report" / "escape_cronometer.csv"), {}),
        "cohort": (
            lambda: read_diary(DATA / "report" / "escape_cohort.csv"),
            {"person": "<i>P1</i>"},
        ),
    }


#: The pages every browser test may open, by name.
CASES = tuple(_diaries())


@pytest.fixture(scope="session")
def report_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, RenderedReport]:
    """Each case's report written as an HTML file (with its charts)."""
    folder = tmp_path_factory.mktemp("pages")
    pages = {}
    for name, (read, options) in _diaries().items():
        report = build_report(analyze(read()), **options)
        path = folder / f"{name}.html"
        path.write_text(render_html(report, report_figures(report)), encoding="utf-8")
        pages[name] = RenderedReport(path, report)
    return pages


@pytest.fixture(scope="session")
def cohort_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``analyzer cohort --format html`` of the ASA24 items fixture (3 persons)."""
    diary = read_diary(DATA / "research" / "asa24_items.csv")
    answer = build_cohort(analyze(diary, by_person=True))
    path = tmp_path_factory.mktemp("cohort") / "cohort.html"
    path.write_text(render_cohort_html(answer, cohort_figures(answer)), encoding="utf-8")
    return path


@dataclass
class Visit:
    """An opened page and what it did: console errors, uncaught errors, requests."""

    page: Any
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


@pytest.fixture
def visit(browser: Any) -> Iterator[Callable[..., Visit]]:
    """Open a file at a width (390 or 1280 px) in a fresh offline context; record its
    console errors, uncaught errors and every request (including aborted ones)."""
    contexts = []

    def open_file(path: Path, width: int = 1280, media: str | None = None) -> Visit:
        context = SHOTS.offline_context(browser, width)
        contexts.append(context)
        page = context.new_page()
        seen = Visit(page, path.resolve().as_uri())
        context.on("request", lambda r: seen.requests.append(r.url))
        context.on("requestfailed", lambda r: seen.failed.append(f"{r.url} {r.failure}"))
        page.on("console", lambda m: m.type == "error" and seen.errors.append(m.text))
        page.on("pageerror", lambda e: seen.errors.append(f"uncaught: {e}"))
        if media is not None:
            page.emulate_media(media=media)
        page.goto(seen.url)
        page.wait_for_load_state("load")
        return seen

    yield open_file
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots and PDFs go: ``$BROWSER_ARTIFACTS`` if set, else a temporary folder."""
    wanted = os.environ.get("BROWSER_ARTIFACTS")
    if wanted:
        Path(wanted).mkdir(parents=True, exist_ok=True)
        return Path(wanted)
    return tmp_path_factory.mktemp("artifacts")
