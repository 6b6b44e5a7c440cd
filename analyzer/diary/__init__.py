"""Read food diaries: our own CSV, app exports (Cronometer, Lose It!, MyFitnessPal), research
files (ASA24, NHANES) and free-text logs.

>>> from analyzer.diary import read_diary  # doctest: +SKIP
>>> diary = read_diary("my-diary.csv")  # doctest: +SKIP
>>> diary.summary()  # doctest: +SKIP
'62 rows: 60 used, 2 not used'

Every data row ends up in ``diary.entries`` (used, status ``ok``) or ``diary.rejected``
(not used, with a status code and a reason that names the value and the fix); blank lines
are not rows. See :func:`read_diary` and :class:`Diary`.

Diary status codes
------------------
A row gets the FIRST problem found, checked in the order of this table
(:data:`STATUS_CODES` holds the same list).

======================  =========================================================================
status                  meaning (formats)
======================  =========================================================================
``ok``                  used (all formats)
``empty``               every cell of the row is blank, e.g. a row of commas (all)
``repeated_header``     the header line again, e.g. two exports joined into one file (all)
``extra_cells``         a value beyond the header's named columns, usually an unquoted comma in
                        a food name; quote the value or name the extra column (all)
``deleted``             marked deleted in the app (Lose It! ``Deleted`` = true/yes/1)
``missing_date``        the date cell is blank (all)
``bad_date``            date unreadable, impossible (``2026-02-30``), two-digit year, or ambiguous
                        day/month order (``05/06/2026`` in a file with ``13/06/2026``; use
                        ``--dayfirst``) (all)
``bad_number``          a nutrient cell that is neither blank, ``n/a`` nor a number (Cronometer,
                        MyFitnessPal)
``missing_food``        the food-name cell is blank (own, Cronometer without nutrients, Lose It!,
                        free text)
``supplement``          a free-text food that is a supplement (``vitamin D3 2000 IU``, ``calcium
                        citrate 500 mg``): this tool counts food only (free text)
``no_food``             free text that names no food (``??``, ``and some other stuff``); a row of a
                        MyFitnessPal Printable Diary outside its food tables (exercise, notes)
``missing_amount``      the amount cell is blank or ``n/a`` (own, Cronometer without nutrients,
                        Lose It!); no amount in a free-text food; no grams in a research file
                        (ASA24 ``FoodComp`` 2, NHANES human milk)
``bad_amount``          amount not a number (``abc``, ``a handful``), negative, a range
                        (``1-2``), or a unit in the amount that contradicts the unit column
                        (same)
``unknown_food``        no USDA SR28 food matches the name; the reason lists "did you mean"
                        candidates (formats whose nutrients come from USDA)
``unknown_unit``        the matched food has no USDA portion for the unit; the reason lists the
                        units it has (same)
``missing_unit``        a bare count (no unit) of a food without a whole-item portion, e.g. ``milk,
                        1``; the reason lists the units it has (same)
``implausible_amount``  more than 10 kg in one entry (``1000 cup``): taken as a typo (same)
======================  =========================================================================

Cronometer servings rows whose nutrients are given by the app are used whatever their food
name or amount (the app already computed them); only their date and nutrient cells can make
them unusable. The same holds for MyFitnessPal food rows (the app's energy, protein and sodium
are kept; calcium, phosphorus, magnesium, potassium and caffeine are unknown where the food or
serving does not match USDA, and a note names those rows) and for ASA24 and NHANES rows,
which are unusable only without grams.
"""

from analyzer.diary.model import ENTRY_COLUMNS, FORMATS, NUTRIENT_COLUMNS, STATUS_CODES, Diary
from analyzer.diary.read import read_diary

__all__ = ["ENTRY_COLUMNS", "FORMATS", "NUTRIENT_COLUMNS", "STATUS_CODES", "Diary", "read_diary"]
