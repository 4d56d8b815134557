"""Print a conference's paragraphs (reader text split on blank lines) with indices; no date/speaker printed."""
import sys
from list_rows import records
row = int(sys.argv[1])
r = next(r for r in records() if r.extra.get("table_row") == row)
print("TITLE:", r.title)
for i, p in enumerate(r.text.split("\n\n")):
    print(f"[{i}] {p}")
