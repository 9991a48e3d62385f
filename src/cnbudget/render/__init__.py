"""Rendering (报告呈现): the tables laid out as printed, and the HTML report of a check.

* :func:`~cnbudget.render.grid.grid` — a model table as rows and columns under their Chinese labels;
* :func:`~cnbudget.render.html.document_page`, :func:`~cnbudget.render.html.index_page` — the HTML
  report: a page per document with every place a finding names marked, and an index;
* :class:`~cnbudget.render.words.Words` — the fixed words of reports in Chinese or English.
"""

from cnbudget.render.grid import Grid, grid
from cnbudget.render.html import IndexEntry, document_page, index_page
from cnbudget.render.words import LANGUAGES, Words

__all__ = ["LANGUAGES", "Grid", "IndexEntry", "Words", "document_page", "grid", "index_page"]
