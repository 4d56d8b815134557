"""Hand-entered labels for the twelfth key's FRUS TEI documents, part B (frus1936v03 d300 and above,
frus1918Russiav03, frus1894Nicaragua); writes holdout_thirteenth/frus_tei.json and labelled_index.json (scratch: the
paragraph index each passage was read from, for check_twelfth.py). Adapted from /work/keywork/eleventh_frus/.
Every value below was decided by reading the document (tei_read.py, meta_raw.py output)."""
import json
from pathlib import Path
from labels_common import P, HULL, LANSING_R, GRESHAM_R, passage, N, SIG, HEAD, S, doc, paragraphs
from excluded import excluded_strict

OUT = Path("/work/main/tests/data/holdout_thirteenth/frus_tei.json")
INDEX = Path("/work/keywork/thirteenth_b/labelled_index.json")

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



