import re,sys,collections
sys.path.insert(0,'/work/keywork/thirteenth_b')
from tei_read import volume, VOLS
from excluded import excluded_strict
ex=excluded_strict()
PH=re.compile(r"\b(advised me|informs me|informed me|told me|tells me|says|states|stated|promised|agreed|explained|urged|suggested|discussed|conference with|interview|spoke|talk|called|assured me|replied|answered|asked me|I said|I told|I stated|I pointed|I informed|I replied|I suggested|I asked|he said|he stated|he would|they would)\b", re.I)
for v in VOLS:
    for did,(t,text) in volume(v).items():
        if int(did.split(':d')[1]) in ex[v]: continue
        hits=PH.findall(text)
        if len(hits)>=2: print(did, len(hits), len(text), collections.Counter(h.lower() for h in hits).most_common(6), t[:70])
