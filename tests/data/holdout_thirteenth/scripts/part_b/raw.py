import sys, re
vol, d = sys.argv[1].split(":")
x = open(f"/work/shared/corpus/frus-tei-unreviewed/{vol}.xml", encoding="utf-8").read()
i = x.find(f'xml:id="{d}"')
j = x.find('<div type="document"', i + 10)
print(x[x.rfind("<div", 0, i):j if j > 0 else i + 20000][:int(sys.argv[2]) if len(sys.argv) > 2 else 4000])
