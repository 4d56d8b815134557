"""Print source note, head, dateline, opening and closer of a document from the TEI (reading aid)."""
import sys, re
def show(did):
    vol, d = did.split(":")
    x = open(f"/work/shared/corpus/frus-tei-unreviewed/{vol}.xml", encoding="utf-8").read()
    i = x.find(f'xml:id="{d}"'); s = x.rfind("<div", 0, i)
    j = x.find('<div type="document"', i + 10)
    block = x[s:j if j > 0 else len(x)]
    flat = re.sub(r"\s+", " ", block)
    for tag in ("note", "head", "dateline", "closer", "signed", "salute", "opener", "postscript"):
        for m in re.finditer(rf"<{tag}[ >].*?</{tag}>", flat):
            t = m.group(0)
            if tag == "note" and 'type="source"' not in t: continue
            plain = re.sub(r'<[^>]+>', '', t)[:300]
            attrs = ' '.join(re.findall(r'(?:when|notBefore|notAfter)="[^"]+"', t))
            print("  " + tag + ": " + plain + "  || " + attrs)
for did in sys.argv[1:]:
    print("==", did); show(did)
