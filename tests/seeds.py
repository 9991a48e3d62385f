"""The published documents the tests read, where ``../shared/seeds`` and ``../shared/corpus`` exist
beside the repository; tests that need them skip cleanly without them — except where the environment
sets ``CNBUDGET_REQUIRE_SHARED=1`` (as ``.ci/run`` does): there a missing document fails the test,
so that a run that checked nothing cannot pass as one that checked everything."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
REQUIRED = os.environ.get("CNBUDGET_REQUIRE_SHARED", "") not in ("", "0")


def missing(what: str) -> NoReturn:
    """Skip the running test for want of the published material ``what`` — or fail it where the
    material is required (``CNBUDGET_REQUIRE_SHARED=1``)."""
    if REQUIRED:
        pytest.fail(f"{what}, and CNBUDGET_REQUIRE_SHARED is set", pytrace=False)
    pytest.skip(what)


def seed_path(name: str) -> Path:
    """The published document ``name`` (``001`` or a whole file name); skips the test without it."""
    if not SEEDS.is_dir():
        missing("the published documents (../shared/seeds) are not available here")
    pattern = name if name.endswith(".txt") else f"{name}_*.txt"
    found = sorted(SEEDS.glob(pattern))
    if not found:
        missing(f"no published document {pattern} in {SEEDS}")
    return found[0]


def seed_text(name: str) -> str:
    """The text of the published document ``name`` (see :func:`seed_path`)."""
    return seed_path(name).read_text(encoding="utf-8")


def corpus_names() -> list[str]:
    """The folders of ``../shared/corpus`` (empty where the corpus is absent), for parametrising."""
    return sorted(p.name for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []


def corpus_path(name: str, form: str = "tsv.txt") -> Path:
    """One form (``tsv.txt``, ``layout.txt``, ``flat.txt``, ``original.pdf``) of the corpus document
    ``name``; skips the test where the corpus or the file is absent."""
    path = CORPUS / name / form
    if not path.is_file():
        missing(f"the corpus document {name}/{form} (../shared/corpus) is not available here")
    return path


def corpus_text(name: str, form: str = "tsv.txt") -> str:
    """The text of one form of a corpus document (see :func:`corpus_path`)."""
    return corpus_path(name, form).read_text(encoding="utf-8")
