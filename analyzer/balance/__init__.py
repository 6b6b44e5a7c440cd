"""COMPUTE: per entry, eating occasion, day and week; pure pandas, no I/O but the tables.

:func:`analyze` turns a diary into an :class:`Analysis`: per-entry metrics
(:mod:`~analyzer.balance.entries`, :mod:`~analyzer.balance.absorption`,
:mod:`~analyzer.balance.occasions`, :mod:`~analyzer.balance.loads`), daily totals
(:mod:`~analyzer.balance.totals`), weekly figures and every week rule
(:mod:`~analyzer.balance.weeks`), flags (:mod:`~analyzer.balance.flags`) and DRI targets
(:mod:`~analyzer.balance.targets`, :mod:`~analyzer.balance.profiles`).
"""

from analyzer.balance.analysis import Analysis, analyze
from analyzer.balance.profiles import load_profiles
from analyzer.balance.targets import targets_for

__all__ = ["Analysis", "analyze", "load_profiles", "targets_for"]
