"""The scorer's lookup lands on the very paragraph that was labelled (by index in record.text split on
blank lines), for every passage and section start; labelled stretches have no gaps other than declared."""
import json
import sys

sys.path.insert(0, "/work/main")
sys.path.insert(0, "/work/keywork/tenth_jfk")
from corpus.text import clean_inline  # noqa: E402
from tests.test_speakers import _paragraph_start  # noqa: E402
from jfk_show import paragraphs  # noqa: E402

GAPS = {  # declared gaps inside the labelled stretches: page stamps, routing names, OCR debris
    "jfk_doc_383": [7, 19, 20, 22],
    "jfk_doc_198": [13, 14, 15],
    "jfk_doc_42": [13],
    "jfk_doc_1007": [36, 37, 39, 43, 44, 45, 46, 47, 49],
    "jfk_doc_1017": [37],
}
# paragraphs between two labelled stretches of one file (not gaps: outside the stretches); none in this key
BETWEEN = {}
gold = json.load(open("/work/main/tests/data/holdout_tenth/records.json", encoding="utf-8"))
index = json.load(open("/work/keywork/tenth_jfk/labels_index.json"))
bad = 0
for doc in gold:
    record, ps = paragraphs(doc["native_id"].split("_")[-1])
    offsets, pos = [], 0
    for p in ps:
        offsets.append(pos)
        pos += len(p) + 2
    want = index[doc["native_id"]]["passages"]
    for entry, i in zip(doc["passages"], want):
        start = _paragraph_start(record.text, clean_inline(entry["starts_with"]))
        if start not in offsets or offsets.index(start) != i:
            bad += 1
            print("BAD", doc["native_id"], i, repr(entry["starts_with"]), "lands on",
                  offsets.index(start) if start in offsets else start)
    for section, i in zip(doc["sections"], index[doc["native_id"]]["sections"]):
        start = _paragraph_start(record.text, clean_inline(section["starts_with"]))
        if start not in offsets or offsets.index(start) != i:
            bad += 1
            print("BAD section", doc["native_id"], i)
    if len(want) != len(doc["passages"]):
        bad += 1
        print("BAD count", doc["native_id"])
    covered = set(want) | set(GAPS[doc["native_id"]]) | set(BETWEEN.get(doc["native_id"], []))
    holes = [i for i in range(min(want), max(want) + 1) if i not in covered]
    stray = [i for i in GAPS[doc["native_id"]] if i in want or not (min(want) < i < max(want))]
    if holes or stray:
        bad += 1
        print("BAD stretch", doc["native_id"], "undeclared holes", holes, "stray gaps", stray)
    print(f"{doc['native_id']}: paragraphs {min(want)}-{max(want)}, {len(want)} labelled, "
          f"{len(GAPS[doc['native_id']])} declared gaps")
print(f"bad {bad}")
