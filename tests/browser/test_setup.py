"""Whether the browser tests can run here: the one test that fails in CI when they cannot."""

from __future__ import annotations

import pytest

from tests.browser.conftest import IN_CI, PROBLEM, SHOTS


def test_browser_is_available(request: pytest.FixtureRequest) -> None:
    if PROBLEM is not None:
        if IN_CI:
            pytest.fail(f"CI=true but the browser tests cannot run: {PROBLEM}", pytrace=False)
        pytest.skip(f"browser tests skipped: {PROBLEM}")
    browser = request.getfixturevalue("browser")  # launched as tools/screenshots.py does
    assert int(browser.version.split(".")[0]) >= 100  # Debian 12 ships Chromium 120 or later
    assert SHOTS.CHROMIUM.endswith("chromium")
