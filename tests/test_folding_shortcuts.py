"""Width folding (全角半角) and number folding (数字规范化) take shortcuts for text that needs little
of them: each is held here to the plain way, a translation of every character."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cnbudget import text as text_module
from cnbudget.readers.prose.paragraphs import fold_numbers
from cnbudget.text import normalize_width

# The look-alikes NFKC leaves, as text.py documents them, written out again.
_LOOK_ALIKES = str.maketrans({"，": ",", "。": ".", "．": ".", "－": "-", "—": "-", "–": "-", "−": "-",
                              "、": ",", "〔": "(", "〕": ")", "【": "[", "】": "]", "“": '"', "”": '"',
                              "‘": "'", "’": "'"})
_FULL_WIDTH_NUMBERS = str.maketrans("０１２３４５６７８９．％", "0123456789.%")

_MIXED = st.text(
    st.one_of(
        st.sampled_from([*"，。．－—–−、〔〕【】“”‘’", *"０１２３４５６７８９％", *"0123456789,. %",
                         *"预算万元（）ﬁ²"]),
        st.characters(max_codepoint=0x7F),
        st.characters(min_codepoint=0x3000, max_codepoint=0x303F),
        st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF),
        st.characters(),  # surrogates excluded, as Hypothesis does by default
    ),
    max_size=20,
)


@settings(max_examples=500)
@given(_MIXED)
@example("１，０８９．２７万元，占６３．８８％")
@example("“预算”—（一）")
@example("每个：，。．－—–−、〔〕【】“”‘’")
@example("plain ASCII, 1,234.5")
def test_width_folding_is_nfkc_then_every_look_alike(text: str) -> None:
    assert normalize_width.__wrapped__(text) == _reference_width_folding(text)


def _reference_width_folding(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_LOOK_ALIKES)


# What composes with what stands before it, or is reordered past it: combining marks (Latin, kana
# voicing, CJK tone marks), Hangul jamo, and characters whose decompositions hold them (é, が, ﾞ).
_COMBINING = [*map(chr, range(0x0300, 0x0370)), "\u3099", "\u309a", *map(chr, range(0x302A, 0x3030)),
              "\u1161", "\u1175", "\u11a8", "\u11c2", "\u0338", "\u0b3e", "\u0cd5"]
_COMPOSING = [*_COMBINING, "é", "が", "ﾞ", "ﾟ", "ｶ", "가", "ᄀ", "=", "<", "e", "か", "Å", "ﬁ", "\u0344", "\u0f73"]
_COMPATIBLE = [chr(code) for low, high in text_module._COMPATIBILITY_RANGES for code in range(low, high + 1)]

_AROUND_COMPATIBLE = st.text(
    st.one_of(st.sampled_from(_COMPATIBLE), st.sampled_from(_COMPOSING), st.sampled_from([*"预算万元，。（）"]),
              st.characters()),
    max_size=12,
)


@settings(max_examples=1000)
@given(_AROUND_COMPATIBLE)
@example("＝\u0338")  # full-width = before a combining long solidus: NFKC makes ≠ of the two
@example("\uff76\uff9e")  # half-width カ and its voicing mark: NFKC composes ガ
@example("①\u0301")
def test_width_folding_is_nfkc_beside_marks_that_compose(text: str) -> None:
    # Compatibility characters are decomposed before NFKC: held to NFKC of the text as it is,
    # beside what composes or is reordered.
    assert normalize_width.__wrapped__(text) == _reference_width_folding(text)


def test_each_compatibility_character_beside_each_combining_mark() -> None:
    for compatible in _COMPATIBLE:
        for mark in _COMBINING:
            for text in (compatible + mark, mark + compatible, "e" + compatible + mark):
                assert normalize_width.__wrapped__(text) == _reference_width_folding(text), ascii(text)


def test_a_chinese_text_is_normal_once_its_compatibility_characters_are_decomposed() -> None:
    # Why the decomposition is made first: NFKC then returns such a text at once.
    text = "２０２４年支出预算１，０８９．２７万元，比上年增加１２．３％，主要用于①办公设备购置、㈠培训；温度℃。"
    decomposed = text_module._COMPATIBILITY.sub(text_module._decomposed, text)
    assert not unicodedata.is_normalized("NFKC", text)
    assert unicodedata.is_normalized("NFKC", decomposed)


@settings(max_examples=500)
@given(_MIXED)
@example("１，０８９．２７万元，占６３．８８％")
@example("共1，234，5678元，12,345")
@example("-1，234.5，-12,34，1,2345，٣，٣٣٣，１，２３４，²，123")  # signs, short and long groups, other digits
def test_number_folding_translates_every_character_then_joins_thousands(text: str) -> None:
    expected = re.sub(r"(?<=\d)[，,](?=\d{3}(?!\d))", ",", text.translate(_FULL_WIDTH_NUMBERS))
    assert fold_numbers(text) == expected
