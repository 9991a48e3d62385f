"""Figures printed on a line of their own are put back into the gaps of the line above
(:func:`~cnbudget.readers.prose.paragraphs.restored_figures`); the walk asks only the lines that can
start with figures and builds the changed texts only where one was put back: what it gives is what
the plain walk over every line gives."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget.readers.prose import paragraphs
from cnbudget.readers.prose.paragraphs import restored_figures
from cnbudget.readers.text.source import SourceLine, split_lines


def _plain_restored(lines: Sequence[SourceLine]) -> dict[int, str]:
    """Every line asked in turn, the changed texts found by comparing every line."""
    prose = [line for line in lines if not line.is_blank and not line.is_tabular]
    texts = {line.number: line.text for line in prose}
    for index in range(1, len(prose)):
        line, above = prose[index], prose[index - 1]
        placing = paragraphs._figures_to_place(texts[line.number])
        if placing is None or paragraphs._figures_to_place(texts[above.number]) is not None:
            continue
        figures, stays = placing
        before = prose[index - 2] if index >= 2 else None
        after = prose[index + 1] if index + 1 < len(prose) else None
        text = texts[above.number]
        gaps = [match.start() for match in paragraphs._GAP.finditer(text)]
        if before is not None and paragraphs._ENDS_CJK.search(texts[before.number]) \
                and paragraphs._UNIT_FIRST.match(text):
            gaps.insert(0, 0)
        if after is not None and paragraphs._ENDS_CJK.search(text) \
                and paragraphs._UNIT_FIRST.match(texts[after.number]) and not stays:
            gaps.append(len(text.rstrip()))
        if not gaps or len(gaps) != len(figures):
            continue
        for position, figure in reversed(list(zip(gaps, figures, strict=True))):
            text = f"{text[:position]} {figure} {text[position:].lstrip()}".strip()
        texts[above.number], texts[line.number] = text, stays
    return {line.number: texts[line.number] for line in prose if texts[line.number] != line.text}


# Lines of sentences with gaps (a space before 万元, 年 or %), lines of figures, lines starting with a
# unit, with a year, with a space, and blank lines.
_PIECES = st.sampled_from([
    "收入预算总计 万元，", "支出 万元。", "比上年增加 ", "%。", "万元，减少", " 万元", "年", "2019", "17996.68",
    "5533 20", " 3", "12 ", "1,234.5", "本部门", "。", "，", " ", "", "\t",
])
_LINES = st.lists(st.lists(_PIECES, min_size=0, max_size=4).map("".join), min_size=1, max_size=8)


@settings(max_examples=600, deadline=None)
@given(_LINES)
@example(["项目支出预算数为 万元。与上年相比减少", "5533 20", "万元，减少 0.36 %。"])
@example(["收入预算总计 万元，支出 万元。", "17996.68"])  # gaps and figures not as many
@example(["1 2", "3 4", "收入 万元"])  # figure lines one under another
def test_figures_are_put_back_as_the_plain_walk_puts_them(texts: list[str]) -> None:
    lines = split_lines("\n".join(texts))
    assert restored_figures(lines) == _plain_restored(lines)
