"""Reading the published PDF (读取 PDF): tables from the page's own geometry, text in reading order.

Needs the ``pdf`` extra (``pip install 'cnbudget[pdf]'``: pdfplumber). Each page becomes numbered
lines — every table row one line with its cells apart, the text around the tables line by line, a
blank line after the page — and the lines are read as the TAB-separated form is read
(:func:`~cnbudget.readers.read.read_lines`). Every line carries its page, and so does every problem.

Modules: :mod:`.geometry` (words, boxes, pages as plain values), :mod:`.extract` (pdfplumber →
pages), :mod:`.cells` (table rows: words placed in cells), :mod:`.lines` (words → lines in reading
order), :mod:`.page` (a page → lines), :mod:`.text_layer` (scans refused), :mod:`.read`.
"""

from cnbudget.readers.pdf.read import pdf_lines, read_pdf

__all__ = ["pdf_lines", "read_pdf"]
