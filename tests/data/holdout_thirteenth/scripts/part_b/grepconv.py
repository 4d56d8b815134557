import re,sys
sys.path.insert(0,'/work/keywork/thirteenth_b')
from tei_read import volume, VOLS
from excluded import excluded_strict
ex=excluded_strict()
PH=re.compile(r"\b(said|stated|told|replied|remarked|inquired|asked|informed me|assured|pointed out|observed|declared|conversation|interview|called on|called upon|audience|I said|he said|expressed|requested me|mentioned)\b", re.I)
for v in VOLS:
    for did,(t,text) in volume(v).items():
        if int(did.split(':d')[1]) in ex[v]: continue
        for i,p in enumerate(text.split('\n\n')):
            m=PH.search(p)
            if m: print(did, i, len(text.split('\n\n')), '|', p[max(0,m.start()-100):m.end()+80].replace('\n',' '))
