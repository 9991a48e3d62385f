"""The words of a layout line: shortcuts held to the plain way."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.text.grid import is_amount
from cnbudget.readers.text.layout_words import (
    _DASHES,
    Token,
    TokenKind,
    _display_columns,
    _display_places,
    _letter_spaced,
    is_figure,
    line_tokens,
    widened,
    widened_spans,
)
from cnbudget.readers.text.source import clean_cell

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


def _line_tokens_plainly(line: str) -> list[Token]:
    """line_tokens as first written: every word's figure and placeholder tests asked where one space
    parts it from a neighbour, every line's runs looked at for letter-spaced labels."""
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", line)]
    runs: list[list[tuple[int, int, str]]] = []
    for word in words:
        if runs:
            last = runs[-1][-1]
            if word[0] - last[1] == 1 and not (is_figure(last[2]) or is_figure(word[2])
                                                or clean_cell(last[2]) in _DASHES or clean_cell(word[2]) in _DASHES):
                runs[-1].append(word)
                continue
        runs.append([word])
    runs = _letter_spaced(runs)
    texts = [" ".join(word[2] for word in run) for run in runs]
    cleaned = [clean_cell(text) for text in texts]
    leading = next((i for i, text in enumerate(cleaned) if not re.match(r"^\d{1,7}$", text)), len(texts))
    after = cleaned[leading] if leading < len(texts) else ""
    coded = bool(after) and (not is_amount(after) or (
        is_figure(after) and re.match(r"^\d{3}(?:\d{2}){0,2}$", cleaned[0]) is not None))
    codes = leading if coded else 0
    return [Token(start=run[0][0], end=run[-1][1], text=text,
                  kind=TokenKind.CODE if index < codes else
                  TokenKind.AMOUNT if is_amount(clean) or clean in _DASHES else TokenKind.TEXT,
                  inner=tuple(word[0] for word in run[1:]))
            for index, (run, text, clean) in enumerate(zip(runs, texts, cleaned, strict=True))]


# Letters of letter-spaced labels, markup around words, and single spaces between words and figures.
_MORE_PIECES = st.sampled_from(["合", "计", "小", "金", "额", "总", "<b>", "</b>", "**", "*", "<", "x", "1", "2",
                                "1,000", "5.00", "--", "－", " ", " ", "  ", "   ", "\u3000", "\xa0", "一般 公共"])


_WORDS = st.sampled_from(["合", "计", "小", "金", "额", "总", "<b>合</b>", "**计**", "*", "x", "1", "201",
                          "1,000", "5.00", "-", "—", "一般", "公共", "支出"])
_GAPS = st.sampled_from(["", " ", " ", "  ", "   ", "      ", "\u3000"])


@settings(max_examples=1500)
@given(st.lists(st.one_of(_PIECES, _MORE_PIECES), max_size=16).map("".join))
def test_tokens_are_those_the_plain_way_finds(line: str) -> None:
    assert line_tokens(line) == _line_tokens_plainly(line)


@settings(max_examples=1500)
@given(st.lists(st.tuples(_GAPS, _WORDS).map("".join), max_size=10).map("".join))
def test_tokens_of_words_a_space_or_a_few_apart_are_those_the_plain_way_finds(line: str) -> None:
    assert line_tokens(line) == _line_tokens_plainly(line)


def test_a_letter_spaced_label_is_one_token_and_a_figure_stands_apart() -> None:
    assert [t.text for t in line_tokens("合   计  1,000 一般 公共")] == ["合 计", "1,000", "一般 公共"]
    assert [t.text for t in line_tokens("<b>合</b>   **计**  5.00")] == ["<b>合</b> **计**", "5.00"]


def test_the_plain_way_joins_letters_and_keeps_figures_apart() -> None:
    assert [t.text for t in _line_tokens_plainly("合   计  1,000 一般 公共")] == ["合 计", "1,000", "一般 公共"]


@given(_LINES, st.lists(st.integers(0, 60), max_size=8))
def test_display_places_are_the_display_columns_at_those_places(line: str, positions: list[int]) -> None:
    within = [position for position in positions if position <= len(line)]
    columns = _display_columns(line)
    assert _display_places(line, within) == {position: columns[position] for position in within}
