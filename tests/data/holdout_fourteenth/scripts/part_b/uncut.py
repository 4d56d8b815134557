import sys
from cut_turns import cut
for row in map(int, sys.argv[1:]):
    r, turns = cut(row)
    cutp = {t["para"] for t in turns}
    print("==", row)
    for i, p in enumerate(r.text.split("\n\n")):
        if i not in cutp: print(i, p[:70])
