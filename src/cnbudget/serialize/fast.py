"""The optional fast encoder (可选的快速编码器): orjson, where ``pip install 'cnbudget[fast]'`` put it.

Without it nothing changes but the speed; with it, the text written and the objects read are the same.

Writing, the library's own writer builds JSON text in Python; orjson writes the same plain data in
compiled code, about twice as fast. It is given the default layout only (two spaces of indent: orjson
has no other, and its compact text leaves out the blanks ``json.dumps`` puts after ``,`` and ``:``),
and writes it byte for byte as ``json.dumps(..., ensure_ascii=False, indent=2)`` does: the plain data
of model classes holds strings, whole numbers, booleans and null, never a float; a string with a lone
surrogate or a number past 64 bits makes orjson refuse, and the library's writer takes it.

Reading, it parses the text for :func:`cnbudget.from_json`'s quick path. What it refuses (NaN, a
lone surrogate, nesting past 1,024 levels) goes to the full reading, which says what is wrong as
before; a whole number past 64 bits it reads as a float, which the quick path takes for no count
and no amount (it wants an ``int`` or a string), so that goes to the full reading too; the rest it
reads as ``json.loads`` does.

>>> from cnbudget.model import Agency
>>> from cnbudget.serialize.unstructuring import written
>>> agency = Agency(name="某某局")
>>> indented_fast(agency) in (None, written(agency, 2))  # None without the extra: the caller writes it
True
>>> parsed_fast('{"name": "某某局"}'), parsed_fast('{"name": "某某局"}'.encode())
({'name': '某某局'}, {'name': '某某局'})
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from cnbudget.serialize.collector import collection_paused
from cnbudget.serialize.unstructuring import plain

try:
    import orjson
except ImportError:  # the extra is not installed
    orjson = None  # type: ignore[assignment, unused-ignore]

__all__ = ["FAST_ENCODER", "indented_fast", "parsed_fast"]

#: Whether the fast encoder is installed.
FAST_ENCODER: bool = orjson is not None



def _parsed_by_orjson(text: str | bytes) -> Any:
    # Given a str, orjson would keep its UTF-8 form inside the caller's text for as long as the text
    # lives (as large again); encoded here, the copy goes when the reading ends.
    return orjson.loads(text.encode() if isinstance(text, str) else text)


#: JSON text (a str, or UTF-8 bytes) to plain data: orjson's parser where it is installed.
parsed_fast: Callable[[str | bytes], Any] = json.loads if orjson is None else _parsed_by_orjson


def indented_fast(obj: Any) -> str | None:
    """``to_json(obj)`` with two spaces of indent written by orjson, or None where orjson is not
    installed or does not take the object (the caller writes it then)."""
    if orjson is None:
        return None
    try:
        with collection_paused():  # the plain data holds no cycle and goes when the text is written
            text: str = orjson.dumps(plain(obj), option=orjson.OPT_INDENT_2).decode()
    except Exception:  # not a model object the generated functions take, or data orjson refuses
        return None
    return text
