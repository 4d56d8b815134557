import re
from tei_read import volume, VOLS
from excluded import excluded_strict
ex = excluded_strict()
PH = re.compile(r"\b(I told|I said|I replied|I pointed out|I stated|I asked|I inquired|I expressed|I explained|I remarked|[Hh]e said|[Hh]e stated|[Hh]e replied|[Hh]e told|[Hh]e added|[Hh]e remarked|[Hh]e assured|[Hh]e informed|[Hh]e expressed|[Hh]e asked|told me|informed me|assured me|said that|stated that|replied that|called on me|called upon me|called on|called to see|came to see|declared|conversation|interview)\b")
for v in VOLS:
    rows=[]; tot=0
    for did,(title,text) in volume(v).items():
        n=int(did.split(":d")[1])
        if n in ex[v]: continue
        tot+=1
        c=len(PH.findall(text))
        rows.append((c,did,len(text),title[:80]))
    print("==",v,"unused",tot, "excluded", len(ex[v]))
    for r in sorted(rows,reverse=True)[:25]: print(*r,sep="\t")
