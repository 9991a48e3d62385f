"""The published documents the tests read, where ``../shared/seeds`` exists beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def seed_path(prefix: str) -> Path:
    """The published document whose file name starts with ``prefix``; skips the test without it."""
    if not SEEDS.is_dir():
        pytest.skip("the published documents (../shared/seeds) are not available here")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"no published document {prefix}_*.txt in {SEEDS}")
    return found[0]
