"""Hand-entered labels for the thirteenth key's FRUS TEI documents (part a: frus1936v03); writes holdout_thirteenth/frus_tei_part_a.json and
labelled_index.json (scratch: the paragraph index each passage was read from, for check_thirteenth_a.py).
Every value below was decided by reading the document (tei_read.py, meta_raw.py output)."""
import json
from pathlib import Path
from labels_common import P, HULL, LANSING_R, GRESHAM_R, passage, N, SIG, HEAD, S, doc, paragraphs
from excluded import excluded_strict

OUT = Path("/work/main/tests/data/holdout_thirteenth/frus_tei_part_a.json")
INDEX = Path("/work/keywork/thirteenth_a/labelled_index.json")

ENGERT = P("Cornelius Van H. Engert", "Engert", "author", "The Minister Resident in Ethiopia (Engert)",
           "Minister Resident in Ethiopia")
MERRIAM = P("Gordon P. Merriam", "Merriam", "author", "The Chargé in Iran (Merriam)", "Chargé in Iran")
BAKER = P("Lewis Baker", "Baker", "author", "Mr. Baker", "Minister to Nicaragua")
STRAUS = P("Jesse Isidor Straus", "Straus", "author", "The Ambassador in France (Straus)", "Ambassador in France")
MORRIS = P("Roland S. Morris", "Morris", "author", "The Ambassador in Japan (Morris)", "Ambassador in Japan")
FRANCIS = P("David R. Francis", "Francis", "author", "The Ambassador in Russia (Francis)", "Ambassador in Russia")

DOCS = []


def labelled(id_, meta, labels, gaps=None):
    DOCS.append(("labelled", id_, meta, labels, gaps or []))


def metadata(id_, meta):
    DOCS.append(("meta", id_, meta, None, None))


def base(id_, title, doc_type, date, date_text, time_text, place, citation, participants, notes,
         signed_by=None, labelled_doc=True):
    m = {"id": id_, "doc_number": int(id_.split(":d")[1]), "title": title, "doc_type": doc_type,
         "date_start": date, "date_end": date, "date_precision": "day", "date_text": date_text,
         "time_text": time_text, "place": place, "classification": None, "classification_text": None,
         "citation_contains": citation, "original_language": "English", "participants": participants}
    if labelled_doc:
        m.update({"has_participants_block": False, "drafted_by": None})
    if signed_by or labelled_doc:
        m["signed_by"] = signed_by  # None for an unsigned labelled document, to keep the labelled format
    m["notes"] = notes
    return m



GILBERT = P("Prentiss B. Gilbert", "Gilbert", "author", "The Consul at Geneva (Gilbert)", "Consul at Geneva")
STRAUS_T = P("Jesse Isidor Straus", "Straus", "author", "The Ambassador in France (Stratus)", "Ambassador in France")
MARRINER = P("Theodore Marriner", "Marriner", "author", "The Consul General at Beirut (Marriner)",
             "Consul General at Beirut")
HULL_A = P("Cordell Hull", "Hull", "author", "The Secretary of State", "Secretary of State")
BINGHAM_R = P("Robert Worth Bingham", "Bingham", "recipient", "the Ambassador in the United Kingdom (Bingham)",
              "Ambassador in the United Kingdom")
BINGHAM_A = P("Robert Worth Bingham", "Bingham", "author", "The Ambassador in the United Kingdom (Bingham)",
              "Ambassador in the United Kingdom")
KIRK_R = P("Alexander C. Kirk", "Kirk", "recipient", "the Chargé in Italy (Kirk)", "Chargé in Italy")
ENGERT_A = P("Cornelius Van H. Engert", "Engert", "author", "The Minister Resident in Ethiopia (Engert)",
             "Minister Resident in Ethiopia")
STEGER = P("Christian T. Steger", "Steger", "author", "The Consul at Beirut (Steger)", "Consul at Beirut")

MADARIAGA = "Salvador de Madariaga"
EDEN = "Anthony Eden"
BONCOUR = "Joseph Paul Boncour"
OUTSIDE_GILBERT = "Gilbert's given name and Hull as Secretary of State are outside knowledge."

