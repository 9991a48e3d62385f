"""Reading the standard tables (标准表格的读取): descriptions, layouts, rows."""
