"""What a PDF page holds, as plain values (页面几何): words with their boxes, and the cells of the
tables its ruling lines draw.

Coordinates are PDF points from the top-left corner of the page (``top`` grows downwards), as
pdfplumber gives them. A box holds a point when the point lies on its top or left edge or inside,
never on its bottom or right edge, so that cells that share an edge never both hold a point.

>>> cell = Box(x0=10, top=20, x1=60, bottom=35)
>>> cell.holds(10, 20), cell.holds(60, 30)
(True, False)
>>> Word(text="267.80", box=Box(x0=357.2, top=434.2, x1=384.2, bottom=443.2)).centre
(370.7, 438.7)
"""

from __future__ import annotations

import attrs

__all__ = ["Box", "Letter", "PdfPage", "Word"]


@attrs.frozen(kw_only=True)
class Box:
    """A rectangle on a page: left, top, right and bottom edges, in points."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def centre(self) -> tuple[float, float]:
        """The middle of the box, (x, y)."""
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        """How tall the box is."""
        return self.bottom - self.top

    def holds(self, x: float, y: float) -> bool:
        """Whether the point (x, y) lies in the box (its top and left edges included, its bottom and
        right edges not)."""
        return self.x0 <= x < self.x1 and self.top <= y < self.bottom


@attrs.frozen(kw_only=True)
class Letter:
    """One character as printed, and its box."""

    text: str
    box: Box


@attrs.frozen(kw_only=True)
class Word:
    """A word printed on the page (a run of characters with no gap wider than the extraction's
    tolerance), its box, and its letters where known (to cut a word a cell's edge runs between)."""

    text: str
    box: Box
    letters: tuple[Letter, ...] = ()

    @property
    def centre(self) -> tuple[float, float]:
        """The middle of the word: the point that decides which cell holds it."""
        return self.box.centre


@attrs.frozen(kw_only=True)
class PdfPage:
    """One page of a PDF: its 1-based number, the words printed on it, the cells of each table its
    ruling lines draw, and whether it holds images (a page of images and no words is a scan)."""

    number: int
    words: tuple[Word, ...]
    tables: tuple[tuple[Box, ...], ...]
    has_images: bool = False
