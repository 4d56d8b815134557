"""Hand-entered labels for the twelfth key's FRUS TEI documents, part B (frus1936v03 d300 and above,
frus1918Russiav03, frus1894Nicaragua); writes holdout_twelfth/frus_tei.json and labelled_index.json (scratch: the
paragraph index each passage was read from, for check_twelfth.py). Adapted from /work/keywork/eleventh_frus/.
Every value below was decided by reading the document (tei_read.py, meta_raw.py output)."""
import json
from pathlib import Path
from labels_common import P, HULL, LANSING_R, GRESHAM_R, passage, N, SIG, HEAD, S, doc, paragraphs
from excluded import excluded_strict

OUT = Path("/work/main/tests/data/holdout_twelfth/frus_tei.json")
INDEX = Path("/work/keywork/twelfth_frus_b/labelled_index.json")

DOCS = []


def labelled(id_, meta, labels, gaps=None):
    DOCS.append(("labelled", id_, meta, labels, gaps or []))


def metadata(id_, meta):
    DOCS.append(("meta", id_, meta, None, None))


def base(id_, title, doc_type, date, date_text, time_text, place, citation, participants, notes,
         signed_by=None, labelled_doc=True):
    m = {"id": id_, "doc_number": int(id_.split(":d")[1]), "title": title, "doc_type": doc_type,
         "date_start": date, "date_end": date, "date_precision": "day", "date_text": date_text,
         "time_text": time_text, "place": place, "classification": None, "classification_text": None,
         "citation_contains": citation, "original_language": "English", "participants": participants}
    if labelled_doc:
        m.update({"has_participants_block": False, "drafted_by": None})
    if signed_by:
        m["signed_by"] = signed_by
    m["notes"] = notes
    return m



#LABELS

# ---------------------------------------------------------------- build and self-checks ---------
def build():
    ex = excluded_strict()
    out, index, bad = [], {}, 0
    for kind, id_, meta, labels, gaps in DOCS:
        vol, n = id_.split(":d")
        if int(n) in ex[vol]:
            bad += 1; print("EXCLUDED document used:", id_)
        title, text = doc(id_)
        if title != meta["title"]:
            bad += 1; print("title differs", id_, repr(title))
        entry = dict(meta)
        if kind == "labelled":
            paras = paragraphs(text)
            passages, idx = [], []
            for (i, speaker, evidence, basis, k, acc, note) in labels:
                p = passage(paras, i, speaker, evidence, basis, k, acc, note)
                passages.append(p); idx.append(i)
                for piece in (evidence or "").split("; "):
                    if not piece:
                        continue
                    if piece.startswith("ctx:"):
                        if not any(piece[4:] in q for q in paras[:i]):
                            bad += 1; print("ctx not earlier", id_, i, piece)
                    elif piece not in paras[i]:
                        bad += 1; print("evidence not in paragraph", id_, i, piece)
                if speaker is None and acc:
                    bad += 1; print("accept_null on null", id_, i)
            declared = set()
            for g in gaps:
                nums = [int(x) for x in g.split(":")[0].replace("paragraphs", "").replace("paragraph", "").split("-")]
                declared.update(range(nums[0], nums[-1] + 1))
            if idx != sorted(idx) or len(set(idx)) != len(idx):
                bad += 1; print("order", id_)
            for j in range(1, max(idx) + 1):
                if j not in idx and j not in declared:
                    bad += 1; print("undeclared gap", id_, j)
            # the declared gaps must reach exactly to the end of the inclosures, i.e. cover every paragraph after
            # the last labelled one up to the last non-footnote paragraph
            entry["passages"] = passages
            index[id_] = idx
        out.append(entry)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    INDEX.write_text(json.dumps(index, indent=1), encoding="utf-8")
    n_pass = sum(len(d.get("passages", [])) for d in out)
    print(f"documents {len(out)}, labelled {len(index)}, passages {n_pass}, bad {bad}")


if __name__ == "__main__":
    build()
