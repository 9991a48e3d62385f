"""A brief fuzzing run in the suite (模糊测试): published documents and bundled examples with
hostile edits are read or loaded, validated and round-tripped; only the library's own errors may
come out, in bounded time. The long runs use the same targets (``fuzz/run.py``, docs/robustness.md)."""

from __future__ import annotations

import json
import random
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cnbudget
import cnbudget.errors
from cnbudget import ReadError
from fuzz.targets import HOSTILE_VALUES, check_file, check_json, check_text, encode_hostile, mutate_json, mutate_text
from tests.seeds import seed_text

_SECONDS = 30  # one input, read and checked: far more than any takes
_BRIEF = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read_or_refused(outcome: str) -> bool:
    """Whether reading gave a disclosure or refused the text with a ReadError (NotADisclosure, …)."""
    return outcome == "read" or issubclass(getattr(cnbudget.errors, outcome), ReadError)


def _window(text: str, start: int, size: int = 60) -> str:
    lines = text.split("\n")
    start %= max(len(lines) - size, 1)
    return "\n".join(lines[:12] + lines[max(start, 12) : start + size])


@_BRIEF
@given(seed=st.sampled_from(["001", "002", "003", "004"]), start=st.integers(0, 10**6), rng=st.randoms())
def test_a_mutated_document_reads_or_is_refused_by_the_library(seed: str, start: int, rng: random.Random) -> None:
    text = mutate_text(_window(seed_text(seed), start), rng)
    began = time.monotonic()
    assert _read_or_refused(check_text(text))
    assert time.monotonic() - began < _SECONDS


@_BRIEF
@given(name=st.sampled_from(cnbudget.example_names()), rng=st.randoms())
def test_a_mutated_example_loads_or_is_refused_by_the_library(name: str, rng: random.Random) -> None:
    text = json.dumps(mutate_json(cnbudget.to_dict(cnbudget.example(name)), rng), ensure_ascii=False)
    began = time.monotonic()
    assert check_json(text, validate=rng.random() < 0.3) in {"loaded", "DataError"}
    assert time.monotonic() - began < _SECONDS


@_BRIEF
@given(st.one_of(st.sampled_from(HOSTILE_VALUES), st.text(max_size=40)).map(lambda v: json.dumps(v)))
def test_any_json_value_is_no_disclosure(text: str) -> None:
    assert check_json(text) == "DataError"


@_BRIEF
@given(st.text(max_size=200))
def test_any_short_text_reads_or_is_refused(text: str) -> None:
    assert _read_or_refused(check_text(text))


@_BRIEF
@given(seed=st.sampled_from(["001", "002", "003", "004"]), start=st.integers(0, 10**6), rng=st.randoms(),
       name=st.sampled_from(["document", "document.txt", "document.md", "document.pdf"]))
def test_a_mutated_file_in_any_encoding_reads_or_is_refused_by_the_library(
        seed: str, start: int, rng: random.Random, name: str) -> None:
    data = encode_hostile(mutate_text(_window(seed_text(seed), start), rng), rng)
    began = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        assert _read_or_refused(check_file(data, Path(folder), name=name))
    assert time.monotonic() - began < _SECONDS