# ---------------------------------------------------------------- frus1936v03: labelled ----------
labelled("frus1936v03:d130", base(
    "frus1936v03:d130", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-04-16", "Geneva, April 16, 1936—midnight", "midnight", "Geneva", "765.84/4117",
    [GILBERT, HULL],
    ["Source note '765.84/4117: Telegram'; '[Received April 16—10 p.m.]' is an earlier hour of the same day (time "
     "zone), so 'midnight' closes April 16; 'April 16, 4 p.m.' is telegram 120.",
     "A résumé 'given me by an entirely responsible source' of a secret meeting of the Committee of Thirteen: "
     "'Madariaga reported', 'Boncour proposed', 'Eden protested … declaring', 'Madariaga requested'. None of them is "
     "a participant. Given names (Salvador de Madariaga, Joseph Paul-Boncour, Anthony Eden) are outside knowledge; "
     "Paul-Boncour is written 'Joseph Paul Boncour' so that the surname key is 'Boncour', the name the telegram "
     "prints.",
     "Unnamed speakers (the Rumanian representative, 'A member of the Italian delegation', 'A member of the British "
     "delegation') and the committee's decisions are null. " + OUTSIDE_GILBERT],
    signed_by="Prentiss B. Gilbert"), [
    N(1, "framing: the résumé given by an unnamed source", "The following is a résumé given me by an entirely responsible source"),
    S(2, MADARIAGA, "Madariaga reported that", "named",
      note="the second sentence ('Respecting an armistice, …') continues his report of the Italian position"),
    N(3, "the meeting's atmosphere, nobody's words", "Throughout the ensuing discussion"),
    S(4, BONCOUR, "Boncour proposed that Madariaga get in touch", "named"),
    N(5, "France's supporters and an unnamed Rumanian representative", "the Rumanian representative stating that"),
    S(6, EDEN, "Eden protested against this view declaring", "named"),
    S(7, MADARIAGA, "Madariaga requested that his mandate be clarified", "named"),
    N(8, "the committee's decision", "It was decided that Madariaga should discuss"),
    N(9, "an unnamed member of the Italian delegation, and the writer's belief in a main clause",
      "A member of the Italian delegation informs me"),
    N(10, "despatches described (documents), unnamed", "Despatches received by representatives here"),
    N(11, "an unnamed member of the British delegation", "A member of the British delegation informs me"),
    N(12, "'Diplomatic opinion here': unnamed", "Diplomatic opinion here inclines to the view"),
    SIG(13),
])

labelled("frus1936v03:d132", base(
    "frus1936v03:d132", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-04-17", "Geneva, April 17, 1936—10 p.m", "10 p.m.", "Geneva", "765.84/4129",
    [GILBERT, HULL],
    ["Source note '765.84/4129: Telegram'; '[Received April 17—6:52 p.m.]' is an earlier hour of the same day (time "
     "zone); 'Monday, April 20' is the Council meeting.",
     "The chief developments of a secret meeting of the Committee of Thirteen: 'Madariaga reported', 'Eden made a "
     "statement', 'Vasconcellos said'. None of them is a participant. Given names (Salvador de Madariaga, Anthony "
     "Eden, Augusto de Vasconcellos) are outside knowledge. " + OUTSIDE_GILBERT],
    signed_by="Prentiss B. Gilbert"), [
    N(1, "framing: the writer is informed (unnamed source) of what follows", "I am informed that in a secret meeting"),
    S(2, MADARIAGA, "Madariaga reported that", "named",
      note="the Ethiopian delegation's rejection is inside his report (subordinate)"),
    S(3, EDEN, "Eden made a statement to the effect that", "named"),
    N(4, "the committee's decision", "It was decided that the Committee would meet tomorrow"),
    S(5, "Augusto de Vasconcellos", "Vasconcellos said that", "named"),
    S(6, "Prentiss B. Gilbert", "It would appear evident that", "-", True,
      "the writer's own analysis; nobody's words reported"),
    SIG(7),
])

