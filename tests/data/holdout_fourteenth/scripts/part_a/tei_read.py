"""Read the three volumes with the project's reader: ids, titles, paragraph texts only."""
import sys
sys.path.insert(0, "/work/main")
from pathlib import Path
from functools import lru_cache
from corpus.readers import ReadOptions, frus_tei
from corpus.record import DocumentRecord
CORPUS = Path("/work/shared/corpus/frus-tei-unreviewed")
VOLS = ("frus1936v03", "frus1918Russiav03", "frus1894Nicaragua")

@lru_cache(maxsize=None)
def volume(vol):
    path = CORPUS / f"{vol}.xml"
    out = {}
    for r in frus_tei.read(path, path.read_text(encoding="utf-8"), ReadOptions()):
        if isinstance(r, DocumentRecord):
            out[f"{r.source}:{r.native_id}"] = (r.title, r.text)
    return out

def paragraphs(text):
    return text.split("\n\n")

def doc(did):
    vol = did.split(":")[0]
    return volume(vol)[did]

if __name__ == "__main__":
    did = sys.argv[1]
    title, text = doc(did)
    print("TITLE:", title)
    for i, p in enumerate(paragraphs(text)):
        print(f"[{i}] {p}")
        print()
