"""Hand-entered labels for the eleventh key's FRUS TEI documents; writes holdout_twelfth/frus_tei_part_a.json and
labelled_index.json (scratch: the paragraph index each passage was read from, for check_twelfth_a.py).
Every value below was decided by reading the document (tei_read.py, meta_raw.py output)."""
import json
from pathlib import Path
from labels_common import P, HULL, LANSING_R, GRESHAM_R, passage, N, SIG, HEAD, S, doc, paragraphs
from excluded import excluded_strict

OUT = Path("/work/main/tests/data/holdout_twelfth/frus_tei_part_a.json")
INDEX = Path("/work/keywork/twelfth_frus_a/labelled_index.json")

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
        m["signed_by"] = signed_by  # None for an unsigned labelled document (d266), to keep the labelled format
    m["notes"] = notes
    return m


GILBERT = P("Prentiss B. Gilbert", "Gilbert", "author", "The Consul at Geneva (Gilbert)", "Consul at Geneva")
BAYARD = P("Thomas F. Bayard", "Bayard", "author", "Mr. Bayard", "Ambassador to Great Britain")
KIRK = P("Alexander C. Kirk", "Kirk", "author", "The Chargé in Italy (Kirk)", "Chargé in Italy")
EDEN = "Anthony Eden"

GILBERT = P("Prentiss B. Gilbert", "Gilbert", "author", "The Consul at Geneva (Gilbert)", "Consul at Geneva")
KIRK = P("Alexander C. Kirk", "Kirk", "author", "The Chargé in Italy (Kirk)", "Chargé in Italy")
ATHERTON = P("Ray Atherton", "Atherton", "author", "The Chargé in the United Kingdom (Atherton)",
             "Chargé in the United Kingdom")
GUINAZU = "Enrique Ruiz Guiñazú"
GUINAZU_NOTE = ("The footnotes print his name 'Enrique Ruiz-Guiñazu' (d149, footnote 54) and 'Enrique Ruíz-Guiñazú' "
                "(d163, footnote 79); the speaker is written 'Enrique Ruiz Guiñazú' so that its surname key is "
                "'Guiñazú', the name the telegrams print in their text.")

# ---------------------------------------------------------------- frus1936v03: labelled ----------
labelled("frus1936v03:d149", base(
    "frus1936v03:d149", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-05-30", "Geneva, May 30, 1936—6 p.m", "6 p.m.", "Geneva", "765.84/4543",
    [GILBERT, HULL],
    ["Source note '765.84/4543: Telegram'; '[Received 8:55 p.m.]' is the same day; 'May 29', 'May 12' and 'June 16th' "
     "are not the date.",
     "Gilbert's talk with 'the Argentine Minister' (Enrique Ruiz-Guiñazu, footnote 54: the Argentine permanent "
     "delegate), who is not a participant: 'He tells me', 'He stated', 'He asserted', 'He emphasized'. " + GUINAZU_NOTE,
     "Unnamed speakers ('members of the Secretariat inform me', 'The representatives of the Balkan Entente powers "
     "tell me') are null; the writer's own analysis is Gilbert's (accept_null). Gilbert's given name and Hull as "
     "Secretary of State are outside knowledge."],
    signed_by="Prentiss B. Gilbert"), [
    HEAD(1, "the telegram number and a reference, alone in the paragraph"),
    N(2, "framing: the writer announces his talk with the Argentine Minister; nobody's words yet",
      "I have now had opportunity to discuss with the Argentine Minister"),
    S(3, GUINAZU, "He tells me that; He stated that; He asserted that; He emphasized that", "pronoun",
      note="'He' is the Argentine Minister of paragraph 2 (footnote 54); 'It was not intended that …' continues his "
           "account"),
    S(4, "Prentiss B. Gilbert", "It is impossible at the moment to appraise; I think it may readily be seen", "-", True,
      "the writer's analysis; the Minister's word 'revolt' is quoted inside it ('as indeed the Argentine Minister "
      "expressed it to me'), in a subordinate clause"),
    N(5, "the writer's analysis around unnamed speakers in a main clause",
      "members of the Secretariat inform me"),
    S(6, "Prentiss B. Gilbert", "To what extent the Argentine action may be motivated", "-", True,
      "the writer's analysis; nobody's words reported"),
    N(7, "the writer's talk with the (unnamed) Jugoslav Minister and unnamed representatives in main clauses",
      "when I took up the question with the Jugoslav Minister; The representatives of the Balkan Entente powers tell me"),
    N(8, "an unattributed general criticism", "There is also a general criticism"),
    N(9, "the writer's report of the technical situation; 'It is believed', 'It is felt' are impersonal",
      "The technical situation is that the Assembly stands adjourned"),
    SIG(10),
], gaps=["paragraphs 11-15: the footnotes, not labelled"])

