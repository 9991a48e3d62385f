"""The published documents the tests read, where ``../shared/seeds`` exists beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def seed_path(name: str) -> Path:
    """The published document ``name`` (``001`` or a whole file name); skips the test without it."""
    if not SEEDS.is_dir():
        pytest.skip("the published documents (../shared/seeds) are not available here")
    pattern = name if name.endswith(".txt") else f"{name}_*.txt"
    found = sorted(SEEDS.glob(pattern))
    if not found:
        pytest.skip(f"no published document {pattern} in {SEEDS}")
    return found[0]


def seed_text(name: str) -> str:
    """The text of the published document ``name`` (see :func:`seed_path`)."""
    return seed_path(name).read_text(encoding="utf-8")
