"""The fast indented JSON writer gives ``json.dumps``'s text, byte for byte, for any plain data."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnbudget import example, example_names, to_dict
from cnbudget.serialize.indented import dumps_indented

_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text())
_PLAIN = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)), max_leaves=25)


@given(_PLAIN, st.integers(min_value=0, max_value=4))
def test_any_plain_data_is_written_as_json_dumps_writes_it(data: Any, indent: int) -> None:
    assert dumps_indented(data, indent) == json.dumps(data, ensure_ascii=False, indent=indent)


def test_what_is_not_plain_data_is_left_to_json_dumps() -> None:
    data = {"a": (1, 2), "b": {1: "integer key"}, "c": float("nan")}
    assert dumps_indented(data, 2) == json.dumps(data, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError):
        dumps_indented({"amount": Decimal("1.00")}, 2)  # as json.dumps does


@pytest.mark.parametrize("name", example_names())
def test_each_example_is_written_as_json_dumps_writes_it(name: str) -> None:
    data = to_dict(example(name))
    assert dumps_indented(data, 2) == json.dumps(data, ensure_ascii=False, indent=2)
