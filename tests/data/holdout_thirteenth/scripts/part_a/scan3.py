import re
from tei_read import volume
from excluded import excluded_strict
ex = excluded_strict()
PH = re.compile(r"\b(I told|I said|I replied|I pointed out|I stated|I asked|I inquired|I expressed|I explained|I remarked|[Hh]e said|[Hh]e stated|[Hh]e replied|[Hh]e told|[Hh]e added|[Hh]e remarked|[Hh]e assured|[Hh]e informed|[Hh]e expressed|[Hh]e asked|told me|informed me|assured me|said that|stated that|replied that|called on me|called upon me|called on|called to see|came to see)\b")
rows=[]
for did,(title,text) in volume("frus1936v03").items():
    n=int(did.split(":d")[1])
    if n in ex["frus1936v03"]: continue
    c=len(PH.findall(text))
    if c: rows.append((c,did,len(text),title[:90]))
for r in sorted(rows,reverse=True): print(*r,sep="\t")
