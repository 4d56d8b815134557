"""Cut a conference into turns at paragraph-initial labels (the forms found by reading row338.txt, row170.txt)."""
import re, sys
from list_rows import records
ITEM = r"(?:\[\d+\.\]\s*)?"
LABELS = [
    r"THE PRESIDENT\.",
    r"SECRETARY M[Cc]NAMARA\.", r"GENERAL WHEELER\.", r"GENERAL WESTMORELAND\.", r"MR\. SPIVAK\.",  # Johnson 1967-07-13
    r"Mr\. Spivak:",                                                  # closing thanks (Johnson)
    r"Q\. [A-Z][A-Za-z. ,'()-]{3,80}?, [A-Z][A-Za-z. &()'-]{2,60}:",  # Q. Name, Paper: (Eisenhower)
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
        label = m.group(1)
        rest = p[m.end():]
        turns.append({"para": i, "label": label, "starts_with": rest[:50]})
    return r, turns
if __name__ == "__main__":
    r, turns = cut(int(sys.argv[1]))
    for n, t in enumerate(turns):
        print(n, t["para"], repr(t["label"]), repr(t["starts_with"]))
