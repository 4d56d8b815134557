"""Cut a conference into turns at paragraph-initial labels (the forms found by reading row353.txt, row193.txt)."""
import re, sys
from list_rows import records
ITEM = r"(?:\[\d+\.\]\s*)?"
LABELS = [
    r"THE PRESIDENT\.",
    r"MR\. MOYERS\.", r"DR\. BURKLEY\.", r"DR\. GOULD\.", r"DR\. CAIN\.",   # Johnson 1966-11-03
    r"Q\. (?:Mr\.|Mrs\.|Miss) [A-Z][A-Za-z'-]+:",               # follow-up by surname
    r"Q\. [A-Z][A-Za-z. ,'()-]{3,80}?, [A-Z][A-Za-z. &()'-]{2,60}:",  # Q. Name, Paper:
    r"Q\.",
    r"Marvin L\. Arrowsmith, Associated Press:",   # closing thanks (Eisenhower)
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
