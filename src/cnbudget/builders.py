"""Builders of frozen slotted objects (快速构建): where many are made from values already checked.

Reading and ``from_json`` make hundreds of thousands of frozen attrs objects from values already of
their fields' types. The attrs constructor runs converters and validators on each value, and a
frozen class refuses assignment, so its slots would be set one call of a descriptor at a time. A
builder is a subclass that adds no slots and takes plain assignment (the interpreter's own way,
about five times faster than a descriptor's call): an object is made a builder, given its fields,
then made the class itself (``obj.__class__ = cls``, allowed as the two lay out the same slots).
The object is then the one the constructor would make — class, equality, hash, pickling; the
builder shows only in ``cls.__subclasses__()``. Used for the most numerous objects (source lines,
the amount records of table rows, table lines and indicators with each validator's test written in
place (``readers/tables/checked_build.py``), everything ``from_json`` reads, the prose reader's paragraphs,
amounts found in clauses, statements and passages: ``readers/prose/building.py``; the findings and
locations the rules build, and the intervals, comparison results and figures of the checks); the
diagnosis's copies set their slots one call at a time instead.

>>> import attrs
>>> @attrs.frozen
... class Point:
...     x: int
...     y: int
>>> Builder = builder_of(Point)
>>> point = object.__new__(Builder)
>>> point.x, point.y = 1, 2
>>> point.__class__ = Point
>>> point == Point(1, 2), type(point) is Point
(True, True)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["builder_of", "builder_of_model", "written_builder"]


def builder_of(cls: type[Any]) -> type[Any] | None:
    """The builder of ``cls`` (see the module text), or ``None`` where it cannot have one: a class
    that watches its subclasses (``__init_subclass__``), or one that cannot be subclassed so. A
    class has one builder: it is made on the first call and found among the class's subclasses
    after (held there only while some caller keeps it).

    >>> import attrs
    >>> @attrs.frozen
    ... class Point:
    ...     x: int
    >>> builder_of(Point) is builder_of(Point)
    True
    """
    for subclass in cls.__subclasses__():
        if subclass.__dict__.get("__builds__") is cls:
            return subclass
    if any("__init_subclass__" in klass.__dict__ for klass in cls.__mro__[:-1]):
        return None
    try:
        # Both hooks of assignment object's own, in place of the frozen class's refusal.
        return type(f"{cls.__name__}Builder", (cls,), {"__slots__": (), "__module__": cls.__module__,
                                                        "__builds__": cls,
                                                        "__setattr__": object.__setattr__,
                                                        "__delattr__": object.__delattr__})
    except TypeError:
        return None


def builder_of_model(cls: type[Any]) -> type[Any]:
    """:func:`builder_of` a class the library defines, which has one (a plain attrs class): for the
    modules that keep a class's builder from import on; a class without one is a fault here.

    >>> import attrs
    >>> @attrs.frozen
    ... class Point:
    ...     x: int
    >>> builder_of_model(Point).__name__
    'PointBuilder'
    """
    builder = builder_of(cls)
    if builder is None:
        raise TypeError(f"{cls.__name__} cannot have a builder (it watches its subclasses, or its layout refuses one)")
    return builder

def written_builder(cls: type[Any], builder: type[Any], signature: str, checks: Sequence[str],
                    values: Mapping[str, str], names: Mapping[str, Any]) -> Callable[..., Any]:
    """A function ``build(<signature>)``, written once for ``cls``: its lines ``checks`` first (which
    may return before anything is made), then ``cls`` made on ``builder`` with each field set to the
    expression ``values[field]``; the code sees ``names``. For readers that make many objects of one
    class from values checked as they go (``readers/tables/checked_build.py``, ``placed_records.py``).

    >>> import attrs
    >>> @attrs.frozen
    ... class Point:
    ...     x: int
    ...     y: int
    >>> build = written_builder(Point, builder_of(Point), "x, y", ["if x < 0: return None"],
    ...                         {"x": "x", "y": "y * _scale"}, {"_scale": 10})
    >>> build(1, 2), build(-1, 2)
    (Point(x=1, y=20), None)
    """
    lines = [f"def build({signature}):", *(f"    {line}" for line in checks), "    made = _new(_builder)",
             *(f"    made.{field} = {value}" for field, value in values.items()),
             "    made.__class__ = _cls", "    return made"]
    scope: dict[str, Any] = {**names, "_new": object.__new__, "_builder": builder, "_cls": cls}
    # Text made here from the class's own field names, as attrs writes __init__.
    exec(compile("\n".join(lines), f"<cnbudget builder of {cls.__name__}>", "exec"), scope)
    function: Callable[..., Any] = scope["build"]
    return function
