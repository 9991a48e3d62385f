"""The form of a text is looked for line by line only where the text holds the character each
shape needs (a TAB, a pipe, a run of three spaces): what :func:`detect_form` finds is what the
line-by-line look alone finds."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.readers.text import forms
from cnbudget.readers.text.forms import TextForm, detect_form, text_lines


def _plain_form(text: str) -> TextForm:
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return TextForm.TSV
    wanted = max(forms._MIN_ROWS, int(len(lines) * forms._FORM_SHARE))
    if sum("\t" in line and len([c for c in line.split("\t") if c.strip()]) > 1 for line in lines) >= wanted:
        return TextForm.TSV
    if sum(forms._PIPE_ROW.match(line) is not None for line in lines) >= wanted:
        return TextForm.MARKDOWN
    if sum(forms._SPACED_COLUMNS.search(line.strip()) is not None for line in lines) >= wanted:
        return TextForm.LAYOUT
    return TextForm.FLAT


_PIECES = st.sampled_from(["合计", "5.00", "\t", "|", " ", "   ", "\n", "---", "项目", "\u3000", "\t\t", "\r\n",
                          "\x0b"])


@settings(max_examples=1000)
@given(st.lists(_PIECES, max_size=40).map("".join))
@example("合计\t5.00\n项目\t1\n甲\t2\n")
@example("| 合计 | 5.00 |\n| 甲 | 1 |\n| 乙 | 2 |\n")
@example("合计   5.00\n项目   1\n甲   2\n")
@example("合计 5.00\n")
def test_the_form_found_is_that_of_the_line_by_line_look(text: str) -> None:
    assert detect_form(text) is _plain_form(text)


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=40).map("".join))
@example("合计\t5.00\n项目\t1\n甲\t2\n")
@example("| 合计 | 5.00 |\n|---|---|\n| 甲 | 1 |\n| 乙 | 2 |\n")
def test_lines_read_without_a_form_are_those_of_the_form_found_line_by_line(text: str) -> None:
    # text_lines splits the text once for both the form and the lines
    found = [(line.number, line.raw, line.text, line.cells) for line in text_lines(text)]
    given_form = [(line.number, line.raw, line.text, line.cells) for line in text_lines(text, _plain_form(text))]
    assert found == given_form
