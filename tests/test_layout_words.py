"""The words of a layout line: shortcuts held to the plain way."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cnbudget.readers.text.layout_words import line_tokens, widened, widened_spans

# Wide (Chinese, full-width) and narrow characters, figures, dashes and runs of spaces, as layout
# lines mix them.
_PIECES = st.sampled_from(["合", "计", "支出", "一、", "（", "）", "Ａ", "201", "05", "1,089.27", "0.50",
                           "156,211,123", "-", "—", "※", "abc", "1.", " ", "  ", "     ", "\t"])
_LINES = st.lists(_PIECES, max_size=14).map("".join)


@given(_LINES)
def test_tokens_widened_are_those_measured_in_display_columns(line: str) -> None:
    assert widened(line_tokens(line), line) == line_tokens(line, wide=True)


@given(_LINES)
def test_spans_widened_stand_where_the_widened_tokens_stand(line: str) -> None:
    tokens = line_tokens(line)
    assert ([(span.start, span.end, span.kind) for span in widened_spans(tokens, line)]
            == [(token.start, token.end, token.kind) for token in widened(tokens, line)])


def test_a_wide_character_moves_the_tokens_after_it() -> None:
    tokens = widened(line_tokens("合计  5.00"), "合计  5.00")
    assert [(t.start, t.end) for t in tokens] == [(0, 4), (6, 10)]
