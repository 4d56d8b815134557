"""Excluded FRUS ids: every id that occurs in the repo (git grep) and every div id in tests/data/tei excerpts."""
import re, subprocess, glob, os, json
from xml.etree import ElementTree as ET
VOLS = ("frus1936v03", "frus1918Russiav03", "frus1894Nicaragua")
def excluded():
    ex = {v: set() for v in VOLS}
    out = subprocess.run(["git", "-C", "/work/main", "grep", "-ohE", "--untracked", r"frus(1936v03|1918Russiav03|1894Nicaragua)[:#/ _-]*d[0-9]+", "--", ".", ":!tests/data/holdout_fourteenth/frus_tei.json", ":!tests/data/holdout_fourteenth/README_part_a.md"],
                         capture_output=True, text=True).stdout
    for m in re.finditer(r"(frus(?:1936v03|1918Russiav03|1894Nicaragua))[:#/ _-]*d([0-9]+)", out):
        ex[m.group(1)].add(int(m.group(2)))
    # also README-style lists "frus1936v03.xml`: d2, d8, ..."
    out = subprocess.run(["git", "-C", "/work/main", "grep", "-hE", "--untracked", r"frus(1936v03|1918Russiav03|1894Nicaragua)", "--", ".", ":!tests/data/holdout_fourteenth/frus_tei.json", ":!tests/data/holdout_fourteenth/README_part_a.md"],
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        for v in VOLS:
            if v in line:
                tail = line.split(v, 1)[1]
                for d in re.findall(r"\bd(\d+)\b", tail):
                    ex[v].add(int(d))
    for f in glob.glob("/work/main/tests/data/tei/*.xml"):
        name = os.path.basename(f)
        vol = next((v for v in VOLS if name.startswith(v)), None)
        if not vol: continue
        text = open(f, encoding="utf-8").read()
        for d in re.findall(r'xml:id="d(\d+)"', text):
            ex[vol].add(int(d))
    return ex
if __name__ == "__main__":
    ex = excluded()
    for v in VOLS: print(v, len(ex[v]), sorted(ex[v]))

def excluded_strict():
    """Also every bare 'dN' on any repo line without a volume name (wrapped README lists), for all three volumes."""
    ex = excluded()
    out = subprocess.run(["git", "-C", "/work/main", "grep", "-hE", "--untracked", r"\bd[0-9]+\b", "--", "tests/data/holdout*/*.md", ":!tests/data/holdout_fourteenth/README_part_a.md"],
                         capture_output=True, text=True).stdout
    extra = set()
    for line in out.splitlines():
        if any(v in line for v in VOLS): continue
        for d in re.findall(r"\bd(\d+)\b", line):
            extra.add(int(d))
    for v in VOLS: ex[v] |= extra
    return ex
