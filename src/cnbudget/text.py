"""Text normalisation shared by every parser (文本规范化).

Published documents mix full-width and half-width characters (``１，０８９．２７``), Chinese and
Western punctuation, and stray spaces left by PDF extraction. Parsers compare text only after
passing it through these functions, so each rule lives in one place.

>>> normalize_width("１，０８９．２７")
'1,089.27'
>>> normalize_width("维修（护）费")
'维修(护)费'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalize_width", "squeeze_spaces"]

# NFKC folds full-width ASCII; these are the look-alikes it leaves alone.
_PUNCTUATION = str.maketrans(
    {
        "，": ",",
        "。": ".",
        "．": ".",
        "－": "-",
        "—": "-",
        "–": "-",
        "−": "-",
        "、": ",",
        "〔": "(",
        "〕": ")",
        "【": "[",
        "】": "]",
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
    }
)

_LOOK_ALIKE = re.compile("[" + "".join(re.escape(chr(code)) for code in _PUNCTUATION) + "]")


def _half_width(look_alike: re.Match[str]) -> str:
    return str(_PUNCTUATION[ord(look_alike[0])])


# The compatibility characters of Chinese documents: the ideographic space, full-width ASCII and
# signs, letterlike symbols and number forms (℃, Ⅱ), enclosed numbers and ideographs (①, ⑴, ㈠),
# CJK compatibility units (㎡). NFKC of a text that holds them cannot return it as it is, and takes
# several times as long as of one that holds none.
_COMPATIBILITY_RANGES = ((0x3000, 0x3000), (0xFF01, 0xFF5E), (0xFFE0, 0xFFE6), (0x2100, 0x218F),
                         (0x2460, 0x24FF), (0x3200, 0x33FF))
_COMPATIBILITY = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _COMPATIBILITY_RANGES) + "]")
# Each character's compatibility decomposition (NFKD), by the running interpreter's Unicode data.
_DECOMPOSED = {
    character: unicodedata.normalize("NFKD", character)
    for low, high in _COMPATIBILITY_RANGES
    for character in map(chr, range(low, high + 1))
}


def _decomposed(compatible: re.Match[str]) -> str:
    return _DECOMPOSED[compatible[0]]


@lru_cache(maxsize=1 << 15)  # a pure function of its text: readers and rules fold the same lines again
def normalize_width(text: str) -> str:
    """Fold full-width characters and Chinese punctuation to their half-width forms.

    >>> normalize_width("２０２４年（第一批）")
    '2024年(第一批)'
    """
    if text.isascii():  # NFKC leaves ASCII as it is, and no look-alike is ASCII
        return text
    # A character replaced by its NFKD leaves the text's NFKD, and so its NFKC, as they were (the
    # two are compatibility equivalent): NFKC then finds at once a text of Chinese and half-width
    # characters already normal, where it would decompose and compose it all again.
    decomposed = _COMPATIBILITY.sub(_decomposed, text)
    # A pattern finds the few look-alikes a text holds: str.translate looks every character up.
    return _LOOK_ALIKE.sub(_half_width, unicodedata.normalize("NFKC", decomposed))


def squeeze_spaces(text: str) -> str:
    """Remove every run of white space (PDF wrapping puts spaces inside Chinese words).

    >>> squeeze_spaces("有效 保证")
    '有效保证'
    """
    return "".join(text.split())  # str.split parts at what \\s matches (checked over every code point)