labelled("frus1936v03:d175", base(
    "frus1936v03:d175", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-06-30", "Geneva, June 30, 1936—10 p.m", "10 p.m.", "Geneva", "765.84/4757",
    [GILBERT, HULL],
    ["Source note '765.84/4757: Telegram'; '[Received June 30—9:15 p.m.]' is an earlier hour of the same day (time "
     "zone); 'August 3, 1932' (footnote) is not the date.",
     "The Assembly's first meeting: the President (Van Zeeland) reads the Italian Government's statement (a document, "
     "null); 'Cantilo declared' (José María Cantilo, footnote 96 of frus1936v03 d174 and the Argentine declaration "
     "of footnote 98); 'The Emperor made a moving appeal' (Haile Selassie: outside knowledge, an office on a date). "
     "None of them is a participant. " + OUTSIDE_GILBERT],
    signed_by="Prentiss B. Gilbert"), [
    N(1, "the Assembly convened: an event", "The Assembly convened today"),
    N(2, "an election: an event", "Van Zeeland was elected President"),
    N(3, "the President reads a statement of the Italian Government: a document described",
      "The President read a statement from the Italian Government"),
    N(4, "the Italian statement continued: a document", "were expressed"),
    N(5, "the Italian statement concluded: a document", "the statement reiterated"),
    S(6, "José María Cantilo", "Cantilo declared that", "named",
      note="given names from footnote 96 of frus1936v03 d174 (outside this document)"),
    S(7, "Prentiss B. Gilbert", "There was no reference to its application", "-", True,
      "the writer's comment on Cantilo's speech; no words reported"),
    S(8, "Haile Selassie", "The Emperor made a moving appeal", "title",
      note="'The Emperor' of Ethiopia in June 1936: Haile Selassie is outside knowledge"),
    N(9, "unnamed opinion here and the press", "It was regarded here as"),
    SIG(10),
], gaps=["paragraphs 11-13: the footnotes, not labelled"])

labelled("frus1936v03:d176", base(
    "frus1936v03:d176", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-07-01", "Geneva, July 1, 1936—3 p.m", "3 p.m.", "Geneva", "765.84/4764",
    [GILBERT, HULL],
    ["Source note '765.84/4764: Telegram'; '[Received July 1—1:15 p.m.]' is an earlier hour of the same day.",
     "The Assembly's morning: Colombia and Panama (states; their delegates are not named) are null; 'Blum … "
     "emphasized … and stated that' is Léon Blum (given name outside knowledge), not a participant. "
     + OUTSIDE_GILBERT],
    signed_by="Prentiss B. Gilbert"), [
    N(1, "heading-like sentence", "In the Assembly this morning:"),
    N(2, "Colombia's unnamed delegate", "Colombia recalling its prompt application"),
    N(3, "Panama's unnamed delegate", "Panama advocated drastic revision"),
    S(4, "Léon Blum", "Blum, in discussing terms, emphasized; stated that France could not", "named",
      note="'His statement about recognition appeared equivocal. Press carries full accounts.' is the writer's short comment on Blum's words"),
    SIG(5),
])

labelled("frus1936v03:d540", base(
    "frus1936v03:d540", "The Ambassador in France (Stratus) to the Secretary of State", "despatch",
    "1935-11-09", "Paris, November 9, 1935", None, "Paris", "690D.11241/29",
    [STRAUS_T, HULL],
    ["A despatch ('No. 2301', 'Sir: … I have the honor to transmit', 'Respectfully yours,'); '[Received November 20.]', "
     "'October 26, 1935', 'August 19, 1935' and the enclosure's 'November 8, 1935' are not the date.",
     "The title prints 'Stratus' (a misprint); the despatch is signed 'Jesse Isidor Straus', so the author's key is "
     "'Straus'.",
     "'An officer of the Embassy has just received verbal information from … M. Chauvel … He added that': Jean "
     "Chauvel of the Foreign Office (given name outside knowledge), not a participant. The enclosed note of the "
     "Ministry is a document (null). Hull as Secretary of State is outside knowledge."],
    signed_by="Jesse Isidor Straus"), [
    N(1, "'No. 2301': the despatch number"),
    N(2, "framing: the transmittal of the Ministry's note", "I have the honor to transmit herewith"),
    S(3, "Jean Chauvel", "verbal information from the competent official of the Foreign Office, M. Chauvel; He added that",
      "named", note="the unnamed officer of the Embassy only receives the information"),
    SIG(4), SIG(5),
    HEAD(6, "editorial bracket '[Enclosure—Translation]'"),
    HEAD(7, "the enclosure's title"),
    HEAD(8, "the enclosure's date line (it does not begin like the despatch's dateline)"),
    N(9, "the Ministry's note: a document", "By note No. 1414 dated August 19, 1935"),
    N(10, "the Ministry's note: a document", "The Ministry for Foreign Affairs thanks the Embassy"),
], gaps=["paragraph 11: the footnote, not labelled"])

