import re
from tei_read import volume, VOLS
from excluded import excluded_strict as excluded
ex = excluded()
PH = re.compile(r"\b(I told|told me|he said|He said|said that|stated that|I said|I replied|replied that|remarked|I asked|asked me|I pointed out|informed me|assured me|I stated|observed that)\b")
for v in VOLS:
    for did, (title, text) in volume(v).items():
        n = int(did.split(":d")[1])
        if n in ex[v]: continue
        c = len(PH.findall(text))
        print(f"{did}\t{c}\t{len(text)}\t{title[:110]}")
