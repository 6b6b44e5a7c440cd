"""Slash dates that read either way: read month-first, and the diary says so."""

from __future__ import annotations

from pathlib import Path

from analyzer.diary import read_diary


def test_dates_that_read_either_way_get_a_note(tmp_path: Path) -> None:
    # 03/03, 04/03 and 05/03/2025: each is a valid month/day and day/month date
    path = tmp_path / "d.csv"
    path.write_text(
        "date,food,amount,unit\n"
        + "".join(f'0{d}/03/2025,"Cheese, cheddar",30,g\n' for d in (3, 4, 5)),
        encoding="utf-8",
    )
    diary = read_diary(path)
    assert diary.entries["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2025-03-03",
        "2025-04-03",
        "2025-05-03",
    ]
    assert (
        "dates such as '04/03/2025' read either way; with no date in the file to settle it "
        "they were read month/day/year (US): if this diary writes day/month/year, give "
        "--dayfirst"
    ) in diary.notes
    same = read_diary(path, dayfirst=True)
    assert same.entries["date"].dt.strftime("%m-%d").tolist() == ["03-03", "03-04", "03-05"]
    assert not any("read either way" in note for note in same.notes)
