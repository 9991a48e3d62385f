"""Readers of published disclosures (读取已公开的预算文件): a file or text → model, with problems.

``read_file(path)`` reads a file (text in any encoding and form, or the PDF); ``read_text(text)``
reads text already in hand.

>>> from cnbudget.readers import read_text
>>> result = read_text("编制部门：示例局\\n2024 年部门预算公开\\n")
>>> result.disclosure.department, result.disclosure.fiscal_year
('示例局', 2024)
"""

from cnbudget.readers.files import FileKind, kind_of, kind_of_file, load_text, read_bytes, read_file, read_files
from cnbudget.readers.pdf import read_pdf
from cnbudget.readers.read import TABLE_READERS, read_lines, read_text
from cnbudget.readers.result import Problem, ReadResult

__all__ = ["TABLE_READERS", "FileKind", "Problem", "ReadResult", "kind_of", "kind_of_file", "load_text", "read_bytes",
           "read_file", "read_files", "read_lines", "read_pdf", "read_text"]
