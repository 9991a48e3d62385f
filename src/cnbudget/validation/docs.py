"""The rule reference (规则一览), generated from the rules the library runs: ``docs/rules.md`` is this text.

Regenerate it with ``cnbudget rules --markdown > docs/rules.md``; a test keeps the file in sync.
"""

from __future__ import annotations

from cnbudget.validation.registry import FAMILIES
from cnbudget.validation.rules import RULES

__all__ = ["rules_markdown"]


def rules_markdown() -> str:
    """Markdown listing every rule by family: id, Chinese title, default severity, identity."""
    out = [
        "# Rules (检查规则)",
        "",
        "Generated from the rules the library runs by `cnbudget rules --markdown`; do not edit by hand.",
        "Each finding carries its rule id. A finding that is only a matter of rounding is reported",
        "as `info` (提示) whatever the rule's severity; a rule whose inputs are absent does not run.",
        "",
    ]
    for family, (zh, en) in FAMILIES.items():
        members = [r for r in RULES.values() if r.family == family]
        if not members:
            continue
        out += [f"## {family}: {zh} ({en})", ""]
        for found in members:
            needs = ", ".join(f"`{n}`" for n in found.requires) or "—"
            english = f" ({found.title_en})" if found.title_en else ""
            out += [
                f"### {found.id} {found.title}{english}",
                "",
                f"Severity (严重程度): `{found.severity.value}` ({found.severity.zh}). Needs (所需输入): {needs}.",
                "",
                found.doc,
                "",
            ]
    return "\n".join(out).rstrip() + "\n"
