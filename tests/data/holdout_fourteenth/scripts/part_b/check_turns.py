"""Scorer's lookup (tests.test_holdout._turn_position) on every turn: found, in order, at the cut paragraph.
Dates and titles compared with the reader's without printing them."""
import sys, json
sys.path.insert(0, "/work/main")
from tests.test_holdout import _turn_position
from list_rows import records
from cut_turns import cut
data = json.load(open("/work/main/tests/data/holdout_fourteenth/turns.json"))
bad = 0; n = 0
for doc in data:
    r = next(x for x in records() if x.extra.get("table_row") == doc["row"])
    if r.title != doc["title"]:
        bad += 1; print("title differs", doc["row"])
    if (r.date.start.isoformat() if r.date.start else None) != doc["date"]:
        bad += 1; print("date differs (not printed)", doc["row"])
    if doc["turn_count"] != len(doc["turns"]):
        bad += 1; print("turn_count", doc["row"])
    # paragraph starts of the cut turns
    paras = r.text.split("\n\n"); offs = []; o = 0
    for p in paras:
        offs.append(o); o += len(p) + 2
    _, cuts = cut(doc["row"])
    pos = 0; last = -1
    for k, turn in enumerate(doc["turns"]):
        n += 1
        start = _turn_position(r.text, turn, pos)
        if start < 0 or start <= last:
            bad += 1; print("not found / out of order", doc["row"], k, turn["starts_with"]); continue
        para = max(i for i, off in enumerate(offs) if off <= start)
        if para != cuts[k]["para"]:
            bad += 1; print("wrong paragraph", doc["row"], k, para, cuts[k]["para"])
        last = start; pos = start + 1
print(f"turns {n}, bad {bad}")
