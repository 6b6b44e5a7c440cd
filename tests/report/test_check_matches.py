"""The report's "check these matches" list: best guesses and sibling fallbacks of the week."""

from __future__ import annotations

from pathlib import Path

from analyzer.balance import analyze
from analyzer.diary import read_diary
from analyzer.report import build_report
from analyzer.report.text import render_text

DIARY = """date,food,amount,unit
2026-11-16,whole milk,1,cup
2026-11-16,frozen mango,100,g
2026-11-17,frozen mango,100,g
2026-11-17,roast chicken,100,g
"""


def test_low_and_medium_confidence_matches_are_listed(tmp_path: Path) -> None:
    path = tmp_path / "diary.csv"
    path.write_text(DIARY)
    diary = read_diary(path)
    confidence = dict(zip(diary.entries["food"], diary.entries["match_confidence"], strict=True))
    assert confidence["whole milk"] == "high"  # an alias: not listed
    report = build_report(analyze(diary))
    checks = [(c.food, c.food_id, c.method, c.confidence, c.entries) for c in report.check_matches]
    # the sibling (low) first, then best guesses (medium), most logged first
    assert checks[0] == ("frozen mango", "09176", "sibling", "low", 2)
    assert all(c[3] in {"low", "medium"} for c in checks)
    assert "whole milk" not in [c[0] for c in checks]
    text = render_text(report)
    assert "Check these matches" in text
    assert "'frozen mango' -> 09176 Mangos, raw (low: USDA has no such form" in text


def test_no_list_when_every_match_is_sure(tmp_path: Path) -> None:
    path = tmp_path / "diary.csv"
    path.write_text("date,food,amount,unit\n2026-11-16,whole milk,1,cup\n")
    report = build_report(analyze(read_diary(path)))
    assert report.check_matches == []
    assert "Check these matches" not in render_text(report)
