import re
from tei_read import volume, VOLS
from excluded import excluded_strict as excluded
ex = excluded()
PH = re.compile(r"\b(said|stated|told|replied|remarked|inquired|asked|informed me|assured|pointed out|observed|declared|conversation|interview|called on|called upon|audience)\b", re.I)
for v in VOLS:
    for did, (title, text) in volume(v).items():
        n = int(did.split(":d")[1])
        if n in ex[v]: continue
        c = len(PH.findall(text))
        print(f"{did}\t{c}\t{len(text)}\t{text.count(chr(10)*2)+1}\t{title[:100]}")
