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


@lru_cache(maxsize=1 << 15)  # a pure function of its text: readers and rules fold the same lines again
def normalize_width(text: str) -> str:
    """Fold full-width characters and Chinese punctuation to their half-width forms.

    >>> normalize_width("２０２４年（第一批）")
    '2024年(第一批)'
    """
    if text.isascii():  # NFKC leaves ASCII as it is, and no look-alike is ASCII
        return text
    # A pattern finds the few look-alikes a text holds: str.translate looks every character up.
    return _LOOK_ALIKE.sub(_half_width, unicodedata.normalize("NFKC", text))


def squeeze_spaces(text: str) -> str:
    """Remove every run of white space (PDF wrapping puts spaces inside Chinese words).

    >>> squeeze_spaces("有效 保证")
    '有效保证'
    """
    return "".join(text.split())  # str.split parts at what \\s matches (checked over every code point)
