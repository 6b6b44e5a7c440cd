"""Screenshots of an HTML report in headless Chromium: ``make demo`` runs it.

    python tools/screenshots.py out/western-week.html          # -390.png and -1280.png beside it

Uses Debian's Chromium (``/usr/bin/chromium``, or ``$CHROMIUM_PATH``) through Playwright's
Python API; Playwright downloads no browser. ``tools/install-browser.sh`` installs Chromium.
The browser tests (``tests/browser``) launch it with the same settings, from here.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Playwright

#: The Chromium executable (Debian's package), overridable for other systems.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
#: Arguments Playwright does not already add (it adds --headless, --no-sandbox,
#: --disable-background-networking, --no-first-run and a fresh user-data dir).
EXTRA_ARGS = ["--disable-gpu", "--disable-quic", "--disable-sync"]
#: The widths a report must read at: a phone and a laptop. [CSS px]
WIDTHS = (390, 1280)
#: Viewport height used before a full-page screenshot. [CSS px]
HEIGHT = 800
#: Anything but the file itself, inline data and about:blank is refused.
LOCAL_ONLY = re.compile(r"^(?!file:|data:|about:).*")


def browser_problem() -> str | None:
    """Why the browser tests cannot run here, or ``None`` when they can."""
    if shutil.which(CHROMIUM) is None:
        return f"{CHROMIUM} not found: run tools/install-browser.sh as root (Debian chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed: pip install '.[test]'"
    return None


def launch(playwright: Playwright) -> Browser:
    """Headless Debian Chromium."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=EXTRA_ARGS)


def offline_context(browser: Browser, width: int, **options: Any) -> BrowserContext:
    """A fresh context of ``width`` px that aborts every request leaving the machine."""
    context = browser.new_context(viewport={"width": width, "height": HEIGHT}, **options)
    context.route(LOCAL_ONLY, lambda route: route.abort())
    return context


def screenshots(page_file: Path, widths: tuple[int, ...] = WIDTHS) -> list[Path]:
    """Full-page PNGs of ``page_file`` at each width, beside it as ``NAME-WIDTH.png``."""
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for width in widths:
            context = offline_context(browser, width)
            page = context.new_page()
            page.goto(page_file.resolve().as_uri())
            target = page_file.with_name(f"{page_file.stem}-{width}.png")
            page.screenshot(path=str(target), full_page=True)
            written.append(target)
            context.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="the HTML file to photograph")
    args = parser.parse_args(argv)
    problem = browser_problem()
    if problem is not None:
        print(f"screenshots: {problem}", file=sys.stderr)
        return 1
    for path in screenshots(args.html):
        print(f"screenshot written to {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
