"""The tabular reader's records for the conference CSV: table_row and title only (no date printed)."""
import sys
sys.path.insert(0, "/work/main")
from pathlib import Path
from functools import lru_cache
from corpus.readers import ReadOptions, tabular
from corpus.record import DocumentRecord
P = Path("/work/shared/corpus/presidential-news-conferences-debates/US_News_Conferences_1960_1980.csv")
@lru_cache(maxsize=1)
def records():
    return [r for r in tabular.read(P, P.read_text(encoding="utf-8"), ReadOptions()) if isinstance(r, DocumentRecord)]
def by_title(title):
    return [r for r in records() if r.title == title]
if __name__ == "__main__":
    for want in sys.argv[1:]:
        for r in records():
            if want in r.title:
                print(r.extra.get("table_row"), r.title, len(r.text))
