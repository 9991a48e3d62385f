"""Lines, blocks and grids of published text (原文：行、表块、表格网格)."""