labelled("frus1936v03:d163", base(
    "frus1936v03:d163", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-06-24", "Geneva, June 24, 1936—4 p.m", "4 p.m.", "Geneva", "765.84/4718",
    [GILBERT, HULL],
    ["Source note '765.84/4718: Telegram (part air)'; '[Received June 25—7:10 p.m.]' is a later day; 'June 30' (the "
     "Assembly) is not the date.",
     "Guiñazú (footnote 79: Enrique Ruíz-Guiñazú, a member of the Argentine delegation) 'informs me in confidence', "
     "'He declared', 'He disclosed to me', 'He frankly admitted to me'; he is not a participant. " + GUINAZU_NOTE,
     "The rest is the writer's analysis and forecast (Gilbert, accept_null). Unnamed groups ('small state delegations "
     "… as they described it', 'The Russians have privately advanced') are null. Gilbert's given name and Hull as "
     "Secretary of State are outside knowledge."],
    signed_by="Prentiss B. Gilbert"), [
    N(1, "heading-like sentence announcing the points that follow", "The chief points in the situation here"),
    S(2, GUINAZU, "Guiñazú. The latter informs me in confidence; He declared that; He disclosed to me; He frankly "
                  "admitted to me", "named",
      note="the first sentence (Argentina's delegation) is the writer's; Guiñazú's is the only speech reported"),
    S(3, "Prentiss B. Gilbert", "It is obvious that a reconciliation", "-", True, "the writer's analysis"),
    S(4, "Prentiss B. Gilbert", "I am unable to determine", "first-person", True, "the writer's analysis"),
    S(5, "Prentiss B. Gilbert", "In general, I feel that", "first-person", True,
      "the writer's analysis; 'The best opinion here leans to the latter view' is unattributed"),
    N(6, "heading-like sentence announcing the forecast that follows", "The best indications here point"),
    S(7, "Prentiss B. Gilbert", "Open discussion will be as far as possible avoided", "-", True,
      "the writer's forecast"),
    N(8, "the small state delegations' resentment, 'as they described it': unnamed speakers",
      "as they described it"),
    S(9, "Prentiss B. Gilbert", "An attempt will be made to confine this question", "-", True,
      "the writer's forecast"),
    N(10, "unnamed speakers: the Russians collectively", "The Russians have privately advanced the thesis"),
    S(11, "Prentiss B. Gilbert", "My personal view is that", "first-person", True,
      "the writer's own opinion, no words reported; 'in Latin American circles is believed' is unattributed"),
    S(12, "Prentiss B. Gilbert", "A situation without precedent prevails", "-", True, "the writer's analysis"),
    SIG(13),
], gaps=["paragraph 14: the footnote, not labelled"])

