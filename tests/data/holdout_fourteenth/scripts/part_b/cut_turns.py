"""Cut a conference into turns at paragraph-initial labels (forms found by reading row17.txt, row85.txt,
row201.txt and row339.txt). An item number may come before or after the label ('[2.] Q.', 'THE PRESIDENT. [1.]').
Topic headings in capitals are separate paragraphs in these four conferences and are not turns."""
import re, sys
from list_rows import records
ITEM = r"(?:\[\d+\.\]\s*)?"
LABELS = [
    r"THE PRESIDENT\.", r"MR\. CORMIER\.",
    r"Q\. Mrs?\. [A-Z][a-z]+:",
    r"Q\. [A-Z][A-Za-z. ]{3,60}?, [A-Z][A-Za-z. ,&()'-]{2,60}?:",
    r"[A-Z][A-Za-z. ]{3,60}?, (?:Associated Press|United Press International):",
    r"Q\.",
]
LAB = re.compile(r"^" + ITEM + "(" + "|".join(LABELS) + r")\s*" + ITEM)
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
