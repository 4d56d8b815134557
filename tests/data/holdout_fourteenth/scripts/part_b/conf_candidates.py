import csv, sys, subprocess, collections, datetime
csv.field_size_limit(10**9)
P = "/work/shared/corpus/presidential-news-conferences-debates/US_News_Conferences_1960_1980.csv"
rows = list(csv.DictReader(open(P, encoding="utf-8")))
count = collections.Counter((r["president"], r["date"]) for r in rows)
datecount = collections.Counter(r["date"] for r in rows)
def in_repo(s):
    return subprocess.run(["git", "-C", "/work/main", "grep", "-q", "--untracked", "-F", s]).returncode == 0
out = []
for i, r in enumerate(rows):
    pass
    if count[(r["president"], r["date"])] > 1 or datecount[r["date"]] > 1: continue
    d = datetime.date.fromisoformat(r["date"])
    written = f"{d:%B} {d.day}, {d.year}"
    if in_repo(r["date"]) or in_repo(written): continue
    q = r["text"].count("Q.")
    out.append((r["president"], r["date"], len(r["text"]), q, i))
for o in out: print(*o, sep="\t")
