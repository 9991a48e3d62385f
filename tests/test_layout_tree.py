"""One row of figures under a tree of headings (the 三公 table of Jiangsu), printed as
``pdftotext -layout`` prints it, placed back under its headings."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model.tables import ThreePublicTable
from cnbudget.readers.text.layout_tree import TreeReading, read_tree
from cnbudget.readers.text.layout_words import line_tokens

# The leaves left to right: heading, depth (how many groups stand over it).
_LEAVES = (("合计", 0), ("小计", 1), ("因公出国（境）费", 1), ("小计", 2), ("公务用车购置费", 2),
           ("公务用车运行维护费", 2), ("公务接待费", 1), ("会议费", 0), ("培训费", 0))
_GROUPS = (("“三公”经费", 1, 6), ("公务用车购置及运行维护费", 3, 5))  # heading, first and last leaf
_HEADER = (("合计", "“三公”经费", "", "", "", "", "", "会议费", "培训费"),
           ("", "小计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费", "", ""),
           ("", "", "", "小计", "公务用车购置费", "公务用车运行维护费", "", "", ""))


def _layout(widths: list[int], pieces: list[int], figures: list[str | None], *, under: bool) -> list[str]:
    """The header and the row as pdftotext prints them: every heading centred over its cell (a
    group over its leaves' cells), a leaf wrapped into ``pieces`` lines, every figure right-aligned
    in its cell or, where ``under``, centred under its heading; a blank cell printed as nothing."""
    edges = [0]
    for width in widths:
        edges.append(edges[-1] + width)
    lines = [[" "] * (edges[-1] + 12) for _ in range(8)]

    def put(line: int, text: str, left: int, right: int) -> None:
        start = (left + right - len(text)) // 2
        lines[line][start:start + len(text)] = text

    for line, (text, first, last) in enumerate(_GROUPS):
        put(line, text, edges[first], edges[last + 1])
    for index, ((text, depth), count) in enumerate(zip(_LEAVES, pieces, strict=True)):
        size = -(-len(text) // count)
        for part in range(count):
            put(2 + depth + part, text[part * size:(part + 1) * size], edges[index], edges[index + 1])
    row = [" "] * (edges[-1] + 12)
    for index, figure in enumerate(figures):
        if figure is None:
            continue
        right = edges[index + 1] - len(figure) - 1
        start = (edges[index] + edges[index + 1] - len(figure)) // 2 if under else right
        row[start:start + len(figure)] = figure
    return ["".join(line).rstrip() for line in lines if "".join(line).strip()] + ["".join(row).rstrip()]


def _read(printed: list[str]) -> TreeReading | str | None:
    *header, row = printed
    return read_tree([(number, line_tokens(text)) for number, text in enumerate(header, start=1)],
                     line_tokens(row), ThreePublicTable)


_CENTS = st.integers(min_value=0, max_value=9_999_999)  # totals of up to six stay within 10 characters


def _figures(parts: list[int], blank: list[bool]) -> list[str | None]:
    overseas, purchase, operation, reception, meetings, training = parts
    vehicles = purchase + operation
    total = overseas + vehicles + reception
    values = [total + meetings + training, total, overseas, vehicles, purchase, operation, reception, meetings,
              training]
    leaves = [4, 2, 5, 6, 7, 8]  # the leaves a zero may leave blank (no total)
    return [None if value == 0 and index in leaves and blank[leaves.index(index)] else f"{Decimal(value) / 100:,.2f}"
            for index, value in enumerate(values)]


def _values(cells: tuple[str, ...] | list[str | None]) -> list[Decimal]:
    return [Decimal((cell or "0").replace(",", "")) for cell in cells]


@settings(deadline=None)
@given(widths=st.lists(st.integers(min_value=13, max_value=18), min_size=9, max_size=9),
       pieces=st.lists(st.integers(min_value=1, max_value=3), min_size=9, max_size=9),
       parts=st.lists(st.one_of(st.just(0), _CENTS), min_size=6, max_size=6),
       blank=st.lists(st.booleans(), min_size=6, max_size=6), under=st.booleans())
def test_generated_tables_read_back_or_are_reported(widths: list[int], pieces: list[int], parts: list[int],
                                                    blank: list[bool], under: bool) -> None:
    """Whatever the widths, the wrapping and the blank cells, the figures come back under their
    headings (a zero where a blank stands: a 0.00 and a blank beside it read alike), or the table is
    reported as placeable in more than one way: never read otherwise."""
    figures = _figures(parts, blank)
    reading = _read(_layout(widths, pieces, figures, under=under))
    if isinstance(reading, str) and not under:
        return  # right-aligned figures may stand under no heading: two placings, reported
    assert isinstance(reading, TreeReading), reading
    assert reading.header[:3] == _HEADER
    assert _values(reading.row) == _values(figures)


def test_a_blank_purchase_placed_by_the_heading_the_figure_stands_under() -> None:
    """公务用车购置费 printed blank: 车 小计 = 运行维护费 either way; the figure stands under
    运行维护费, so it is placed there (the blank where no figure stands)."""
    printed = _layout([12] * 9, [1, 1, 2, 1, 2, 3, 2, 1, 1],
                      ["30.00", "20.00", "5.00", "10.00", None, "10.00", "5.00", "6.00", "4.00"], under=True)
    reading = _read(printed)
    assert isinstance(reading, TreeReading)
    assert reading.row == ("30.00", "20.00", "5.00", "10.00", "", "10.00", "5.00", "6.00", "4.00")


def test_figures_that_stand_under_no_heading_and_fit_two_placings_are_reported() -> None:
    """公务用车购置费 printed blank, its heading and 运行维护费's wrapped narrow in wide cells and the
    figure right-aligned beside them: 车 小计 = either part, and the figure stands under neither
    heading, so it is reported, not placed."""
    printed = _layout([16] * 9, [1, 1, 1, 1, 3, 3, 1, 1, 1],
                      ["30.00", "20.00", "5.00", "10.00", None, "10.00", "5.00", "6.00", "4.00"], under=False)
    reading = _read(printed)
    assert isinstance(reading, str)
    assert "more than one way" in reading


def test_figures_that_do_not_add_up_are_not_placed() -> None:
    """合计 printed 31.00 where its parts make 30.00: no placing holds, none is made."""
    printed = _layout([12] * 9, [1] * 9, ["31.00", "20.00", "5.00", "10.00", "4.00", "6.00", "5.00", "6.00", "4.00"],
                      under=True)
    assert _read(printed) is None
