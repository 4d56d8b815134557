import re
from tei_read import volume, VOLS
from excluded import excluded_strict
ex = excluded_strict()
done = {"d375","d17","d221","d416","d157","d168","d387","d355","d578","d579","d583","d513","d248","d251","d233","d472","d67","d454","d25","d331","d238","d68","d112","d133"}
PH = re.compile(r"\b([A-Z][a-z]+|[Hh]e|I) (has |had |have )?(just )?(said|stated|told|informed|replied|assured|declared|explained|remarked|expressed|asked|inquired|pointed out|added|urged|mentioned|called)\b")
for v in VOLS:
    for did,(title,text) in volume(v).items():
        n=int(did.split(":d")[1])
        if n in ex[v] or did.split(":")[1] in done: continue
        hits=[m.group(0) for m in PH.finditer(text)]
        if hits: print(did, len(text), title[:60], hits[:6])
