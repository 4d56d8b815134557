"""Build tests/data/holdout_tenth/records.json (the JFK half of the tenth key).

Every label below was decided by reading the paragraphs (jfk_show.py prints them with their index).
starts_with is copied mechanically: the first 50 characters of the labelled paragraph.
The paragraph indexes are also written to labels_index.json (scratch) for check_index.py.
Copied from /work/keywork/ninth_jfk/build_records.py and adapted (the labels are new).
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, "/work/keywork/tenth_jfk")
from jfk_show import paragraphs  # noqa: E402

OUT = Path("/work/main/tests/data/holdout_tenth/records.json")
INDEX = Path("/work/keywork/tenth_jfk/labels_index.json")
SOURCE = "jfk-nara-2025-ocr-cuba"


def P(name, match_key, role, as_printed):
    return {"name": name, "match_key": match_key, "role": role, "as_printed": as_printed, "kind": "person"}


def L(i, speaker=None, basis="none", kind="text", evidence=None, acc=False, frag=False, note=None):
    return dict(i=i, speaker=speaker, basis=basis, kind=kind, evidence=evidence, acc=acc, frag=frag, note=note)


H = "heading"

# ---------------------------------------------------------------------------------------------
SANDO, HAUER = "Vernon R. Sando", "George Hauer"
D42 = dict(
    n=42,
    participants=[P(SANDO, "Sando", "author", "VERNON R. SANDO"), P(HAUER, "Hauer", "participant", "George Hauer")],
    sections=[dict(i=5, doc_type="memorandum", date="1962-08-31", date_text="31 August 1962",
                   participants=[P(SANDO, "Sando", "author", "VERNON R. SANDO"),
                                 P(HAUER, "Hauer", "participant", "George Hauer")])],
    notes=[
        "A CIA memorandum, 31 August 1962, from the Chief, Minneapolis Office (signed VERNON R. SANDO) to the Chief, "
        "Contact Division, attention Support Branch (Crowley), subject 'Cuban Refugee Group': three names of the "
        "leaders of a Cuban group, provided by George Hauer of Cleveland, Ohio. The OCR prints the memorandum's lines "
        "out of order and spells Hauer 'Gaver', 'CHauez)', 'Heuer}'. Labelled: the whole memorandum, from the form "
        "number to the last stamp (paragraphs 5-25).",
        "'[Hauer] agreed to provide the names … Hauer specifically requested that we treat any on-the-street "
        "investigation with great care' is Hauer's (firm). The writer's own account (the names enclosed, the group's "
        "purpose and needs, what Hauer understands, Headquarters' records), his requests to the addressee ('[give] "
        "me your expression of interest as soon as possible', 'Please expedite any checking') and his opinion ('I "
        "believe he is genuinely motivated …') are Sando's with accept_null: no one else's words are reported in "
        "them. The form headings, signature, initials and enclosure line are null.",
        "Not labelled (gap): '0 G3' (paragraph 13). Paragraphs 0-4 (release header) are outside the stretch.",
    ],
    passages=[
        L(5, kind=H, note="form number"),
        L(6, kind=H, note="'UNITED STATES GOVERNMENT'"),
        L(7, kind=H, note="'Memorandum'"),
        L(8, kind=H, note="'TO : ATTN: FROM' (labels)"),
        L(9, kind=H, note="'SUBJECT:' (label)"),
        L(10, kind=H, note="classification"),
        L(11, kind=H, note="addressee, date, attention, sender"),
        L(12, kind=H, note="subject 'Cuban Refugee Group'"),
        L(14, SANDO, "first-person", acc=True, evidence="Enclosed are three names provided by",
          note="the writer's account: the names enclosed ('provided by' Hauer: documents, not words), 'in touch with me'"),
        L(15, SANDO, "context", acc=True, frag=True, note="Headquarters' records (the writer's account)"),
        L(16, SANDO, "context", acc=True, frag=True, note="the group's purpose (a line moved by the OCR), 'As you know'"),
        L(17, SANDO, "context", acc=True, frag=True,
          note="'from our discussions, they are seeking help …'; what Hauer understands (no words)"),
        L(18, HAUER, "named", evidence="agreed to provide the names; Specifically requested that we treat", frag=True,
          note="'[he] agreed to provide the names', the writer's fact about the third man, then 'Hauer specifically "
               "requested …'"),
        L(19, SANDO, "first-person", acc=True, evidence="me your expression of interest as soon as possible", frag=True,
          note="the writer's request to the addressee, then the first word of 'Hauer is not …'"),
        L(20, SANDO, "first-person", acc=True, evidence="I believe he is genuinely motivated", frag=True,
          note="the writer's opinion of Hauer"),
        L(21, kind=H, note="signature 'VERNON R. SANDO'"),
        L(22, SANDO, "context", acc=True, evidence="Please expedite any checking",
          note="item 3: the writer's request to the addressee"),
        L(23, kind=H, note="initials 'VRSando/jr'"),
        L(24, kind=H, note="'Enclosure'"),
        L(25, kind=H, note="classification and page stamp"),
    ],
)

# ---------------------------------------------------------------------------------------------
ROMAN, PAP = "Jane Roman", "S. J. Papich"
D1007 = dict(
    n=1007,
    participants=[P(PAP, "Papich", "author", "S. J. Panton"), P(ROMAN, "Roman", "participant", "Mrs. Jane Roman")],
    sections=[dict(i=30, doc_type="memorandum", date="1963-10-15", date_text="10/15/63",
                   participants=[P(PAP, "Papich", "author", "S. J. Panton"),
                                 P(ROMAN, "Roman", "participant", "Mrs. Jane Roman")])],
    notes=[
        "An FBI memorandum, 10/15/63, to Mr. D. J. Brennan from S. J. Papich (OCR 'S. J. Panton'; the identification "
        "form prints 'FROM: PAPICH', so the writer is read as Papich), subject 'ENRIQUE GARCIA ARMENTEROS, INTERNAL "
        "SECURITY - CUBA'. Mrs. Jane Roman, CIA, advised that her agency had been able to place a man in Cuba to "
        "develop information in answer to the Bureau's leads. The OCR prints the pieces out of order (the end of her "
        "advice before the ACTION heading and the routing names). Labelled: from the form's heading to the ACTION "
        "text (paragraphs 30-54).",
        "'Mrs. Jane Roman, CIA, advised the [Liaison Agent] … that her' and 'She explained that the source's "
        "capability …' are Roman's (firm). The displaced pieces of her advice ('… agency finally has been able to "
        "place a man in Cuba …', '[wh]o might be able') are hers by context (accept_null). The ACTION text is null.",
        "Not labelled (gaps): 'o' and 'TO' (paragraphs 36-37), 'SITTED EXC.' (39), the stamp 'ALL INFORMATION "
        "CONTAINED HEREIN IS UNCLASSIFIED …' (43), the FBI routing names (44-47) and 'Whar' (49). Paragraphs 0-29 "
        "(identification form) and 55-64 (copies, release and classification stamps) are outside the stretch.",
    ],
    passages=[
        L(30, kind=H, note="'OPTIONAL FORM NO. 10'"),
        L(31, kind=H, frag=True, note="form number"),
        L(32, kind=H, frag=True),
        L(33, kind=H, note="'UNITED STATES GOVERNMENT'"),
        L(34, kind=H, note="'Memorandum'"),
        L(35, kind=H, note="to and from"),
        L(38, kind=H, note="date"),
        L(40, kind=H, note="subject"),
        L(41, ROMAN, "context", acc=True, frag=True,
          note="the end of Roman's advice, printed before the ACTION heading: '[her] agency finally has been able to "
               "place a man in Cuba …'"),
        L(42, kind=H, note="'ACTION:' (displaced)"),
        L(48, kind=H, note="classification ('SECREL')"),
        L(50, ROMAN, "context", acc=True, frag=True, note="'[wh]o might be able': a piece of her advice"),
        L(51, ROMAN, "named", evidence="Mrs. Jane Roman, CIA, advised the"),
        L(52, ROMAN, "pronoun", evidence="She explained that the source's capability", frag=True),
        L(53, evidence="The above information is being directed", note="the ACTION text"),
        L(54, frag=True),
    ],
)

# ---------------------------------------------------------------------------------------------
MOUT = "Angela Prince Moutsos"
D1017 = dict(
    n=1017,
    participants=[P(MOUT, "Moutsos", "participant", "ANGELA PRINCE MOUTSOS")],
    sections=[dict(i=34, doc_type="memorandum", date="1963-03-01", date_text="war 1 = 263",
                   participants=[P(MOUT, "Moutsos", "participant", "ANGELA PRINCE MOUTSOS")])],
    notes=[
        "An FBI memorandum from the SAC, New York, to the Director, FBI, subject ANGELA PRINCE MOUTSOS (security "
        "matter), dated 'war 1 = 263' (OCR of 3/1/63; the identification form prints 03/01/1963, and the Bureau's "
        "stamp '6 MAR 4 1963' is later). Labelled: from the form's heading to the request to the Bureau (paragraphs "
        "34-43).",
        "'Subject … departed from NY, 12/31/60, for Havana, Cuba. At that time she indicated she was to join her "
        "husband …' is Moutsos's, with accept_null: the same paragraph goes on with the writer's own note ('It is "
        "noted that the subject's husband … was [a] source utilized by the CIA'). The reference to SA Sheehan's "
        "report, the writer's note and the request to the Bureau are null (the SAC is not named).",
        "Not labelled (gap): 'A' (paragraph 37). Paragraphs 0-33 (identification form, page stamp) and 44-54 (copies, "
        "HSCA review, classification and file stamps) are outside the stretch.",
    ],
    passages=[
        L(34, kind=H, note="'OPTIONAL FORM NO. 10'"),
        L(35, kind=H, note="'Memorandum', to, date, from, release stamp, subject"),
        L(36, kind=H, frag=True, note="the release stamp continued"),
        L(38, kind=H, frag=True, note="'(OO: NEW YORK)'"),
        L(39, evidence="Rerep of SA JOHN H. SHEEHAN", note="the reference (a report described)"),
        L(40, MOUT, "pronoun", acc=True, evidence="she indicated she was to join her husband",
          note="her departure, 'she indicated …', then the writer's own 'It is noted that …'"),
        L(41, frag=True, note="the writer's note ends"),
        L(42, evidence="The Bureau is requested", note="the writer's request"),
        L(43, frag=True),
    ],
)

# ---------------------------------------------------------------------------------------------
RABEL, GOMEZ, PICK = "Jose Ricardo Rabel Ortega", "Fernando Gomez Fonseca", "Neil T. Pickworth"
D383 = dict(
    n=383,
    participants=[P(PICK, "Pickworth", "author", "Neil T. PICKWORTH"),
                  P(RABEL, "Rabel", "participant", "Jose Ricardo Rabel Ortega"),
                  P(GOMEZ, "Gomez", "participant", "Fernando Gomez Fonseca")],
    sections=[dict(i=4, doc_type="dispatch", date=None, date_text=None,
                   participants=[P(PICK, "Pickworth", "author", "Neil T. PICKWORTH"),
                                 P(RABEL, "Rabel", "participant", "Jose Ricardo Rabel Ortega"),
                                 P(GOMEZ, "Gomez", "participant", "Fernando Gomez Fonseca")])],
    notes=[
        "A CIA dispatch between the Chief of Station, JMWAVE, and the Chief, Task Force W, 'Activities of the DRE "
        "(Directorio Revolucionario Estudiantil)', signed Neil T. PICKWORTH. Its source, Jose Ricardo Rabel Ortega, a "
        "Cuban in Miami, 'gave the following information which is repeated verbatim herein': a first-person statement "
        "on a conversation of 13 July 1962 in Havana with his brother-in-law, Fernando Gomez Fonseca. The dispatch's "
        "date is not legible ('CK +375 20 Jud:'), so the section's date is null. Labelled: the whole dispatch, from "
        "the classification to the signature (paragraphs 4-24).",
        "'Fernando Gomez Fonseca told me that …' and 'He also told me that …' are Gomez Fonseca's (firm), with the "
        "opening piece of that sentence ('In a conversation on 13 July 1962 in Havana, my brother-in-law,', "
        "accept_null). The source's own first-person words ('I also know …', 'Note: This information is "
        "confidential, and I want it to be kept in the greatest possible secrecy …') are Rabel's (firm); his pieces "
        "without a verb, and 'In the conversation, I learned also that …' with its continuation, are his "
        "(accept_null: see the README's doubtful labels). The writer's introduction of the source and 'Source gave "
        "the following information …' are framing: null.",
        "The OCR moved a line: '(my brother-in-law, Fernando Gomez Fonseca), is in charge of the' (paragraph 15) "
        "belongs with 'DRE in Havana Province' (paragraph 14). Not labelled (gaps): 'c /ea : . . t' (paragraph 7), the "
        "stamp 'CS Copy (G~ ao- 19 2168' and 'ie' (19-20), and the number stamp 'CK +375 20 Jud:' (22). Paragraphs 0-3 "
        "(release header, 'RETURN TO CIA' stamp) are outside the stretch.",
    ],
    passages=[
        L(4, kind=H, note="classification"),
        L(5, kind=H, note="'Chief of Station, JMWAVE'"),
        L(6, kind=H, note="'Chief, Task Force W'"),
        L(8, kind=H, note="subject"),
        L(9, evidence="The source of the information contained in subsequent",
          note="framing: the writer introduces the source (his family, career, address)"),
        L(10, evidence="Source gave the following information", note="framing"),
        L(11, GOMEZ, "context", acc=True, evidence="In a conversation on 13 July 1962",
          note="the source's statement opens; the sentence's verb ('told me that') is in the next piece"),
        L(12, GOMEZ, "named", evidence="ronsecal told me that the Directorio", frag=True),
        L(13, GOMEZ, "pronoun", evidence="He also told me that experts", frag=True,
          note="the end of Gomez Fonseca's first report, then 'He also told me that …'"),
        L(14, RABEL, "first-person", evidence="I also know", frag=True,
          note="'[…] DRE in Havana Province.' then the source's own 'I also know Laureano (\"Lino\") …'"),
        L(15, RABEL, "context", acc=True, frag=True,
          note="'(my brother-in-law, Fernando Gomez Fonseca), is in charge of the' (a line moved by the OCR)"),
        L(16, RABEL, "first-person", acc=True, evidence="In the conversation, I learned also that",
          note="what the source learned in the conversation: doubtful between him and his brother-in-law"),
        L(17, RABEL, "context", acc=True, note="the continuation, no verb of saying"),
        L(18, RABEL, "first-person", evidence="I want it to be kept in; J have spoken with no one else"),
        L(21, RABEL, "context", acc=True, frag=True, note="'… reserve the name of my brother-in-law and …'"),
        L(23, kind=H, note="signature 'Neil T. PICKWORTH'"),
        L(24, kind=H, note="classification"),
    ],
)

# ---------------------------------------------------------------------------------------------
HART, MATT = "Ramon R. Hart", "Charles Matt"
D198 = dict(
    n=198,
    participants=[P(HART, "Hart", "author", "Mr. Ramon R. Hart"), P(MATT, "Matt", "participant", "Mr. Charles MATT")],
    sections=[dict(i=4, doc_type="memorandum", date="1963-07-18", date_text="18 July 1963",
                   participants=[P(HART, "Hart", "author", "Mr. Ramon R. Hart"),
                                 P(MATT, "Matt", "participant", "Mr. Charles MATT")])],
    notes=[
        "A CIA memorandum, 18 July 1963, for the Chief, Support Branch, from Mr. Ramon R. Hart, subject Manuel F. "
        "ARTIME Buesa: the audio surveillance of Artime at the SAS safehouse in Bethesda. Labelled: the whole "
        "memorandum, from the classification to the signature (paragraphs 4-21). jfk_doc_199 is another copy of the "
        "same memorandum (other OCR); it was not labelled and is held out with this file.",
        "'Mr. Charles MATT, the case officer in this case, has advised that … Mr. MATT has fervently requested …' is "
        "Matt's (firm). 'It was also discreetly requested by the undersigned of Case Officer MATT not to kibbitz …' is "
        "the writer's own request: Hart (firm, first-person). The writer's own account of the case (the first phase "
        "completed, the assignment to the District Field Office, the agent's plan, the cover story) and his "
        "expectation ('It is expected that the audio results …') report no one's words: Hart with accept_null, as "
        "the earlier keys did for a writer's own analysis.",
        "Not labelled (gaps): the stamps and debris between the pages ('GROUP 1 fram', '14-0000', '/) IT …', paragraphs "
        "13-15). Paragraphs 0-3 (release header) are outside the stretch.",
    ],
    passages=[
        L(4, kind=H, note="classification"),
        L(5, kind=H, note="date"),
        L(6, kind=H, note="'MEMORANDUM FOR: Chief, Support Branch'"),
        L(7, kind=H, note="from and subject"),
        L(8, HART, "context", acc=True, note="item 1: the writer's own account (no words reported)"),
        L(9, MATT, "named", evidence="Mr. Charles MATT, the case officer in this case, has advised that; "
                                     "Mr. MATT has fervently requested"),
        L(10, HART, "context", acc=True, note="item 3 begins: the writer's account"),
        L(11, HART, "context", acc=True, frag=True, note="the agent's plan, told by the writer"),
        L(12, HART, "context", acc=True, frag=True),
        L(16, kind=H, note="page two head"),
        L(17, HART, "context", acc=True, note="item 4: the cover story, told by the writer"),
        L(18, HART, "first-person", evidence="requested. by the undersigned of Case Officer MATT", frag=True,
          note="the house and the maid (facts), then the writer's own request to Matt"),
        L(19, HART, "context", acc=True, evidence="It is expected that the audio results",
          note="item 5: the writer's expectation"),
        L(20, HART, "context", acc=True, frag=True),
        L(21, kind=H, note="signature and copy line"),
    ],
)

DOCS = [D383, D198, D42, D1007, D1017]


def build():
    out, index = [], {}
    for d in DOCS:
        record, ps = paragraphs(d["n"])
        native = f"jfk_doc_{d['n']}"
        assert record.native_id == native
        passages = []
        for lab in d["passages"]:
            entry = {"starts_with": ps[lab["i"]][:50], "speaker": lab["speaker"], "evidence": lab["evidence"],
                     "basis": lab["basis"], "kind": lab["kind"]}
            if lab["acc"]:
                entry["accept_null"] = True
            if lab["frag"]:
                entry["fragment_of_previous"] = True
            if lab["note"]:
                entry["note"] = lab["note"]
            passages.append(entry)
        sections = [{"starts_with": ps[s["i"]][:50], "doc_type": s["doc_type"], "date": s["date"],
                     "date_text": s["date_text"], "participants": s["participants"]} for s in d["sections"]]
        out.append({
            "id": f"{SOURCE}:{native}", "native_id": native,
            "file": f"{SOURCE}/jfk_markdown/{native}.md", "reader": "frontmatter", "format": "text",
            "title": record.title, "doc_type": None, "date_start": None, "date_end": None, "date_precision": None,
            "date_text": None, "time_text": None, "place": None, "classification": None,
            "classification_text": None, "citation_contains": None, "original_language": "English",
            "participants": d["participants"], "score_metadata": False, "sections": sections,
            "notes": d["notes"], "passages": passages,
        })
        index[native] = {"passages": [lab["i"] for lab in d["passages"]],
                         "sections": [s["i"] for s in d["sections"]]}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    INDEX.write_text(json.dumps(index, indent=1) + "\n", encoding="utf-8")
    n = sum(len(d["passages"]) for d in out)
    print(f"wrote {OUT}: {len(out)} documents, {n} passages")


if __name__ == "__main__":
    build()
