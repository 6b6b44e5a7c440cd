"""Per-distinct work: the codes of a text column, computed once and reused.

A diary of a million rows has a few thousand distinct food names, units and dates, so every
step works per distinct value and broadcasts the result back with integer codes. Hashing a
million strings costs a fifth of a second each time; a column that is already categorical
(the diary reader parses text columns as :class:`pandas.Categorical`) gives its codes without
hashing anything. :func:`text_codes` is the one way the package asks for them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def text_codes(
    values: pd.Series | pd.Index | np.ndarray, missing: str | None = ""
) -> tuple[np.ndarray, np.ndarray]:
    """Codes and distinct values of a text column, in order of first appearance.

    The same result as ``pd.factorize`` of the values as objects (missing values taken as
    ``missing``), without hashing the strings again when ``values`` is categorical.

    Parameters
    ----------
    values : Series, Index or ndarray
        Text (object, string or categorical dtype).
    missing : str or None
        What a missing value counts as (``""`` by default); None keeps missing values as
        code -1 (not among the distinct values).

    Returns
    -------
    codes : ndarray of intp
        Per value, its position in ``uniques`` (-1 only for missing values when
        ``missing`` is None).
    uniques : ndarray of object
        The distinct values, each once, in order of first appearance.

    Examples
    --------
    >>> codes, uniques = text_codes(pd.Series(["b", None, "a", "b"], dtype="category"))
    >>> codes.tolist(), uniques.tolist()
    ([0, 1, 2, 0], ['b', '', 'a'])
    >>> text_codes(pd.Series(["b", None, "b"]), missing=None)[0].tolist()
    [0, -1, 0]
    """
    if isinstance(getattr(values, "dtype", None), pd.CategoricalDtype):
        categorical = pd.Categorical(values)
        return _categorical_codes(
            np.asarray(categorical.codes, dtype=np.intp),
            np.asarray(categorical.categories, dtype=object),
            missing,
        )
    array = np.asarray(values, dtype=object)
    if missing is not None:
        array = np.where(pd.isna(array), missing, array)
    codes, uniques = pd.factorize(array)
    return np.asarray(codes, dtype=np.intp), np.asarray(uniques, dtype=object)


def _categorical_codes(
    codes: np.ndarray, categories: np.ndarray, missing: str | None
) -> tuple[np.ndarray, np.ndarray]:
    """Category codes renumbered by first appearance, unused categories dropped."""
    n = len(codes)
    known = categories
    if missing is not None and (codes < 0).any():
        at = np.flatnonzero(categories == missing)
        if len(at):
            codes = np.where(codes < 0, at[0], codes)
        else:
            known = np.append(categories, np.asarray([missing], dtype=object))
            codes = np.where(codes < 0, len(categories), codes)
    size = len(known)
    first = np.full(size + 1, n, dtype=np.int64)
    shifted = codes + 1  # missing (-1) -> slot 0
    first[shifted[::-1]] = np.arange(n - 1, -1, -1)
    order = np.argsort(first[1:], kind="stable")
    used = order[first[1:][order] < n]
    renumber = np.full(size + 1, -1, dtype=np.intp)
    renumber[used + 1] = np.arange(len(used))
    return renumber[shifted], known[used]


def broadcast(values: np.ndarray, codes: np.ndarray, index: pd.Index) -> pd.Series:
    """Values computed once per distinct input, spread over the rows as a categorical.

    Parameters
    ----------
    values : ndarray
        One value per distinct input (None or NaN: missing); may repeat.
    codes : ndarray of int
        Per row, its distinct input (:func:`text_codes`; all codes valid).
    index : Index
        The rows.
    """
    inner, uniques = pd.factorize(np.asarray(values, dtype=object))
    return categorical(np.asarray(inner)[codes] if len(codes) else codes, uniques, index)


def categorical(codes: np.ndarray, uniques: np.ndarray, index: pd.Index) -> pd.Series:
    """A categorical Series from codes into distinct values (-1: missing)."""
    dtype = pd.CategoricalDtype(pd.Index(uniques, dtype=object))
    values = pd.Categorical.from_codes(np.asarray(codes), dtype=dtype)
    return pd.Series(values, index=index)
