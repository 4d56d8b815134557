"""Build tests/data/holdout_ninth/records.json (the JFK half of the ninth key).

Every label below was decided by reading the paragraphs (jfk_show.py prints them with their index).
starts_with is copied mechanically: the first 50 characters of the labelled paragraph.
The paragraph indexes are also written to labels_index.json (scratch) for check_index.py.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, "/work/keywork/ninth_jfk")
from jfk_show import paragraphs  # noqa: E402

OUT = Path("/work/main/tests/data/holdout_ninth/records.json")
INDEX = Path("/work/keywork/ninth_jfk/labels_index.json")
SOURCE = "jfk-nara-2025-ocr-cuba"


def P(name, match_key, role, as_printed):
    return {"name": name, "match_key": match_key, "role": role, "as_printed": as_printed, "kind": "person"}


def L(i, speaker=None, basis="none", kind="text", evidence=None, acc=False, frag=False, note=None):
    return dict(i=i, speaker=speaker, basis=basis, kind=kind, evidence=evidence, acc=acc, frag=frag, note=note)


H = "heading"

# ---------------------------------------------------------------------------------------------
ROMANI = "Salvador Romani"
D1038 = dict(
    n=1038,
    participants=[P(ROMANI, "Romani", "participant", "SALVADOR ROMANI")],
    sections=[dict(i=8, doc_type="intelligence information report", date="1963-08-10",
                   date_text="10 auGusT. 1963", participants=[P(ROMANI, "Romani", "participant", "SALVADOR ROMANI")])],
    notes=[
        "A CIA information report (TDCS-3/556,052) 'POSSIBLE ESTABLISHMENT OF A CUBAN EXILE BASE IN NICARAGUA', "
        "distributed 10 August 1963, information of 2 July 1963, acquired in London from an official British service "
        "'QUOTING ROMANI'. In capitals, with OCR damage. Labelled: the whole report, from 'COUNTRY' to 'END OF MESSAGE'.",
        "'SALVADOR ROMANI … CLAIMED', 'ACCORDING TO ROMANI', 'ROMANI CLAIMED', 'ROMANI MADE FOLLOWING REVIEW' are "
        "Romani's (firm). His claims continued over OCR line pieces ('IN EXILE CIRCLES IT IS BELIEVED …', 'ROMANI DID "
        "NOT KNOW DETAILS') and his review of the exile parties, items (A) to (E), printed without a verb of saying, "
        "are his by context (accept_null). The report header, the boilerplate, the source line and the field "
        "dissemination are null.",
        "Not labelled (gaps): the page-foot and page-head stamps between the pages ('CLASSIFICATION — DISSEMINATION "
        "CONTROLS', 'SECRET', the distribution boxes '[state/oin] FBI TREASURY …', 'FORM 1K OBSOLETE …', 'NO FOREN "
        "DIE', 'NO FOREIGN DISSEM Tes -3/556 052') and the closing stamps after 'END OF MESSAGE'.",
    ],
    passages=[
        L(8, kind=H, note="country and report number"),
        L(9, kind=H, note="subject and date of distribution"),
        L(10, kind=H, frag=True, note="the subject continued, precedence"),
        L(11, kind=H, note="'DATE OF' (information) and references"),
        L(12, kind=H, frag=True, note="the date of information, place and date acquired (London, 9 August 1963)"),
        L(13, kind=H, note="'APPRAISAL', field report number"),
        L(14, kind=H, note="boilerplate"),
        L(15, evidence="SOURCE oFFICIAL BRITISH SERVICE", note="the source line ('… QUOTING ROMANI')"),
        L(16, ROMANI, "named", evidence="SALVADOR ROMANI, REPRESENT-; CLAIMED: THAT A\"SMALL' NUMBER"),
        L(17, ROMANI, "context", acc=True, frag=True,
          note="Romani's claim continued ('IN EXILE CIRCLES IT IS BELIEVED …'); 'ROMAN! DID NOT KNOW DETAILS' has no "
               "verb of saying"),
        L(18, ROMANI, "context", acc=True, frag=True),
        L(26, ROMANI, "context", acc=True, frag=True, note="after the page stamps: '… OTHER EXILE GROUPS WILL AWAIT …'"),
        L(27, ROMANI, "context", acc=True, frag=True, note="the end of item 1, then item 2 begins ('NUCLEUS …')"),
        L(28, ROMANI, "named", evidence="'ACCORDING TO ROMANI; ROMAN I\" CLAIMED U.S.", frag=True),
        L(29, ROMANI, "named", evidence="\"ROMANI MADE FOLLOWING REVIEW OF POLICIES"),
        L(30, ROMANI, "context", acc=True, note="item (A) of Romani's review"),
        L(31, ROMANI, "context", acc=True, frag=True),
        L(32, ROMANI, "context", acc=True, frag=True, note="items (B) and (C) of the review"),
        L(33, ROMANI, "context", acc=True, frag=True),
        L(37, ROMANI, "context", acc=True, note="item (D) of the review, after the page stamps"),
        L(38, ROMANI, "context", acc=True, note="item (E) of the review"),
        L(39, ROMANI, "context", acc=True, frag=True),
        L(40, kind=H, note="field dissemination ('FIELD DISSEM', OCR 'ELD')"),
        L(41, kind=H, note="'END OF MESSAGE'"),
    ],
)

# ---------------------------------------------------------------------------------------------
FRAG = "Amaury Fraginals Alonso"
D1039 = dict(
    n=1039,
    participants=[P(FRAG, "Fraginals", "participant", "AMAURY FRAGINALS ALONSO")],
    sections=[dict(i=6, doc_type="intelligence information report", date="1963-06-28", date_text="28 uune 196",
                   participants=[P(FRAG, "Fraginals", "participant", "AMAURY FRAGINALS ALONSO")])],
    notes=[
        "A CIA information report 'CUBAN EXILE PLANS' (TDCS-3/55…), distributed 28 June 1963 (printed '28 uune 196'), "
        "information of mid-June 1963, acquired in London (27 June 1963) from an official British service 'QUOTING "
        "THE PERSONS MENTIONED'. In capitals, with OCR damage and routing names (DINGEMAN, FELDMAN, FORRESTAL, KIRSCH, "
        "JOHNSON, KILDUFF, SAUNDERS, SCHLESINGER, SMITH) run into the header lines. Labelled: the whole report, from "
        "'COUNTRY' to the field dissemination.",
        "'AMAURY FRAGINALS ALONSO … CLAIMED', 'FRAGINALS SAID', 'HE REVEALED', 'FRAGINALS DESCRIBED', 'ALLEGED', 'HE "
        "CONFIRMED' are Fraginals's (firm). OCR line pieces of his statements without a verb of saying are his by "
        "context (accept_null). Header, boilerplate, source line and field dissemination are null.",
        "Not labelled (gaps): paragraphs 0-5 (the NARA identification form and the form's top stamps) and the page "
        "stamps between the pages ('CLASSIFICATION — DISSEMINATION CONTROLS', '0 Re', '_ TREASURY', 'SECRET [ota | "
        "anuy/acsi] navy', 'STATE/ ENR'). Paragraph 22 opens with the form number ('2M 1K OBSOLETE PREVIOUS EDITIONS') "
        "before 'HE, REVEALED'; it is labelled.",
    ],
    passages=[
        L(6, kind=H, note="'COUNTRY', 'REPORT NO.' (with a routing name)"),
        L(7, kind=H, frag=True, note="the country (Cuba) and report number"),
        L(8, kind=H, note="subject and date of distribution"),
        L(9, kind=H, note="precedence"),
        L(10, kind=H, note="date of information (mid-June 1963)"),
        L(11, kind=H, note="place and date acquired, appraisal"),
        L(12, kind=H, note="boilerplate"),
        L(13, evidence="QUOTING THE PERSQNS MENTIONED", note="the source line"),
        L(14, FRAG, "named", evidence="AMAURY FRAGINALS ALONSO; CLAIMED IN CONFIDENTIAL DISCUSS 1 ON"),
        L(15, FRAG, "named", evidence="FRAGLNALS SAID THAT PLAN OMEGA", frag=True,
          note="'AT THE SAME TIME, PLANS ARE GOING AHEAD …' continues his claim, then 'FRAGINALS SAID'"),
        L(16, FRAG, "context", acc=True, frag=True, note="stage (B) of Plan Omega"),
        L(22, FRAG, "pronoun", evidence="HE, REVEALED, THAT THE ALLIANCE", frag=True,
          note="the form number, then '… HE REVEALED THAT THE ALLIANCE IS RECEIVING BLUEPRINTS'"),
        L(23, FRAG, "named", evidence="FRAGINALS. DESCRIBED THE Latest ADHERENT"),
        L(24, FRAG, "context", acc=True, frag=True),
        L(25, FRAG, "context", acc=True, frag=True, note="'… AS A CLANDESTINE GROUP WITHIN THE CUBAN ARMY. HE'"),
        L(26, FRAG, "pronoun", evidence="REFUSED T TO GIVE Fr@URES BUT ALLEGED THAT; HE, CONFIRMED", frag=True,
          note="'[HE] REFUSED TO GIVE FIGURES BUT ALLEGED …' ('HE' ends the previous piece), then 'HE CONFIRMED'"),
        L(27, kind=H, note="field dissemination"),
    ],
)

# ---------------------------------------------------------------------------------------------
HORN, TISCH, PAPICH = "Austin Horn", "Tischman", "S. J. Papich"
D1018 = dict(
    n=1018,
    participants=[P(PAPICH, "Papich", "author", "S. J. PAPICH"), P(HORN, "Horn", "participant", "Austin Horn"),
                  P(TISCH, "Tischman", "participant", "Tischman")],
    sections=[dict(i=17, doc_type="memorandum", date="1963-09-03", date_text="September 3, 1963",
                   participants=[P(PAPICH, "Papich", "author", "S. J. PAPICH"),
                                 P(HORN, "Horn", "participant", "Austin Horn"),
                                 P(TISCH, "Tischman", "participant", "Tischman")])],
    notes=[
        "An FBI memorandum from S. J. Papich (the Bureau's CIA liaison) to D. J. Brennan, September 3, 1963, "
        "'PERMANENT STUDENT COMMITTEE FOR TRAVEL TO CUBA'. Labelled: from the memorandum's form heading to the "
        "'ACTION' lines.",
        "'Austin Horn, Central Intelligence Agency (CIA), advised the Liaison Agent …' is Horn's (firm); its OCR "
        "continuation, which tells that a CIA source in Madrid met Tischman and that Tischman 'volunteered the "
        "following information', is Horn's by context (accept_null: it reports Tischman's act, not his words). "
        "'Tischman referred to … He stated that …' is Tischman's (firm); the OCR pieces of his list are his by "
        "context (accept_null).",
        "Tischman's given name is not legible ('Mar ischman'): he is named by the surname. The pieces 'group who is "
        "actually a member of the Part[y] ACTION: …' and 'is Allan ffield' belong to one sentence of Tischman's "
        "('the only student in the group who is actually a member of the Party is Allan …ffield') that the OCR "
        "printed around the ACTION lines (layout); both are Tischman's (accept_null). 'of the Internal Security and "
        "Nationalities Intelligence Sections.' ends the writer's ACTION line: null.",
        "Not labelled (gaps): paragraphs 0-16 (NARA identification form), the FBI routing block ('. Li > DeLoach : . "
        "Evans', '\" \"SUP Sullivan :', 'ALT, INFORMATTO ans ny i Tavel ;', '. ~ Holmes'), and everything after "
        "paragraph 34 (copies list, file stamps and the page stamp).",
    ],
    passages=[
        L(17, kind=H, note="form heading 'Memorandum' (with routing names)"),
        L(19, kind=H, note="'TO: D. J. BRENNAN', date"),
        L(22, kind=H, note="'FROM : S. J. PAPICH'"),
        L(24, kind=H, note="subject"),
        L(25, HORN, "named", evidence="Austin Horn Central Intellifenc Agency (CIA), advised"),
        L(26, HORN, "context", acc=True, frag=True,
          note="Horn's advice continued: the CIA source's contact with Tischman, who 'volunteered the following "
               "information' (an act introducing what follows)"),
        L(27, TISCH, "named", evidence="ischman\"identified the following students as \"fellow", acc=True, frag=True,
          note="opens with the end of Horn's sentence ('source:'); 'Tischman identified … as \"fellow travelers\"'"),
        L(28, TISCH, "context", acc=True, frag=True, note="'and Sympathizers' (OCR piece of the label)"),
        L(29, TISCH, "named", evidence="{Tischnan eferred to; He stated that Philly Aggruce"),
        L(30, TISCH, "context", acc=True, frag=True),
        L(31, TISCH, "context", acc=True, frag=True),
        L(32, TISCH, "context", acc=True, frag=True,
          note="the end of Tischman's list, then the writer's 'ACTION' line (OCR layout)"),
        L(33, TISCH, "context", acc=True, frag=True,
          note="'is Allan …ffield': the end of Tischman's sentence, moved by the OCR"),
        L(34, frag=True, note="the ACTION line ends ('… Nationalities Intelligence Sections.')"),
    ],
)

# ---------------------------------------------------------------------------------------------
RODR = "Francisco Luis Rodrigues Gonzales"
D387 = dict(
    n=387,
    participants=[P(RODR, "Rodrigues", "participant", "Francisco Luis Rodrigues Gonzales")],
    sections=[dict(i=5, doc_type="dispatch", date="1962-08-31", date_text="31 August '62",
                   participants=[P(RODR, "Rodrigues", "participant", "Francisco Luis Rodrigues Gonzales")])],
    notes=[
        "A CIA dispatch (OSKA-14,272, 31 August 1962) passing on the account of a Cuban refugee in Spain, Francisco "
        "Luis Rodrigues Gonzales (CC-1169), formerly of the Revolutionary Student Directorate: his group's capture on "
        "the way to the Sierra Maestra, prison, Muller's trial, resistance groups. Labelled: the whole text, from 'The "
        "following information was provided by …' to the attachments line.",
        "The account is told in the third person ('Source has been opposed …', 'Source thought that …'): it is his, "
        "by context (accept_null), as the eighth key did for jfk_doc_613. 'he said that they were from the "
        "Guantanamo Naval Base' is his, firm. 'source was told that Muller was very brave …' reports other, unnamed "
        "people's words in a main clause: null, with its OCR piece. The opening line introducing the source is "
        "framing: null.",
        "Not labelled (gaps): the release header (paragraphs 2-4), the dispatch form's page-2 stamps ('HEADQUARTERS "
        "FILE NUMSEA', 'ed 14-0000', 've', 'DeaTeM Svinte AAG NUMBER', 'O51 14,272', 'ChASHIFICATION', 'SECRET', "
        "'CONTINUATION OF DISPATCH'), the debris 'Be' (paragraph 26) and 'T 1 akenrarinn' (the last paragraph). "
        "'Helen B. Caporla' (paragraph 29) is printed at the foot of the dispatch; her part (writer or typist) cannot "
        "be read, so she is not a participant.",
    ],
    passages=[
        L(5, evidence="The following information was provided by Francisco Luis Rodrigues Gonzales",
          note="framing: introduces the source"),
        L(6, RODR, "context", acc=True, evidence="Source has deen opposed to the Castro regine",
          note="the source's account in the third person"),
        L(7, RODR, "pronoun", evidence="source did not know their names, he said that they were from"),
        L(8, RODR, "context", acc=True, note="the account continued (Muller's capture)"),
        L(9, kind=H, note="the dispatch's date fields ('31 August '62')"),
        L(10, kind=H, note="dispatch symbol and number"),
        L(19, RODR, "context", acc=True, evidence="Source thought that he (source)",
          note="item d.: the release of the prisoners; no verb of saying"),
        L(20, RODR, "context", acc=True, frag=True),
        L(21, RODR, "context", acc=True, note="'On several occasions, Muller had been subjected to false execution'"),
        L(22, evidence="zource was told that. Muller wae very brave", frag=True,
          note="other, unnamed people's words to the source in a main clause"),
        L(23, frag=True, note="'self-defense.': the end of what the source was told"),
        L(24, RODR, "context", acc=True, note="item f.: his cell-mate"),
        L(25, RODR, "context", acc=True, evidence="However he knew that the various resistance groups"),
        L(27, RODR, "context", acc=True, note="the arrest of Hans ('it seemed that he was tortured')"),
        L(28, RODR, "context", acc=True, frag=True),
        L(29, kind=H, note="the name printed at the foot ('Helen B. Caporla')"),
        L(30, kind=H, note="attachments"),
        L(31, kind=H, note="'Distribution'"),
        L(32, kind=H, frag=True, note="the distribution list"),
    ],
)

# ---------------------------------------------------------------------------------------------
HUTCH = "Walter Hutchins"
D1112 = dict(
    n=1112,
    participants=[P(HUTCH, "Hutchins", "participant", "Colonel Walter Hutchins")],
    sections=[dict(i=593, doc_type="memorandum for the record", date="1963-10-14", date_text="October 14,",
                   participants=[P(HUTCH, "Hutchins", "participant", "Colonel Walter Hutchins")])],
    notes=[
        "A long compilation of Califano's papers on the Interdepartmental Coordinating Committee of Cuban Affairs "
        "(reports on countering subversion, 1963-1964). Labelled: one stretch only, the Department of the Army's "
        "'MEMORANDUM FOR THE RECORD', 'SUBJECT: Meeting of Subcommittee on Subversion, October 10, 1963', dated "
        "'October 14,' (the year, 1963, from the subject line and the covering memorandum), from its date line to "
        "its signature and footnote.",
        "'Colonel Hutchins commented', 'He emphasized', 'Colonel Hutchins pointed out' are Colonel Walter Hutchins's "
        "(firm; 'In response to a query from a State representative' is subordinate); OCR pieces of his remarks are "
        "his by context (accept_null). The paragraph where the unnamed DOD representative 'proposed a firsthand "
        "report' and Hutchins's remarks begin holds two speakers: null. The Chairman, the CIA representative and the "
        "DOD representative are never named: their statements are null, like the agenda headings, the subcommittee's "
        "decisions and the framing.",
        "The memorandum's signature is OCR-damaged ('A. is igh Colonel, GS'); the covering memorandum copies 'Lt Col "
        "Haig', but the signer is not labelled and not a participant. Not labelled (gaps): the page stamp and debris "
        "between pages 40 and 41 ('HW 50955 Docld:32276192 Page 40 orl', 'oe', '|').",
    ],
    passages=[
        L(593, kind=H, note="the date line ('October 14,')"),
        L(594, kind=H, note="'MEMORANDUM FOR THE RECORD'"),
        L(595, kind=H, note="subject"),
        L(596, evidence="Outlined below is a summary of deliberations", note="framing"),
        L(597, kind=H, note="'Agenda Item 1'"),
        L(598, evidence="was circulated", note="the report circulated: no speaker"),
        L(599, frag=True),
        L(600, kind=H, note="'Agenda Item 2'"),
        L(601, evidence="The Chairman stated he would provide",
          note="the subcommittee's discussion and the unnamed Chairman's statement"),
        L(602, evidence="The CIA representative stated he",
          note="decisions, a request to the DOD representative, the unnamed CIA representative's statement"),
        L(603, frag=True, note="the CIA representative's statement ends"),
        L(607, evidence="State will prepare a circular telegram", note="a decision"),
        L(608, frag=True),
        L(609, kind=H, note="'Agenda Item 4'"),
        L(610, note="'In lieu of a written report …, the DOD representative proposed …' begins"),
        L(611, evidence="the DOD representative proposéd a firsthand report; Colonel Hutchins! remarks confirmed",
          frag=True, note="the DOD representative's proposal and Hutchins's remarks: two speakers in main clauses"),
        L(612, HUTCH, "named", evidence="Colonel Hutchins commented that recent", frag=True),
        L(613, HUTCH, "context", acc=True, frag=True),
        L(614, HUTCH, "pronoun", evidence="He emphasized that Cuban-", frag=True),
        L(615, HUTCH, "named", evidence="Colonel Hutchins pointed out that he believed", frag=True,
          note="'In response to a query from a State representative' is subordinate"),
        L(616, HUTCH, "context", acc=True, frag=True),
        L(617, kind=H, note="'Agenda Item 5'"),
        L(618, evidence="The Chairman stated that the paper", note="the unnamed Chairman's statement and proposal"),
        L(619, frag=True, note="the proposal ends; the Defense representative's task begins (no words)"),
        L(620, kind=H, note="'Miscellaneous'"),
        L(621, evidence="The Chairman stated that preparatory actions", note="the unnamed Chairman's statement"),
        L(622, frag=True),
        L(623, note="the signature (OCR-damaged) and the footnote on the 'Krulak Report'"),
        L(624, frag=True, note="the footnote ends"),
    ],
)

DOCS = [D1038, D1039, D1018, D387, D1112]


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
