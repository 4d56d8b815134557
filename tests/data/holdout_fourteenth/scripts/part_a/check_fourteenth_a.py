"""The scorer's lookup (tests.test_speakers._paragraph_start with clean_inline) on every passage:
found at a paragraph start, in order, on different paragraphs, on the very paragraph labelled (by index);
ids and titles equal the reader's."""
import sys, json
sys.path.insert(0, "/work/main")
from tests.test_speakers import _paragraph_start
from corpus.text import clean_inline
from tei_read import volume, paragraphs
gold = json.load(open("/work/main/tests/data/holdout_fourteenth/frus_tei.json"))
index = json.load(open("/work/keywork/fourteenth_a/labelled_index.json"))
bad = n = 0
ids = set()
for d in gold:
    if d["id"] in ids:
        bad += 1; print("duplicate id", d["id"])
    ids.add(d["id"])
    recs = volume(d["id"].split(":")[0])
    if d["id"] not in recs:
        bad += 1; print("no record", d["id"]); continue
    title, text = recs[d["id"]]
    if title != d["title"]:
        bad += 1; print("title", d["id"])
    if not d.get("passages"):
        continue
    offs, o = [], 0
    for p in paragraphs(text):
        offs.append(o); o += len(p) + 2
    last = -1
    for k, e in enumerate(d["passages"]):
        n += 1
        s = _paragraph_start(text, clean_inline(e["starts_with"]))
        if s < 0 or (s > 0 and text[s-2:s] != "\n\n"):
            bad += 1; print("not at a paragraph start", d["id"], e["starts_with"]); continue
        if s <= last:
            bad += 1; print("order/same paragraph", d["id"], e["starts_with"])
        last = s
        para = offs.index(s) if s in offs else None
        if para != index[d["id"]][k]:
            bad += 1; print("lands on another paragraph", d["id"], e["starts_with"], para, index[d["id"]][k])
print(f"passages {n}, bad {bad}")
# evidence pieces occur in their paragraph (ctx: pieces in an earlier one); three volumes; none excluded
from excluded import excluded_strict
ex = excluded_strict()
bad2 = 0
for d in gold:
    vol, num = d["id"].split(":d")
    if vol not in ("frus1936v03", "frus1918Russiav03", "frus1894Nicaragua") or int(num) in ex[vol]:
        bad2 += 1; print("unknown volume or excluded", d["id"])
    if not d.get("passages"):
        continue
    paras = paragraphs(volume(vol)[d["id"]][1])
    for k, e in enumerate(d["passages"]):
        i = index[d["id"]][k]
        for piece in (e.get("evidence") or "").split("; "):
            if not piece: continue
            if piece.startswith("ctx:"):
                if not any(piece[4:] in q for q in paras[:i]): bad2 += 1; print("ctx", d["id"], i, piece)
            elif piece not in paras[i]:
                bad2 += 1; print("evidence", d["id"], i, piece)
print(f"documents {len(gold)}, evidence/exclusion bad {bad2}")
