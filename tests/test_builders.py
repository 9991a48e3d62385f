"""One builder per class (cnbudget.builders.builder_of), found again by every caller."""

from __future__ import annotations

import attrs

from cnbudget.builders import builder_of, builder_of_model
from cnbudget.model import FunctionLine, SummaryLine


def test_every_caller_gets_the_same_builder_of_a_class() -> None:
    @attrs.frozen
    class Point:
        x: int

    first = builder_of(Point)
    assert first is not None
    assert builder_of(Point) is first
    assert builder_of_model(Point) is first
    assert Point.__subclasses__() == [first]


def test_the_library_classes_keep_one_builder_each_after_reading() -> None:
    # from_json and the table readers each ask for the builder of a table line's class.
    from cnbudget import example, from_json, to_json
    from cnbudget.readers.tables.checked_build import checked_builder
    from_json(to_json(example("urumqi-2024")))
    for cls in (FunctionLine, SummaryLine):
        checked_builder(cls)
    for cls in (FunctionLine, SummaryLine):
        builders = [sub for sub in cls.__subclasses__() if sub.__name__.endswith("Builder")]
        assert len(builders) == 1, builders


def test_a_subclass_of_a_class_gets_a_builder_of_its_own() -> None:
    @attrs.frozen
    class Point:
        x: int

    @attrs.frozen
    class Named(Point):
        name: str = ""

    assert builder_of(Named) is not builder_of(Point)
    made = object.__new__(builder_of(Named))  # type: ignore[arg-type]
    made.x, made.name = 1, "a"
    made.__class__ = Named
    assert made == Named(x=1, name="a")
