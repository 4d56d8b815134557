"""Print a JFK file's paragraphs (record.text split on blank lines) with their index. Only ids, titles, texts."""
import sys
from pathlib import Path
sys.path.insert(0, "/work/main")
from corpus.readers import ReadOptions, frontmatter
from corpus.record import DocumentRecord

ROOT = Path("/work/shared/corpus/jfk-nara-2025-ocr-cuba/jfk_markdown")

def paragraphs(n):
    path = ROOT / f"jfk_doc_{n}.md"
    recs = [r for r in frontmatter.read(path, path.read_text(encoding="utf-8"), ReadOptions(root=path.parent))
            if isinstance(r, DocumentRecord)]
    assert len(recs) == 1, len(recs)
    r = recs[0]
    return r, r.text.split("\n\n")

if __name__ == "__main__":
    n = sys.argv[1]
    lo = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    hi = int(sys.argv[3]) if len(sys.argv) > 3 else 10**9
    r, ps = paragraphs(n)
    print("native_id", r.native_id, "| title", r.title, "| paragraphs", len(ps))
    for i, p in enumerate(ps):
        if lo <= i <= hi:
            print(f"[{i}] {p}")