STARLING = "F. C. Starling"
labelled("frus1936v03:d113", base(
    "frus1936v03:d113", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-02-13", "Geneva, February 13, 1936—5 p.m", "5 p.m.", "Geneva", "765.84/3724",
    [GILBERT, HULL],
    ["Source note '765.84/3724: Telegram (part air)'; '[Received February 14—3:50 p.m.]' is a later day.",
     "'The head of the British delegation at the recent meetings of the Experts Committees informs me as follows' is "
     "named only in footnote 93 ('F. C. Starling, head of the Petroleum Department, Board of Trade'), as the eighth "
     "key's d2 names its caller only in a footnote; he is not a participant: 'He believed', 'He stated', 'My informant "
     "did not believe … He felt … He rather thought', 'My informant seemed anxious to assure me'.",
     "The writer's closing analysis is Gilbert's (accept_null). Gilbert's given name and Hull as Secretary of State "
     "are outside knowledge."],
    signed_by="Prentiss B. Gilbert"), [
    N(1, "framing: the informant introduced ('informs me as follows'); what he said follows",
      "informs me as follows, requesting that the source be kept confidential"),
    S(2, STARLING, "He believed that the earliest date", "pronoun",
      note="'He' is the head of the British delegation of paragraph 1 (footnote 93)"),
    S(3, STARLING, "He stated that, as his delegation saw it; He stated that the adoption of an embargo", "pronoun"),
    S(4, STARLING, "My informant did not believe; He felt that; He rather thought; The last he suggested", "-",
      note="the writer's aside 'It will be noted that the four alternatives …' is analysis, not words"),
    S(5, STARLING, "My informant seemed anxious to assure me", "-", True,
      "the writer's analysis opens the paragraph; the informant's assurance closes it"),
    S(6, "Prentiss B. Gilbert", "The general atmosphere of these disclosures was", "-", True,
      "the writer's characterization of the disclosures"),
    S(7, "Prentiss B. Gilbert", "It may be observed from the character of the alternatives", "-", True,
      "the writer's analysis ('the views of my informant which I have set forth above' refers back)"),
    SIG(8),
], gaps=["paragraph 9: the footnote, not labelled"])

COLSON = "Everett A. Colson"
labelled("frus1936v03:d164", base(
    "frus1936v03:d164", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-06-24", "Geneva, June 24, 1936—5 p.m", "5 p.m.", "Geneva", "765.84/4719",
    [GILBERT, HULL],
    ["Source note '765.84/4719: Telegram'; '[Received June 25—6:50 p.m.]' is a later day; 'this morning' is the same "
     "day.",
     "'Colson called on me this morning and in our conversation the following was brought out' (footnote 80: "
     "'Everett A. Colson, an American citizen, financial adviser to the Ethiopian Government'); he is not a "
     "participant. What was brought out is printed as statements without a verb of saying (Colson, accept_null); "
     "'Colson believes' is his. Gilbert's given name and Hull as Secretary of State are outside knowledge."],
    signed_by="Prentiss B. Gilbert"), [
    N(1, "framing: Colson's call, introducing what was brought out",
      "Colson called on me this morning and in our conversation the following was brought out"),
    S(2, COLSON, "ctx:in our conversation the following was brought out", "-", True,
      "Colson's information on the Ethiopians' plans, with no verb of saying"),
    S(3, COLSON, "ctx:in our conversation the following was brought out", "-", True,
      "Colson's information continued ('They estimate' is the Ethiopians, as he reports them)"),
    S(4, COLSON, "Colson believes, however, as do I", "named",
      note="the writer only shares the view ('as do I'); Colson's belief is what is reported"),
    SIG(5),
], gaps=["paragraphs 6-7: the footnotes, not labelled"])

labelled("frus1936v03:d161", base(
    "frus1936v03:d161", "The Chargé in the United Kingdom (Atherton) to the Secretary of State", "telegram",
    "1936-06-18", "London, June 18, 1936—6 p.m", "6 p.m.", "London", "765.84/4678",
    [ATHERTON, HULL],
    ["Source note '765.84/4678: Telegram'; '[Received June 18—2:24 p.m.]' is an earlier hour of the same day; 'June 8', "
     "'May 6th' and 'last December' are not the date.",
     "A résumé of Eden's speech in the House of Commons ('his five points were', 'Eden reviewed … made an urgent "
     "appeal … he warned'), the House's reaction, an unnamed Labour Party official's account, and 'Sir Samuel Hoare "
     "stated' to the Naval Attaché. None of them is a participant. Eden's given name, Atherton's given name and Hull "
     "as Secretary of State are outside knowledge."],
    signed_by="Ray Atherton"), [
    S(1, "Anthony Eden", "brief résumé of Eden's speech; his five points were; Eden reviewed the German situation",
      "named", note="a speech in the House of Commons, summarized; Eden's given name is outside knowledge"),
    N(2, "the House's reaction, no words reported", "The House, which was in a highly skeptical mood"),
    N(3, "an unnamed Labour Party official's account of the Prime Minister's approach (the Prime Minister is not "
         "named)", "I understand from an official of the Labor Party"),
    S(4, "Samuel Hoare", "Sir Samuel Hoare stated that he might tell his people", "named",
      note="the Naval Attaché's courtesy visit is the setting; Hoare's words are the only ones reported"),
    SIG(5),
], gaps=["paragraphs 6-9: the footnotes, not labelled"])

