"""Person-chunked analysis gives the whole analysis' tables bit for bit (issue 14)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analyzer.balance import analyze
from analyzer.balance.chunks import person_chunks
from analyzer.balance.profiles import load_profiles
from analyzer.diary import read_diary


def test_chunks_hold_whole_persons_in_sorted_order() -> None:
    persons = pd.Series(["b", "a", "c", "a", "b", "c", "a"], dtype="string")
    chunks = person_chunks(persons, chunk_rows=3)
    # persons sorted: a (rows 1, 3, 6) starts at 0 -> chunk 0; b (0, 4) starts at 3 -> chunk 1;
    # c (2, 5) starts at 5 -> chunk 1 (5 // 3); rows keep their diary order within a chunk
    assert [c.tolist() for c in chunks] == [[1, 3, 6], [0, 2, 4, 5]]
    assert np.array_equal(np.sort(np.concatenate(chunks)), np.arange(len(persons)))


def test_chunked_tables_equal_the_whole_analysis(study_cohort: tuple[Path, Path]) -> None:
    path, profiles = study_cohort
    diary = read_diary(path)
    people = load_profiles(profiles)
    whole = analyze(diary, profiles=people, by_person=True)
    chunked = analyze(diary, profiles=people, by_person=True, chunk_rows=250)
    assert whole.entries_have_metrics and not chunked.entries_have_metrics
    assert whole.daily["person"].nunique() == 40
    pd.testing.assert_frame_equal(chunked.daily, whole.daily, check_exact=True)
    pd.testing.assert_frame_equal(chunked.weekly, whole.weekly, check_exact=True)
    pd.testing.assert_frame_equal(chunked.flag_table, whole.flag_table, check_exact=True)
    pd.testing.assert_frame_equal(chunked.entries, whole.entries, check_exact=True)
    assert chunked.notes == whole.notes
