"""Cut a conference into turns at paragraph-initial labels (forms found by reading row245.txt, row96.txt, row343.txt).
A topic heading in capitals and an item number may come before the label (Ford 1974-10-21: 'CUBA [5.] Q.')."""
import re, sys
from list_rows import records
ITEM = r"(?:\[\d+\.\]\s*)?"
HEAD = r"(?:[A-Z][A-Z ,'-]+ )?"
LABELS = [
    r"THE PRESIDENT \[reading\]\.", r"THE PRESIDENT\.",
    r"PRESIDENT FORD\.", r"PRESIDENT ECHEVERRIA\.", r"PRESIDENT ECHEVEIRRIA\.",
    r"Mr\. Valenti:", r"Reporter:", r"REPORTER\.", r"\[Speaker unidentified\]:",
    r"Q\. Mr\. [A-Z][a-z]+[:.]",
    r"Q\. [A-Z][A-Za-z. ]{3,60}?, [A-Z][A-Za-z. &()'-]{2,60}:",
    r"Q\.",
]
LAB = re.compile(r"^" + HEAD + ITEM + "(" + "|".join(LABELS) + r")\s*" + ITEM)
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