labelled("frus1936v03:d80", base(
    "frus1936v03:d80", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-05-09", "Addis Ababa, May 9, 1936—2 p.m", "2 p.m.", "Addis Ababa", "884.001 Selassie I/318",
    [ENGERT, HULL],
    ["Source note '884.001 Selassie I/318: Telegram'; '[Received 4:50 p.m.]' is the same day; 'May 5', 'April 30', "
     "'May 1' and 'May 4' are not the date.",
     "The British Minister ('the Minister', 'Sir Sidney', 'British Minister tells me') told Engert of the Emperor's "
     "departure; he is not a participant. His surname Barton (as the eighth and ninth keys spell him, 'Sidney "
     "Barton') is outside knowledge, as are Engert's given names and Hull as Secretary of State."],
    signed_by="Cornelius Van H. Engert"), [
    S(1, "Sidney Barton", "the Minister informed me in strict confidence; I gathered from Sir Sidney's remarks",
      "title",
      note="the Emperor's words ('told him his family would shortly be leaving') are inside the Minister's account, in a "
           "subordinate clause"),
    S(2, "Sidney Barton", "British Minister tells me", "title"),
    S(3, "Cornelius Van H. Engert", "kindly repeat to me such reports", "first-person", True,
      "the writer's own request to the Department"),
    SIG(4),
], gaps=["paragraph 5: the footnote, not labelled"])

labelled("frus1936v03:d228", base(
    "frus1936v03:d228", "The Chargé in Italy (Kirk) to the Secretary of State", "telegram",
    "1936-05-11", "Some, May 11, 1936—3 p.m", "3 p.m.", "Rome", "765.84/4362",
    [KIRK, HULL],
    ["Source note '765.84/4362: Telegram'; the dateline prints 'Some' for Rome (OCR); '[Received May 11—2:20 p.m.]' is "
     "an earlier hour of the same day; 'May 9', 'Saturday' and 'May 10' are not the date.",
     "Unnamed Italian officials ('They declare', 'a responsible official of the Ministry volunteered the statement') "
     "are null. Suvich 'told me' and Mussolini 'conveyed … his appreciation' share one paragraph (null). Neither is a "
     "participant. Kirk's given names and Hull as Secretary of State are outside knowledge."],
    signed_by="Alexander C. Kirk"), [
    N(1, "unnamed Italian officials ('They declare') and impersonal reports", "They declare that from their point of view"),
    N(2, "the writer's call at the Foreign Office; the speakers are unnamed",
      "I was informed of the telegram; a responsible official of the Ministry volunteered the statement"),
    N(3, "two speakers in main clauses: Suvich and Mussolini",
      "Suvich this morning told me; Mussolini also, at the Palazzo Venezia on Saturday evening, conveyed"),
    S(4, "Alexander C. Kirk", "I am convinced, however, that", "first-person", True,
      "the writer's analysis of Italian opinion"),
    S(5, "Alexander C. Kirk", "I shall appreciate any advices", "first-person", True,
      "the writer's own request to the Department"),
    SIG(6),
], gaps=["paragraphs 7-8: the footnotes, not labelled"])

labelled("frus1936v03:d72", base(
    "frus1936v03:d72", "The Chargé in Italy (Kirk) to the Secretary of State", "telegram",
    "1936-05-03", "Rome, May 3, 1936—1 p.m", "1 p.m.", "Rome", "765.84/4230",
    [KIRK, HULL],
    ["Source note '765.84/4230: Telegram'; '[Received May 3—9:30 a.m.]' is an earlier hour of the same day.",
     "The French Ambassador's representations (unnamed) and the writer's reply share paragraph 1 (null). Foreign press "
     "correspondents received by Mussolini 'report that he stated … He added'. Nobody reported is a participant. "
     "Mussolini's given name, Kirk's and Hull as Secretary of State are outside knowledge."],
    signed_by="Alexander C. Kirk"), [
    N(1, "the unnamed French Ambassador's representations and the writer's own statement, both main clauses",
      "the French Ambassador here is making representations; in reply to an inquiry I have stated"),
    S(2, "Benito Mussolini", "report that he stated that Addis Ababa had not yet been taken; He added that", "named", True,
      "Mussolini's words as the correspondents report them ('Foreign press correspondents … report' is a main clause)"),
    SIG(3),
])

