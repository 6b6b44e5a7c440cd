"""analyzer: dietary calcium-phosphorus balance from a food diary (USDA SR28)."""

from analyzer.errors import (
    AmountError,
    AnalyzerError,
    DataFileError,
    DiaryFormatError,
    DiaryRowError,
    NoDataError,
    ProfileError,
    UnknownFoodError,
    UnknownUnitError,
)
from analyzer.models import Profile

__all__ = [
    "AmountError",
    "AnalyzerError",
    "DataFileError",
    "DiaryFormatError",
    "DiaryRowError",
    "NoDataError",
    "Profile",
    "ProfileError",
    "UnknownFoodError",
    "UnknownUnitError",
]
