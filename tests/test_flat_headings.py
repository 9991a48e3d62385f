"""A flat table's headings held against a layout's words: the words folded once
(:class:`cnbudget.readers.flat.headings.HeadingWords`) say what :func:`layout_matches` says of the
same words in any order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.readers.flat.headings import HeadingWords, heading_text, layout_matches
from cnbudget.readers.flat.rebuild import ONE_SIDED, TWO_SIDED
from cnbudget.readers.tables.columns import Layout
from cnbudget.readers.tables.two_sided import TwoSidedLayout
from cnbudget.readers.text.source import split_lines

_LAYOUTS: list[Layout | TwoSidedLayout] = [
    *(layout for kind in ONE_SIDED.values() for layout in kind.layouts),
    *(layout for layouts in TWO_SIDED.values() for layout in layouts),
]
# Heading words of the layouts (full width and half width alike), and words of no heading.
_WORDS = sorted({word for layout in _LAYOUTS for word in (*layout.signature, *layout.absent)})
_PIECES = st.one_of(st.sampled_from(_WORDS), st.sampled_from(["（", "）", "(", ")", "合", "计", "小计", "科目", " "]))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_LAYOUTS), st.data())
def test_words_folded_once_are_carried_where_the_layout_matches_in_any_order(
    layout: Layout | TwoSidedLayout, data: st.DataObject
) -> None:
    # Headings made mostly of the layout's own words, in any order, among others and its absent words.
    own = st.sampled_from(layout.signature) if layout.signature else _PIECES
    pieces = st.one_of(own, own, _PIECES)
    text = data.draw(st.lists(st.lists(pieces, max_size=8).map("".join), min_size=1, max_size=4).map("\n".join))
    lines = split_lines(text)
    plain = Layout(name=layout.name, signature=layout.signature, absent=layout.absent, lead=(), amounts=())
    assert HeadingWords.of(layout).carried_by(heading_text(lines)) == layout_matches(
        plain, lines, reversed_lines=False)


def test_a_layout_s_words_are_carried_in_any_order_unless_a_word_it_must_not_carry_is_there() -> None:
    layout = next(layout for layout in _LAYOUTS if layout.signature and layout.absent)
    words = HeadingWords.of(layout)
    lines = split_lines("\n".join(reversed(layout.signature)))
    assert words.carried_by(heading_text(lines))
    assert not words.carried_by(heading_text([*lines, *split_lines(layout.absent[0])]))
