"""Readers of published disclosures (读取已公开的预算文件): text → model, with problems.

>>> from cnbudget.readers import read_text
>>> result = read_text("编制部门：示例局\\n2024 年部门预算公开\\n")
>>> result.disclosure.department, result.disclosure.fiscal_year
('示例局', 2024)
"""

from cnbudget.readers.pdf import read_pdf
from cnbudget.readers.read import TABLE_READERS, load_text, read_files, read_lines, read_text
from cnbudget.readers.result import Problem, ReadResult

__all__ = ["TABLE_READERS", "Problem", "ReadResult", "load_text", "read_files", "read_lines", "read_pdf", "read_text"]
