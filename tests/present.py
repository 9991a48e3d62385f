"""Narrowing for tests: a table or figure the test's own document is built to hold."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def present(value: T | None) -> T:
    """``value``, which the test's document was built to hold: the test fails here where it is
    ``None``, rather than at the first attribute of ``None``."""
    if value is None:
        raise AssertionError("the test's document lacks a value it was built to hold")
    return value
