"""Which JFK files are still usable for the eleventh key's records.json?

A file jfk_doc_N.md is excluded if `jfk_doc_N` occurs anywhere in the repository (git grep --untracked,
tracked and untracked), or if its bare number N is named in a list of any earlier key's README
(../holdout*/README*.md: files of earlier keys, rejected candidates, files looked at and not used, files
passed over). Reads no document text and runs no project code; prints only file names and counts."""
import re
import subprocess
from pathlib import Path

ROOT = Path("/work/shared/corpus/jfk-nara-2025-ocr-cuba/jfk_markdown")
REPO = Path("/work/main")
files = sorted(ROOT.glob("jfk_doc_*.md"), key=lambda p: int(p.stem.split("_")[-1]))

# bare numbers named in the JFK lists of the earlier keys' READMEs: every number in a line that also
# names a JFK file or sits in a list of file numbers (a run of >= 2 comma-separated numbers)
listed = {}
for readme in sorted((REPO / "tests/data").glob("holdout*/README*.md")):
    if readme.parent.name == "holdout_eleventh":
        continue
    for line in readme.read_text(encoding="utf-8").splitlines():
        if (re.search(r"\b\d{1,4}(, \d{1,4})+", line) or "jfk" in line.lower()
                or re.match(r"\s*- \d{1,4}( and \d{1,4})?:", line)):
            for n in re.findall(r"(?<![\w.:-])(\d{1,4})(?![\w./-]|:\d)", line):
                listed.setdefault(n, readme.parent.name)

counts = {"git grep": 0, "README list": 0, "free": 0}
free = []
for path in files:
    name, n = path.stem, path.stem.split("_")[-1]
    hit = subprocess.run(["git", "-C", str(REPO), "grep", "--untracked", "-q", "-w", name,
                          "--", ".", ":!tests/data/holdout_eleventh"]).returncode == 0
    if hit:
        counts["git grep"] += 1
    elif n in listed:
        counts["README list"] += 1
        print(f"{name}: named by number in {listed[n]}/README.md")
    else:
        counts["free"] += 1
        free.append(name)
print(f"files {len(files)}:", ", ".join(f"{k} {v}" for k, v in counts.items()))
print("free:", free or "none")
