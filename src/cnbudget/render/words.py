"""The fixed words of reports in Chinese and English (报告用语), and rule titles in either.

Reports are Chinese by default; ``lang="en"`` prints the fixed words and the rule titles in English.
Findings' messages stay as the rules wrote them (Chinese).

>>> words = Words("en")
>>> words["errors"], Words("zh")["errors"]
('errors', '错误')
>>> words.title("ROW-001"), Words("zh").title("ROW-001")
('Expenditure total = basic + project', '支出合计 = 基本支出 + 项目支出')
>>> words.severity("info"), Words("zh").severity("info")
('info', '提示')
"""

from __future__ import annotations

from cnbudget.model.kinds import KINDS
from cnbudget.validation import RULES

__all__ = ["LANGUAGES", "WORDS", "Words"]

#: The languages reports are printed in.
LANGUAGES = ("zh", "en")

#: Every fixed word: key → (Chinese, English).
WORDS: dict[str, tuple[str, str]] = {
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "info": ("提示", "info"),
    "errors": ("错误", "errors"),
    "warnings": ("警告", "warnings"),
    "infos": ("提示", "info"),
    "source": ("文件", "source"),
    "department": ("部门", "department"),
    "year": ("年度", "year"),
    "tables": ("表格", "tables"),
    "tables_read": ("已读取/印出", "read/printed"),
    "read": ("已读取", "read"),
    "printed": ("印出", "printed"),
    "not_read_tables": ("未能读取", "not read"),
    "other_tables": ("未收录种类、未检查", "other kinds, not checked"),
    "tables_elsewhere": ("表格另行公开", "tables published separately"),
    "comparisons": ("核对", "comparisons"),
    "budget_of": ("年部门预算", "budget"),
    "outcome": ("结果", "outcome"),
    "checked": ("已检查", "checked"),
    "not_read": ("未能读取", "not read"),
    "final_accounts": ("部门决算，不读取", "final accounts, not read"),
    "failed": ("内部错误", "internal error"),
    "passed_over": ("不是预算公开文件，略过", "not a disclosure, passed over"),
    "documents": ("份文件", "documents"),
    "totals": ("合计", "totals"),
    "frequent_rules": ("最常见的规则", "most frequent rules"),
    "skipped": ("其他类型的文件未检查", "files of other kinds not checked"),
    "accepted": ("已接受（不再列出）", "accepted (not listed)"),
    "interrupted": ("已中断", "interrupted"),
    "done_of": ("已完成", "done"),
    "problems_elsewhere": ("处未能读取，见标准错误输出；这些部分未经检查",
                           "part(s) could not be read, listed on standard error; they were not checked"),
    "problems_below": ("处未能读取，这些部分未经检查（见文末）",
                       "part(s) could not be read and were not checked (listed at the end)"),
    "no_findings": ("未发现问题", "no findings"),
    "report_title": ("预算公开检查报告", "Budget disclosure check"),
    "findings": ("检查发现", "findings"),
    "findings_elsewhere": ("其他检查发现（说明文字、绩效目标、目录等）",
                           "other findings (narrative, performance targets, contents …)"),
    "reading_problems": ("未能读取的部分", "parts that could not be read"),
    "unit": ("单位", "unit"),
    "back": ("返回总览", "back to the overview"),
    "to_cell": ("查看单元格", "see the cell"),
    "to_finding": ("查看说明", "see the finding"),
    "expected": ("应为", "expected"),
    "actual": ("印为", "printed"),
    "related": ("相关", "related"),
    "rule": ("规则", "rule"),
    "severity": ("严重程度", "severity"),
    "title": ("规则名称", "title"),
    "count": ("次数", "count"),
    "contents": ("目录", "contents"),
    "row_name": ("名称", "name"),
    "table_not_laid_out": ("此表未能读取，无法列出", "this table was not read and cannot be shown"),
    "generated": ("由 cnbudget 生成", "made by cnbudget"),
    "legend": ("标出的单元格是检查发现所指之处；点击标记查看说明。",
               "Marked cells are where findings point; follow a mark to its finding."),
    "place": ("位置", "place"),
    "message": ("说明", "message"),
    "statements": ("说明文字", "narrative"),
    "other_matters": ("其他重要事项", "other matters"),
    "line": ("第 {n} 行", "line {n}"),
    "page": ("第 {n} 页", "page {n}"),
}


class Words:
    """The fixed words of one language (``zh`` or ``en``)."""

    def __init__(self, lang: str = "zh") -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"language {lang!r}: reports are printed in {', '.join(LANGUAGES)}")
        self.lang = lang
        self._index = LANGUAGES.index(lang)

    @property
    def colon(self) -> str:
        """：or ": "."""
        return "：" if self.lang == "zh" else ": "

    @property
    def comma(self) -> str:
        """，or ", "."""
        return "，" if self.lang == "zh" else ", "

    @property
    def list_comma(self) -> str:
        """、(between names) or ", "."""
        return "、" if self.lang == "zh" else ", "

    @property
    def semicolon(self) -> str:
        """；or "; "."""
        return "；" if self.lang == "zh" else "; "

    def __getitem__(self, key: str) -> str:
        return WORDS[key][self._index]

    def severity(self, value: str) -> str:
        """The word for a severity (``error``, ``warning``, ``info``)."""
        return self[value]

    def place(self, key: str) -> str:
        """What a place's table key names: a table or form by its standard title, the narrative, the other
        matters (for the places findings name outside the tables)."""
        if key in WORDS:
            return self[key]
        kind = KINDS.get(key)
        return kind.title if kind is not None else key

    def title(self, rule_id: str) -> str:
        """A rule's title in this language (its Chinese title where no English one exists yet)."""
        rule = RULES.get(rule_id)
        if rule is None:
            return rule_id
        if self.lang == "en":
            return rule.title_en or rule.title
        return rule.title