labelled("frus1936v03:d558", base(
    "frus1936v03:d558", "The Consul General at Beirut (Marriner) to the Secretary of State", "despatch",
    "1936-05-15", "Beirut, May 15, 1936", None, "Beirut", "890E.1281/14",
    [MARRINER, HULL],
    ["A despatch ('No. 5', 'Sir: I have the honor to refer', 'Respectfully yours,'); '[Received June 11.]', "
     "'January 13, 1934', 'April 1, 1936' and 'November 1, 1939' are not the date.",
     "Marriner's calls on Lebanese officials: 'I stressed' (his), then 'The Secretary of State [M. Tabet] told me … I "
     "expressed the hope' (two speakers, null). De Martel, Tabet, Eddé and Lafond are not participants. Marriner's "
     "given name and Hull as Secretary of State are outside knowledge."],
    signed_by="Theodore Marriner"), [
    N(1, "'No. 5': the despatch number"),
    N(2, "framing: references; de Martel's statement is subordinate ('confirmed his statement to me that')",
      "I have the honor to refer to despatch No. 628"),
    S(3, "Theodore Marriner", "I stressed the mutual interest", "first-person",
      note="the officials he called on are objects, not speakers"),
    N(4, "two speakers in main clauses: the Lebanese Secretary of State (Tabet) and the writer",
      "The Secretary of State told me that; I expressed the hope"),
    N(5, "framing of the quoted decree text", "The new texts change Article One"),
    N(6, "quoted decree text: a document", "Beginning on November 1, 1939"),
    N(7, "framing of the quoted amended text", "to read:"),
    N(8, "quoted amended text: a document", "physicians (pharmacists) holding diplomas"),
    S(9, "Theodore Marriner", "The new texts thus eliminate all discrimination", "-", True,
      "the writer's own analysis; nobody's words reported"),
    N(10, "transmittal of an enclosure", "I am enclosing as of possible interest"),
    SIG(11), SIG(12),
], gaps=["paragraph 13: the footnote, not labelled"])

labelled("frus1936v03:d218", base(
    "frus1936v03:d218", "The Secretary of State to the Ambassador in the United Kingdom (Bingham)", "telegram",
    "1936-09-10", "Washington, September 10, 1936—5 p.m", "5 p.m.", "Washington", "884.001 Selassie I/339",
    [HULL_A, BINGHAM_R],
    ["Source note '884.001 Selassie I/339: Telegram'; 'September 1', 'August 5' and 'yesterday' are not the date.",
     "The Reverend William Sheafe Chase (named in full in the text) 'called yesterday to inform the Department … He "
     "inquired whether'; he is not a participant. 'He was told that' names no Department officer (null); his "
     "letter is a document (null). Hull signs; Bingham's given names are outside knowledge."],
    signed_by="Cordell Hull"), [
    S(1, "William Sheafe Chase", "called yesterday to inform the Department; He inquired whether", "named"),
    N(2, "an unnamed Department officer's reply (passive 'He was told')", "He was told that the Emperor had not applied"),
    N(3, "Chase's letter: a document described", "Today a letter was received from Dr. Chase stating"),
    S(4, "Cordell Hull", "The foregoing is for your information", "-", True,
      "the writer's own instruction; nobody's words reported"),
    SIG(5),
])

labelled("frus1936v03:d582", base(
    "frus1936v03:d582", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-06-29", "Geneva, June 29, 1936—2 p.m", "2 p.m.", "Geneva", "767.68119/929",
    [GILBERT, HULL],
    ["Source note '767.68119/929: Telegram (part air)'; '[Received June 30—3:40 p.m.]' is a later day; 'June 26' is "
     "telegram 254.",
     "Two unnamed informants: 'A member of the British delegation to the Montreux Conference informs me … He added', "
     "and 'The Greek Minister informs me' (not named in the telegram). Both are null; the document is labelled as an "
     "example of reported talk whose speakers the text does not name. " + OUTSIDE_GILBERT],
    signed_by="Prentiss B. Gilbert"), [
    HEAD(1, "the telegram number and subject, alone in the paragraph"),
    N(2, "an unnamed member of the British delegation", "A member of the British delegation to the Montreux Conference informs me"),
    N(3, "the same unnamed delegate's views, and the writer's report of a general feeling",
      "He saw, however, a lack of fixity"),
    N(4, "the Greek Minister, not named", "The Greek Minister informs me"),
    SIG(5),
])

# ---------------------------------------------------------------- frus1936v03: metadata only ----------
metadata("frus1936v03:d368", base(
    "frus1936v03:d368", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-07-28", "Addis Ababa, July 28, 1936—4 p.m", "4 p.m.", "Addis Ababa", "124.846/56",
    [ENGERT_A, HULL],
    ["Source note '124.846/56: Telegram'; '[Received July 29—7:20 a.m.]' is a later day; 'July 28, 8 a.m.' and "
     "'July 27' are other telegrams. 'Marshal' (Graziani, not named here) is not a participant. Engert's given "
     "names and Hull as Secretary of State are outside knowledge."],
    signed_by="Cornelius Van H. Engert", labelled_doc=False))