labelled("frus1936v03:d266", base(
    "frus1936v03:d266", "The British Embassy to the Department of State", "memorandum",
    "1936-12-23", "Washington, December 23, 1936", None, "Washington", "701.4184/61",
    [{"name": "British Embassy", "match_key": "British Embassy", "role": "author", "as_printed": "The British Embassy",
      "kind": "institution", "side": "United Kingdom"},
     {"name": "Department of State", "match_key": "Department of State", "role": "recipient",
      "as_printed": "the Department of State", "kind": "institution", "side": "US"}],
    ["Source note '701.4184/61'; headed 'Aide-Mémoire' (a diplomatic memorandum, as the third key's d187 from the "
     "same Embassy); its date line 'Washington, December 23, 1936.' is printed at the end; 'December 21st' and 'last "
     "July' are not the date. No signature.",
     "It reports Sir Eric Drummond's talk with Count Ciano ('Sir Eric Drummond also asked … To this Count Ciano "
     "agreed', 'Sir Eric Drummond explained … Count Ciano answered'), an unnamed Italian Minister's and Under-Secretary's "
     "words, and His Majesty's Government's position. Every paragraph holds two speakers or unnamed ones: all null. "
     "Nobody reported is a participant."]), [
    N(1, "two speakers in main clauses: Drummond asked, Ciano agreed",
      "Sir Eric Drummond also asked; To this Count Ciano agreed"),
    N(2, "two speakers in main clauses: Drummond explained, Ciano answered",
      "Sir Eric Drummond explained; Count Ciano answered"),
    N(3, "His Majesty's Government's reasons, with unnamed Italian officials' words",
      "the Italian Minister for Foreign Affairs told; the Italian Under-Secretary of State for Foreign Affairs told him"),
    N(4, "His Majesty's Government's position (an institution)", "It is realised that the action"),
    HEAD(5, "the date line, printed at the end"),
])

labelled("frus1936v03:d220", base(
    "frus1936v03:d220", "The Ambassador in Italy (Phillips) to the Secretary of State", "telegram",
    "1936-11-20", "Rome, November 20, 1936—3 p.m", "3 p.m.", "Rome", "884.001 Selassie I/345",
    [P("William Phillips", "Phillips", "author", "The Ambassador in Italy (Phillips)", "Ambassador in Italy"), HULL],
    ["Source note '884.001 Selassie I/345: Telegram'; '[Received November 20—12:05 p.m.]' is an earlier hour of the "
     "same day.",
     "'Count Ciano informs me' (footnote 72: 'Count Galeazzo Ciano, Italian Minister for Foreign Affairs'), 'Count Ciano "
     "feels'; the writer's reply 'I have told him' is a paragraph of its own. Ciano is not a participant; Hansberry and "
     "Steen are named in Ciano's list. Phillips's given name (as the eighth key spells him) and Hull as Secretary of "
     "State are outside knowledge."],
    signed_by="William Phillips"), [
    S(1, "Galeazzo Ciano", "Count Ciano informs me that; Count Ciano feels that", "named",
      note="'He has sent me a list' and the list's contents are Ciano's information; 'The complete list will be sent by "
           "mail' is the writer's, with no words to anyone"),
    S(2, "William Phillips", "I have told him that", "first-person"),
    SIG(3),
], gaps=["paragraph 4: the footnote, not labelled"])

