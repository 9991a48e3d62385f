"""Reading performance-target forms (绩效目标表)."""