metadata("frus1936v03:d366", base(
    "frus1936v03:d366", "The Secretary of State to the Chargé in Italy (Kirk)", "telegram",
    "1936-07-27", "Washington, July 27, 1936—10 p.m", "10 p.m.", "Washington", "124.842/145",
    [HULL_A, KIRK_R],
    ["Source note '124.842/145: Telegram'; 'July 25', 'July 24' and 'July 21, 1936' (the decree) are not the date. "
     "The Minister Resident at Addis Ababa (his quoted telegram) and Marshal Graziani are not participants. Kirk's "
     "given names are outside knowledge."],
    signed_by="Cordell Hull", labelled_doc=False))
metadata("frus1936v03:d219", base(
    "frus1936v03:d219", "The Ambassador in the United Kingdom (Bingham) to the Secretary of State", "telegram",
    "1936-09-11", "London, September 11, 1936—2 p.m", "2 p.m.", "London", "884.001 Selassie I/340",
    [BINGHAM_A, HULL],
    ["Source note '884.001 Selassie I/340: Telegram'; '[Received September 11—9:55 a.m.]' is an earlier hour of the "
     "same day (time zone); 'September 10' is the Department's 333. Edward Page Gaston (his caller) and Dr. Chase "
     "are not participants. Bingham's given names and Hull as Secretary of State are outside knowledge."],
    signed_by="Robert Worth Bingham", labelled_doc=False))
metadata("frus1936v03:d554", base(
    "frus1936v03:d554", "The Consul at Beirut (Steger) to the Secretary of State", "despatch",
    "1934-01-23", "Beirut, January 23, 1934", None, "Beirut", "890E.1281/2",
    [STEGER, HULL],
    ["A despatch ('No. 632', 'Sir: I have the honor to refer', 'Respectfully yours,', signed 'C. T. Steger'); "
     "'[Received February 8.]' and 'January 13, 1934' are not the date. The British Consul General and the French "
     "High Commission are not participants. Steger's given name (Christian T., as he signs frus1936v03 d541) and Hull "
     "as Secretary of State in 1934 are outside knowledge."],
    signed_by="Christian T. Steger", labelled_doc=False))

# ---------------------------------------------------------------- build and self-checks ---------
def build():
    ex = excluded_strict()
    out, index, bad = [], {}, 0
    for kind, id_, meta, labels, gaps in DOCS:
        vol, n = id_.split(":d")
        if int(n) in ex[vol]:
            bad += 1; print("EXCLUDED document used:", id_)
        title, text = doc(id_)
        if title != meta["title"]:
            bad += 1; print("title differs", id_, repr(title))
        entry = dict(meta)
        if kind == "labelled":
            paras = paragraphs(text)
            passages, idx = [], []
            for (i, speaker, evidence, basis, k, acc, note) in labels:
                p = passage(paras, i, speaker, evidence, basis, k, acc, note)
                passages.append(p); idx.append(i)
                for piece in (evidence or "").split("; "):
                    if not piece:
                        continue
                    if piece.startswith("ctx:"):
                        if not any(piece[4:] in q for q in paras[:i]):
                            bad += 1; print("ctx not earlier", id_, i, piece)
                    elif piece not in paras[i]:
                        bad += 1; print("evidence not in paragraph", id_, i, piece)
                if speaker is None and acc:
                    bad += 1; print("accept_null on null", id_, i)
            declared = set()
            for g in gaps:
                nums = [int(x) for x in g.split(":")[0].replace("paragraphs", "").replace("paragraph", "").split("-")]
                declared.update(range(nums[0], nums[-1] + 1))
            if idx != sorted(idx) or len(set(idx)) != len(idx):
                bad += 1; print("order", id_)
            for j in range(1, max(idx) + 1):
                if j not in idx and j not in declared:
                    bad += 1; print("undeclared gap", id_, j)
            # the declared gaps must reach exactly to the end of the inclosures, i.e. cover every paragraph after
            # the last labelled one up to the last non-footnote paragraph
            entry["passages"] = passages
            index[id_] = idx
        out.append(entry)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    INDEX.write_text(json.dumps(index, indent=1), encoding="utf-8")
    n_pass = sum(len(d.get("passages", [])) for d in out)
    print(f"documents {len(out)}, labelled {len(index)}, passages {n_pass}, bad {bad}")


if __name__ == "__main__":
    build()
