"""Cut a conference into turns at paragraph-initial labels (the forms found by reading row32.txt, row281.txt)."""
import re, sys
from list_rows import records
ITEM = r"(?:\[\d+\.\s*\]\s*)?"          # '[2.] Q.' and '[1. ] Q.' (Kennedy)
LABELS = [
    r"THE PRESIDENT[.,]",                 # 'THE PRESIDENT, I know of no …' (Kennedy, comma for period)
    r"Q\.",
    r"FRANK CORMIER \[Associated Press\]\.",
    r"Reporter:",
]
LAB = re.compile(r"^" + ITEM + "(" + "|".join(LABELS) + r")\s*")
def cut(row):
    r = next(r for r in records() if r.extra.get("table_row") == row)
    turns = []
    for i, p in enumerate(r.text.split("\n\n")):
        m = LAB.match(p)
        if not m:
            continue
        turns.append({"para": i, "label": m.group(1), "starts_with": p[m.end():][:50]})
    return r, turns
if __name__ == "__main__":
    r, turns = cut(int(sys.argv[1]))
    for n, t in enumerate(turns):
        print(n, t["para"], repr(t["label"]), repr(t["starts_with"]))
