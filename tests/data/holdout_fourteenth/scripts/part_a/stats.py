import json, collections
g = json.load(open("/work/main/tests/data/holdout_fourteenth/frus_tei.json"))
P = [p for d in g for p in d.get("passages", [])]
sp = [p for p in P if p["speaker"]]
print("documents", len(g), "with passages", sum(1 for d in g if d.get("passages")), "passages", len(P))
print("speaker", len(sp), "accept_null", sum(1 for p in sp if p.get("accept_null")), "firm", sum(1 for p in sp if not p.get("accept_null")))
print("null", len(P) - len(sp), collections.Counter(p["kind"] for p in P if not p["speaker"]))
print("doc_type", collections.Counter(d["doc_type"] for d in g))
print("participants", sum(len(d["participants"]) for d in g), "metadata fields", sum(3 + len(d["participants"]) for d in g))
for d in g:
    ps = d.get("passages", [])
    print(d["id"], d["doc_type"], d["date_start"], len(ps), "speakers:", sorted({(p["speaker"], bool(p.get("accept_null"))) for p in ps if p["speaker"]}))
