"""The rows above a project form's indicators look for the funds heads over their tokens only where
a row has met one: each token is what looking under every head to its left makes of it (a label
under a funds head read as the field it stands for there)."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.performance.forms import _under_heads
from cnbudget.readers.performance.labels import PROJECT_FUND_HEADS, PROJECT_LABELS, Token, tokenize


def _under_heads_plainly(tokens: list[Token], heads: dict[int, str]) -> list[Token]:
    heads.update((token.column, token.label) for token in tokens
                 if token.label is not None and token.label in PROJECT_FUND_HEADS)
    placed = []
    for token in tokens:
        head = max((column for column in heads if column <= token.column), default=None)
        fields = PROJECT_FUND_HEADS[heads[head]] if head is not None else {}
        field = fields.get(token.label) if token.label is not None else None
        placed.append(token if field is None else attrs.evolve(token, label=field))
    return placed


_CELLS = st.sampled_from(["", "项目名称", "某项目", "项目资金（万元）", "年度资金总额", "财政拨款", "其他资金", "30.51",
                          "其中：财政拨款", "项目资金总额", "年度预算总额", "财政拨款：5.00", "其他资金: 3.00"])


@settings(max_examples=600)
@given(st.lists(st.lists(_CELLS, max_size=7), min_size=1, max_size=4))
def test_tokens_are_placed_under_their_heads_as_looking_under_every_head_places_them(rows: list[list[str]]) -> None:
    heads: dict[int, str] = {}
    plain_heads: dict[int, str] = {}
    for cells in rows:
        tokens = tokenize(cells, PROJECT_LABELS)
        assert _under_heads(tokens, heads) == _under_heads_plainly(tokens, plain_heads)
        assert heads == plain_heads


def test_a_label_under_a_funds_head_is_the_field_it_stands_for() -> None:
    heads: dict[int, str] = {}
    _under_heads(tokenize(["项目资金（万元）", "项目资金总额", "", "年度资金总额"], PROJECT_LABELS), heads)
    assert heads == {1: "project_total", 3: "total"}
    row = tokenize(["", "财政拨款", "", "财政拨款"], PROJECT_LABELS)
    labels = [token.label for token in _under_heads(row, heads)]
    assert labels == [token.label for token in _under_heads_plainly(row, dict(heads))] == ["project_fiscal", "fiscal"]
