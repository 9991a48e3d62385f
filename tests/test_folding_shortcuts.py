"""Width folding (全角半角) and number folding (数字规范化) take shortcuts for text that needs little
of them: each is held here to the plain way, a translation of every character."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

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
    expected = unicodedata.normalize("NFKC", text).translate(_LOOK_ALIKES)
    assert normalize_width.__wrapped__(text) == expected


@settings(max_examples=500)
@given(_MIXED)
@example("１，０８９．２７万元，占６３．８８％")
@example("共1，234，5678元，12,345")
@example("-1，234.5，-12,34，1,2345，٣，٣٣٣，１，２３４，²，123")  # signs, short and long groups, other digits
def test_number_folding_translates_every_character_then_joins_thousands(text: str) -> None:
    expected = re.sub(r"(?<=\d)[，,](?=\d{3}(?!\d))", ",", text.translate(_FULL_WIDTH_NUMBERS))
    assert fold_numbers(text) == expected
