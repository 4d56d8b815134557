import re
from tei_read import volume, VOLS
from excluded import excluded_strict
ex = excluded_strict()
PH = re.compile(r"\b(said|told|informs? me|informed|stated|asked|replied|talk|conversation|urged|remarked|inquired|declared|expressed|assured|explained|call(ed)? (on|upon)|saw|interview|audience)\b")
for v in VOLS:
    rows=[]
    for did,(title,text) in volume(v).items():
        n=int(did.split(":d")[1])
        if n in ex[v]: continue
        c=len(PH.findall(text))
        if c>=2: rows.append((c,did,len(text),title[:80]))
    print("==",v)
    for r in sorted(rows,reverse=True)[:30]: print(*r,sep="\t")
