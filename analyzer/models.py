"""Validated models (pydantic v2), no I/O: the person's profile and the analysis settings."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Sex = Literal["female", "male"]


class Profile(BaseModel):
    """The person whose diary is analysed; selects the Dietary Reference Intakes.

    Parameters
    ----------
    sex : {"female", "male"}
        Sex for the DRI tables.
    age : float
        Age. [years]
    pregnant, lactating : bool
        Life stage; only for females aged 14-50 (IOM 1997, 2011; NASEM 2019).

    Examples
    --------
    >>> Profile(sex="male", age=40).describe()
    'male, 40 y'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    sex: Sex = "female"
    age: float = Field(default=35, ge=0, le=120)
    pregnant: bool = False
    lactating: bool = False

    @model_validator(mode="after")
    def _life_stage(self) -> Profile:
        if self.pregnant and self.lactating:
            raise ValueError("choose pregnant or lactating, not both")
        if (self.pregnant or self.lactating) and self.sex != "female":
            raise ValueError("pregnant/lactating applies to sex 'female' only")
        if (self.pregnant or self.lactating) and not 14 <= self.age < 51:
            raise ValueError("the DRI tables give pregnancy and lactation values for ages 14-50")
        return self

    def describe(self) -> str:
        """Short human-readable description, e.g. ``'female, 35 y, pregnant'``."""
        text = f"{self.sex}, {self.age:g} y"
        if self.pregnant:
            text += ", pregnant"
        if self.lactating:
            text += ", lactating"
        return text
