"""Read food diaries: our own CSV and Cronometer, Lose It! and MyFitnessPal exports.

>>> from analyzer.diary import read_diary  # doctest: +SKIP
>>> diary = read_diary("my-diary.csv")  # doctest: +SKIP
>>> diary.summary()  # doctest: +SKIP
'62 rows: 60 used, 2 not used'

Every data row ends up in ``diary.entries`` (used) or ``diary.rejected`` (with a reason);
blank lines are not rows. See :func:`read_diary` and :class:`Diary`.
"""

from analyzer.diary.model import ENTRY_COLUMNS, FORMATS, NUTRIENT_COLUMNS, Diary
from analyzer.diary.read import read_diary

__all__ = ["ENTRY_COLUMNS", "FORMATS", "NUTRIENT_COLUMNS", "Diary", "read_diary"]