labelled("frus1936v03:d32", base(
    "frus1936v03:d32", "The Chargé in Egypt (Childs) to the Secretary of State", "telegram",
    "1936-11-19", "Cairo, November 19, 1936—9 a.m", "9 a.m.", "Cairo", "783.003/126",
    [P("J. Rives Childs", "Childs", "author", "The Chargé in Egypt (Childs)", "Chargé in Egypt"), HULL],
    ["Source note '783.003/126: Telegram'; '[Received 9:10 a.m.]' is the same day; 'last night', 'yesterday' and "
     "'January 15th' are not the date.",
     "'The High Commissioner informed me yesterday … and suggested' is Sir Miles Lampson (footnote 37); he is not a "
     "participant. Childs's given names (printed in footnote 40 of frus1936v03 d36, not in this document) and Hull as "
     "Secretary of State are outside knowledge."],
    signed_by="J. Rives Childs"), [
    S(1, "Miles Lampson", "The High Commissioner informed me yesterday; suggested January 15th", "title",
      note="the first sentence (Parliament's approval) is a fact reported by the writer; footnote 37 names the High "
           "Commissioner"),
    S(2, "J. Rives Childs", "I am doubtful if as early a date", "first-person", True, "the writer's own view"),
    SIG(3),
], gaps=["paragraphs 4-5: the footnotes, not labelled"])

# ---------------------------------------------------------------- frus1936v03: metadata only -----
metadata("frus1936v03:d47", base(
    "frus1936v03:d47", "The Ambassador in Italy (Long) to the Secretary of State", "despatch",
    "1936-02-21", "Rome, February 21, 1936", None, "Rome", "765.84/3849",
    [P("Breckinridge Long", "Long", "author", "The Ambassador in Italy (Long)", "Ambassador in Italy"), HULL],
    ["Source note '765.84/3849', printed as an '[Extract]'; a despatch ('No. 1565', 'Sir:', 'Respectfully yours,', "
     "'Breckinridge Long'); 'February 13th' is another despatch. The Military Attaché (reports transmitted) and "
     "Graziani (mentioned) are not participants. Hull as Secretary of State is outside knowledge."],
    signed_by="Breckinridge Long", labelled_doc=False))
metadata("frus1936v03:d229", base(
    "frus1936v03:d229", "The Italian Ambassador (Rosso) to the Secretary of State", "note",
    "1936-05-11", "Washington, May 11, 1936", None, "Washington", "765.84/4396",
    [P("Augusto Rosso", "Rosso", "author", "The Italian Ambassador (Rosso)", "Italian Ambassador", "Italy"), HULL],
    ["Source note '765.84/4396'; a third-person note ('The Italian Ambassador presents his compliments to His "
     "Excellency the Secretary of State') with its date line 'Washington, May 11, 1936.' at the end; footnote 90 says it "
     "was handed to the Secretary 'May 12, 1936' (delivery, not the date); 'May 9th' is the decree. Rosso's given "
     "name and Hull as Secretary of State are outside knowledge."],
    labelled_doc=False))
metadata("frus1936v03:d259", base(
    "frus1936v03:d259", "The Chargé in Germany (Mayer) to the Secretary of State", "telegram",
    "1936-08-05", "Berlin, August 5, 1936—1 p.m", "1 p.m.", "Berlin", "865D.01/156",
    [P("Ferdinand L. Mayer", "Mayer", "author", "The Chargé in Germany (Mayer)", "Chargé in Germany"), HULL],
    ["Source note '865D.01/156: Telegram'; '[Received August 5—10:10 a.m.]' is an earlier hour of the same day; "
     "'August 1', 'July 29' and 'July 15' are not the date. The Foreign Office (unnamed speakers), Eden and "
     "Mussolini (mentioned) are not participants. Mayer's given name and Hull as Secretary of State are outside "
     "knowledge."],
    signed_by="Ferdinand L. Mayer", labelled_doc=False))
metadata("frus1936v03:d155", base(
    "frus1936v03:d155", "The Ambassador in France (Straus) to the Secretary of State", "telegram",
    "1936-06-05", "Paris, June 5, 1936—3 p.m", "3 p.m.", "Paris", "765.84/4576",
    [STRAUS, HULL],
    ["Source note '765.84/4576: Telegram'; '[Received June 5—11:45 a.m.]' is an earlier hour of the same day; 'the 29th "
     "of this month' is the Assembly. The Foreign Office (unnamed), Saavedra Lamas and Mussolini (mentioned) are not "
     "participants. Straus's given names and Hull as Secretary of State are outside knowledge."],
    signed_by="Jesse Isidor Straus", labelled_doc=False))


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
