"""Hand-entered labels for the ninth key's FRUS TEI documents; writes holdout_ninth/frus_tei.json and
labelled_index.json (scratch: the paragraph index each passage was read from, for check_index.py).
Every value below was decided by reading the document (doc_*.txt, meta_raw.py output)."""
import json
from pathlib import Path
from labels_common import P, HULL, LANSING_R, GRESHAM_R, passage, N, SIG, HEAD, S, doc, paragraphs
from excluded import excluded

OUT = Path("/work/main/tests/data/holdout_ninth/frus_tei.json")
INDEX = Path("/work/keywork/ninth_frus/labelled_index.json")

ENGERT = P("Cornelius Van H. Engert", "Engert", "author", "The Minister Resident in Ethiopia (Engert)",
           "Minister Resident in Ethiopia")
MERRIAM = P("Gordon P. Merriam", "Merriam", "author", "The Chargé in Iran (Merriam)", "Chargé in Iran")
BAKER = P("Lewis Baker", "Baker", "author", "Mr. Baker", "Minister to Nicaragua")
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
    if signed_by:
        m["signed_by"] = signed_by
    m["notes"] = notes
    return m


# ---------------------------------------------------------------- frus1936v03: labelled ----------
BARTON = "Sidney Barton"
labelled("frus1936v03:d169", base(
    "frus1936v03:d169", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-06-27", "Addis Ababa, June 27, 1936—6 p.m", "6 p.m.", "Addis Ababa", "765.84/4737",
    [ENGERT, HULL],
    ["Source note '765.84/4737: Telegram'; '[Received July 2—9 p.m.]' (a telegram in seven sections) and 'March 1 [3]' "
     "(an earlier telegram) are not the date.",
     "Reports talks with three colleagues, none a participant: the British Minister (named 'Sir Sidney' in the text "
     "and 'Sir Sidney Barton' in footnote 86, attached to 'The British Minister'), the French Minister 'Monsieur "
     "Bodard' and the German 'Dr. Strohm' (no given names printed for these two). Engert's given names are outside "
     "knowledge.",
     "Each colleague's views run on over paragraphs without a verb of saying (accept_null); the writer's own analysis "
     "between them is Engert's (accept_null)."],
    signed_by="Cornelius Van H. Engert"), [
    N(1, "framing: the telegram's announcement of its sources", "The following observations are based on recent conversations"),
    S(2, BARTON, "The British Minister came to see me several times before his departure and said", "title",
      note="named in footnote 86 ('Sir Sidney Barton') and as 'Sir Sidney' in the next paragraph; 'When I asked to what "
           "causes he attributed this failure' is subordinate"),
    S(3, BARTON, "Sir Sidney was very anxious about the future.", "named", True,
      "his views in free indirect speech, no verb of saying"),
    S(4, BARTON, "and he replied that he doubted whether it had yet taken shape", "pronoun", True,
      "the writer's question 'I then asked what he thought' is a main clause; the reply fills the paragraph"),
    S(5, BARTON, "To a further question Sir Sidney replied that", "named", note="'To a further question' is subordinate"),
    S(6, "Cornelius Van H. Engert", "I gathered from the British Minister's remarks", "first-person", True,
      "the writer's inference and analysis"),
    S(7, "Cornelius Van H. Engert", "the British Government is obliged to revise its entire policy", "-", True,
      "the writer's analysis continued"),
    S(8, "Cornelius Van H. Engert", "has been placed in a peculiar position", "-", True,
      "the writer's description of the French Legation ('professing with amusing unanimity' is a participle)"),
    S(9, "Bodard", "Bodard replied he doubted it very much", "named", True,
      "the writer's question 'I inquired whether the Blum Government' is a main clause; Bodard's reply fills the paragraph"),
    S(10, "Bodard", "ctx:Bodard replied he doubted it very much", "-", True,
      "Bodard's account continued in indirect speech without a verb of saying"),
    S(11, "Bodard", "ctx:Bodard replied he doubted it very much", "-", True,
      "Bodard's account continued ('There seemed to be', 'France was today more than ever ready')"),
    S(12, "Strohm", "In recent chats with me he did not conceal his satisfaction", "named", True,
      "the writer's portrait of Strohm first ('a confirmed cynic'), then Strohm's views without a verb of saying"),
    S(13, "Strohm", "He replied very emphatically that there was", "pronoun", True,
      "the writer's question 'I asked whether' is a main clause; the reply fills the paragraph"),
    S(14, "Strohm", "In reply to my query whether Germany now expected to get her colonies back, he said that", "pronoun",
      note="'In reply to my query' is subordinate"),
    S(15, "Strohm", "ctx:he said that the question of colonies was much exaggerated", "-", True,
      "Strohm's account continued without a verb of saying"),
    SIG(16),
])

SOHEILY = "Ali Soheily"
labelled("frus1936v03:d450", base(
    "frus1936v03:d450", "The Chargé in Iran (Merriam) to the Secretary of State", "telegram",
    "1936-05-09", "Teheran, May 9, 1936—5 p.m", "5 p.m.", "Teheran", "701.9111/552",
    [MERRIAM, HULL],
    ["Source note '701.9111/552: Telegram'; '[Received May 10—6 p.m.]', 'May 6' (the day of the call) and 'April 30, "
     "7 p.m.' are not the date.",
     "Reports Merriam's call on Soheily, 'the Under Secretary' (reported, not a participant; his given name and "
     "Merriam's are outside knowledge, as in the seventh key): 'I explained', 'He asked whether', 'I replied', 'He "
     "said'. Kazemi and Hornibrook are mentioned."],
    signed_by="Gordon P. Merriam"), [
    S(1, "Gordon P. Merriam", "I explained that the first covered my instructions", "first-person",
      note="the call and the aide-mémoires described (documents), then the writer's explanation: the only words reported"),
    S(2, SOHEILY, "Soheily was deeply disappointed; He asked whether this consideration", "named",
      note="his disappointment, views and question"),
    S(3, "Gordon P. Merriam", "I replied that I did not think; As to a pretext I said", "first-person"),
    N(4, "both men in main clauses: Soheily's reluctance and reasons, then 'I had to emphasize that'",
      "The Under Secretary was extremely loath; I had to emphasize that"),
    S(5, SOHEILY, "returned both documents saying that the Foreign Minister agreed; He said he had found a note", "pronoun",
      note="'He' is the Under Secretary of paragraph 4; his words through the interpreter"),
    S(6, "Gordon P. Merriam", "In my opinion the plan was attractive", "first-person", True, "the writer's opinion"),
    S(7, "Gordon P. Merriam", "I believe it would be both wise and useful", "first-person", True,
      "the writer's recommendation"),
    N(8, "a transmittal note", "Copies of aide-mémoires are being forwarded."),
    SIG(9),
])

DAFTARY = "Ahmad Matine Daftary"
labelled("frus1936v03:d483", base(
    "frus1936v03:d483", "The Minister in Iran (Hornibrook) to the Secretary of State", "despatch",
    "1935-12-12", "Teheran, December 12, 1935", None, "Teheran", "211.91/13",
    [P("William H. Hornibrook", "Hornibrook", "author", "The Minister in Iran (Hornibrook)", "Minister in Iran"), HULL],
    ["A despatch ('No. 648', 'Sir: I have the honor to refer', 'Respectfully yours,'), dated 1935 by its dateline though "
     "in the 1936 volume; '[Received January 8, 1936.]', 'November 29, 1935', 'December 5' (the day of the talk) and "
     "the conferences of 1931, 1933 and 1935 are not the date.",
     "Signed 'Wm. H. Hornibrook' ('William H. Hornibrook' is printed in the title of d459 of this volume). Reports his "
     "talks with Dr. Ahmad Matine Daftary, Under Secretary of the Iranian Ministry of Justice ('He informed me', 'The "
     "Under Secretary … asserted', 'He added'), and with the unnamed Acting Minister; neither is a participant."],
    signed_by="William H. Hornibrook"), [
    N(1, "'No. 648': the despatch number"),
    N(2, "framing", "I have the honor to refer"),
    S(3, DAFTARY, "He informed me that he had been commissioned", "pronoun", note="'He' is Daftary, named in the sentence before"),
    S(4, DAFTARY, "The Under Secretary called my attention; asserted that his Government would prefer; He added that",
      "title", note="the writer's closing remark on Daftary's career is not speech"),
    N(5, "both men in main clauses", "I asked the Under Secretary; He reluctantly admitted; I pointed out"),
    S(6, DAFTARY, "the Under Secretary urged that; he replied that if I would send Mr. Saleh", "title", True,
      "the writer's question 'I asked him if I might have a copy' is a main clause between Daftary's words"),
    S(7, DAFTARY, "which he asserted had received the approval of the Conference", "named", True,
      "his acts and an assertion in a relative clause; his explanation to Saleh described"),
    N(8, "the writer's words and the unnamed Acting Minister's in main clauses, then the enclosure announced",
      "I informed the Acting Minister that; he assured me that"),
    SIG(9), SIG(10),
])

LEGER = "Alexis Léger"
labelled("frus1936v03:d93", base(
    "frus1936v03:d93", "The Ambassador in France (Stratus) to the Secretary of State", "telegram",
    "1936-01-09", "Paris, January 9, 1936—11 a.m", "11 a.m.", "Paris", "765.84/3373",
    [P("Jesse Isidor Straus", "Straus", "author", "The Ambassador in France (Stratus)", "Ambassador in France"), HULL],
    ["Source note '765.84/3373: Telegram'; '[Received January 9—9:20 a.m.]' (an earlier hour, time zone) and 'January "
     "21' are not the date. The title misprints the author's name 'Stratus'; the telegram is signed 'Straus'.",
     "Reports what Léger (Alexis Léger, Secretary General of the French Foreign Office, footnote 55) told Marriner "
     "(James Theodore Marriner, footnote 56): the writer was not present. Neither is a participant. Straus's given "
     "names are outside knowledge."],
    signed_by="Jesse Isidor Straus"), [
    S(1, LEGER, "Léger told Marriner yesterday afternoon that", "named"),
    S(2, LEGER, "Léger said that; He said that de Laboulaye", "named", True,
      "'Marriner asked him if he thought' is a main clause; Léger's answer fills the paragraph"),
    S(3, LEGER, "He said that their information; Léger felt that Mussolini; added that in his opinion", "named", True,
      "the writer's analysis opens the paragraph ('seems to be one aspect of the question'), then Léger's words"),
    SIG(4),
])

MOTAMEDI = "Motamedi"
labelled("frus1936v03:d452", base(
    "frus1936v03:d452", "The Chargé in Iran (Merriam) to the Secretary of State", "telegram",
    "1936-05-17", "Teheran, May 17, 1936—noon", "noon", "Teheran", "701.9111/555",
    [MERRIAM, HULL],
    ["Source note '701.9111/555: Telegram'; the time is a word ('noon'); '[Received May 18—4:35 a.m.]', 'March 31', "
     "'April 5', 'April 1', 'May 9, 5 p.m.', 'May 15, 5 p.m.' and 'March 15th' are not the date.",
     "Reports a call by Motamedi, Chief of the Third Political Division (no given name printed; not a participant), "
     "speaking for the Foreign Minister: 'he said', 'He asked whether', 'He made the suggestion'; then the writer's "
     "comments on the Department's telegram 24."],
    signed_by="Gordon P. Merriam"), [
    S(1, MOTAMEDI, "He had been instructed by the Foreign Minister to say; he said his Government expected; He asked whether",
      "named", True, "the call and Motamedi's words; 'whereupon I thoroughly went over the ground' is the writer's reply"),
    N(2, "both men in main clauses: Motamedi's suggestion and warning, then 'I pointed out to him that'",
      "He made the suggestion; I pointed out to him that"),
    S(3, "Gordon P. Merriam", "I am convinced likewise that; I believe that Mr. Hornibrook himself said", "first-person",
      True, "the writer's comments on the Department's telegram; Hornibrook's and Kazemi's words are inside 'I believe that'"),
    S(4, "Gordon P. Merriam", "A special mission might save the present situation", "-", True, "the writer's opinion"),
    S(5, "Gordon P. Merriam", "I have not given and will not give the impression", "first-person", True,
      "the writer's own account and advice"),
    SIG(6),
])

BARCLAY = "Edwin Barclay"
labelled("frus1936v03:d496", base(
    "frus1936v03:d496", "The Chargé in Liberia (Wharton) to the Secretary of State", "telegram",
    "1936-11-26", "Monrovia, November 26, 1936—9 a.m", "9 a.m.", "Monrovia", "882.01/62",
    [P("Clifton R. Wharton", "Wharton", "author", "The Chargé in Liberia (Wharton)", "Chargé in Liberia"), HULL],
    ["Source note '882.01/62: Telegram'; '[Received 3:22 p.m.]', 'October 6', 'November 6th' and 'October 2nd' are not "
     "the date.",
     "Reports a conference with Barclay (President of Liberia, named only 'Barclay'; his given name and post, and "
     "Wharton's given name, are outside knowledge). Barclay is reported, not a participant. The numbered points 1 and "
     "2 are what Barclay 'informed me as follows'; 3 and 5 are his question and remark; 4 is the writer's reply."],
    signed_by="Clifton R. Wharton"), [
    N(1, "framing: the despatch mailed and Barclay's report announced ('informed me as follows:')",
      "I mailed yesterday despatch 63 fully reporting conference with Barclay"),
    S(2, BARCLAY, "ctx:informed me as follows:", "-", True,
      "point 1 of Barclay's report: the Liberian Minister's suggestion in Paris, as Barclay told it"),
    S(3, BARCLAY, "He had received a despatch from Liberian Minister", "pronoun", True,
      "point 2 of Barclay's report, without a verb of saying in the paragraph"),
    S(4, BARCLAY, "Barclay asked me formally what would be my Government's attitude", "named"),
    S(5, "Clifton R. Wharton", "I replied that I was not in position", "first-person"),
    S(6, BARCLAY, "He remarked that he is fully cognizant", "pronoun"),
    SIG(7),
])

LAMPSON = "Miles Lampson"
labelled("frus1936v03:d26", base(
    "frus1936v03:d26", "The Minister in Egypt (Fish) to the Secretary of State", "despatch",
    "1936-03-10", "Cairo, March 10, 1936", None, "Cairo", "883.404/51",
    [P("Bert Fish", "Fish", "author", "The Minister in Egypt (Fish)", "Minister in Egypt"), HULL],
    ["A despatch ('No. 551', 'Sir: I have the honor to transmit herewith', 'Respectfully yours,'); '[Received April "
     "2.]', 'March 4, 1936', 'February 11, 1936', 'February 26, 1936' (the day of the interview), 'February 28, 1922' "
     "and the despatches of 1930 are not the date.",
     "Reports, from Dr. Watson's papers, an interview the writer did not attend: the High Commissioner (Sir Miles "
     "Lampson, footnote 24 and paragraph 11) received a delegation of the Egypt Inter-Mission Council whose spokesman "
     "was Doctor C. R. Watson ('referred to', 'cited'). His reply is quoted in three numbered points. Neither is a "
     "participant. Watson has only initials printed."],
    signed_by="Bert Fish"), [
    N(1, "'No. 551': the despatch number"),
    N(2, "transmittal", "I have the honor to transmit herewith"),
    N(3, "the Council's letter described: a document", "in a communication dated February 11, 1936"),
    N(4, "the Council's letter described: a document", "Particular attention was drawn by the Council"),
    N(5, "the delegation's point of view, passive and unnamed ('It was stated that')", "It was stated that"),
    S(6, "C. R. Watson", "Doctor Watson, as spokesman of the delegation, referred to; Doctor Watson cited", "named"),
    S(7, LAMPSON, "In his reply the High Commissioner observed that:", "title",
      note="named in footnote 24 and in paragraph 11; the quotation follows"),
    S(8, LAMPSON, "ctx:In his reply the High Commissioner observed that:", "-",
      note="the High Commissioner's reply quoted (point (1) opens with a quotation mark)"),
    S(9, LAMPSON, "ctx:In his reply the High Commissioner observed that:", "-", note="point (2) of the quoted reply"),
    S(10, LAMPSON, "ctx:In his reply the High Commissioner observed that:", "-", note="point (3) of the quoted reply"),
    S(11, LAMPSON, "In conclusion Sir Miles Lampson emphasized that", "named"),
    N(12, "Watson's letter to the Legation described: a document", "From Doctor Watson's letter of March 4, 1936"),
    S(13, "Bert Fish", "that no extended review of the situation appears called for", "-", True, "the writer's analysis"),
    S(14, "Bert Fish", "It will be recalled that the principal problem", "-", True, "the writer's analysis"),
    S(15, LAMPSON, "it may be noted that the High Commissioner considers that", "title", True,
      "the writer's comment, then the High Commissioner's reply quoted again"),
    S(16, LAMPSON, "the High Commissioner, it may be observed, stated that he might", "title",
      note="'it may be observed' is the writer's parenthesis"),
    S(17, LAMPSON, "In the High Commissioner's opinion, however", "title", True, "his opinion without a verb of saying"),
    S(18, "Bert Fish", "it would seem that a more realistic view", "-", True, "the writer's analysis"),
    S(19, "Bert Fish", "Finally, it would appear to me that", "first-person", True, "the writer's recommendation"),
    SIG(20), SIG(21),
])

# ---------------------------------------------------------------- frus1918Russiav03: labelled ----
LINDLEY = "Francis O. Lindley"
labelled("frus1918Russiav03:d93", base(
    "frus1918Russiav03:d93", "The Ambassador in Russia (Francis) to the Secretary of State", "telegram",
    "1918-10-01", "Archangel, October 1, 1918, 3 p.m", "3 p.m.", "Archangel", "861.51/361",
    [FRANCIS, LANSING_R],
    ["Source note '[Telegram]', file 'File No. 861.51/361'; '[Received October 3, 12.40 a.m.]', 'September 14, 4 p.m.' "
     "and 'September 24, 7 p.m.' are not the date. Addressed 'Also for Secretary of the Treasury'.",
     "Reports what Lindley (the British representative at Archangel; given name and post outside knowledge, printed "
     "only 'Lindley') said: 'Lindley says', 'told me confidentially'. He is not a participant. Lansing as Secretary "
     "of State is outside knowledge."],
    signed_by="David R. Francis"), [
    N(1, "the routing line 'Also for Secretary of the Treasury:'"),
    S(2, LINDLEY, "Lindley says British Government has its heart set on financial scheme", "named",
      note="the scheme's working explained after 'Lindley says'"),
    S(3, LINDLEY, "after saying his Government had advised him; told me confidentially", "named",
      note="the writer's closing 'if so I am not inclined to recommend' is his comment"),
    N(4, "the writer's report, his own earlier advice ('I advised the government') and the British claim ('British "
         "claim must have currency') in main clauses", "On arrival I advised the government; British claim must have currency"),
    SIG(5),
])

# ---------------------------------------------------------------- frus1894Nicaragua: labelled ----
labelled("frus1894Nicaragua:d59", base(
    "frus1894Nicaragua:d59", "No. 59. Mr. Baker to Mr. Gresham.", "despatch",
    "1894-06-05", "Legation of the United States, Managua, June 5, 1894", None, "Managua", None,
    [BAKER, GRESHAM_R],
    ["A despatch ('Sir; On Sunday, the 3d instant', 'I have, etc.,', 'Lewis Baker.'); '(Received July 3.)', 'the 12th "
     "and 24th of May', 'May 1' and the inclosure's 'May 30, 1894' and 'April 7, 1894' are not the date.",
     "Passages: the despatch's body to its signature. Baker's call on the minister for foreign affairs, Jose Madriz "
     "('The minister informed us'), and Baker's own speech to him ('I said that', then two paragraphs in the first "
     "person addressed 'Mr. Minister'). The inclosure (paragraphs 8-35, General Daniel Macauley's letter to the "
     "Minister, with Minister Gamez's letter quoted) is not labelled. Madriz and Macauley are not participants."],
    signed_by="Lewis Baker"), [
    S(1, "José Madriz", "The minister informed us that he would take up the matter at once", "title",
      note="the writer's call is framing; the minister's statement is the only words reported"),
    S(2, "Lewis Baker", "I said that it was to be deeply regretted", "first-person",
      note="Captain Watson's cable is described (a document)"),
    S(3, "Lewis Baker", "ctx:I said that it was to be deeply regretted", "-", True,
      "Baker's speech to the minister continued in the first person ('You express to me, Mr. Minister'), no verb of saying"),
    S(4, "Lewis Baker", "I feel authorized to say to you", "first-person",
      note="Baker's speech to the minister continued ('Mr. Minister'), with a first-person verb of saying"),
    S(5, "Daniel Macauley", "General Macauley then presented the case of the canal company to the minister", "named", True,
      "his presentation is reported without its content; then 'we withdrew'"),
    SIG(6), SIG(7),
], gaps=["paragraphs 8-35: the inclosure (Macauley's letter), not labelled"])

labelled("frus1894Nicaragua:d20", base(
    "frus1894Nicaragua:d20", "No. 20. Mr. Braida to Mr. Uhl.", "despatch",
    "1894-03-22", "Consulate of the United States, Bluefields, March 22, 1894", None, "Bluefields", None,
    [P("S. C. Braida", "Braida", "author", "Mr. Braida", "United States Consul"),
     P("Edwin F. Uhl", "Uhl", "recipient", "Mr. Uhl", "Assistant Secretary of State")],
    ["A consul's despatch ('Sir: I have the honor to transmit herewith copy of my dispatch', 'I am, etc.,', 'S. C. "
     "Braida, United States Consul'); '(Received March 31.)' and the inclosure's 'March 21, 1894', 'March 14', 'March "
     "19' are not the date. Uhl's given name and post are outside knowledge.",
     "The inclosure is Braida's own dispatch to Baker (not a participant of this despatch): the Americans' meetings, "
     "then Braida's talks with Her British Majesty's Consul Bingham ('he intimated') and General Lacayo ('He thanked "
     "us, but said'). Lacayo's given names (Carlos A., printed in other documents of the volume) are outside this "
     "document; Bingham has no given name printed.",
     "The inclosure's signature 'S. C. Braida, United States Consul.' (paragraph 23) begins like the despatch's "
     "signature (paragraph 4), so it is not labelled: the scorer's lookup would land on paragraph 4."],
    signed_by="S. C. Braida"), [
    N(1, "transmittal", "I have the honor to transmit herewith copy of my dispatch"),
    S(2, "S. C. Braida", "I beg to report that I shall stay here", "first-person", True,
      "the writer's plan and his judgment ('considering lives and property … not at all secured')"),
    SIG(3), SIG(4),
    HEAD(5, "editorial bracket '[Inclosure in No. 20.]'"),
    HEAD(6, "the inclosure's title"),
    HEAD(7, "the inclosure's date line"),
    N(8, "an event: the Americans' meeting", "a meeting was held in the clubhouse"),
    N(9, "the American residents' resolution: a collective act", "discussed and adopted a resolution"),
    N(10, "the delegates elected"),
    N(11, "events and the Americans' decision ('We unanimously decided to decline')", "all sorts of attempts have been made"),
    S(12, "S. C. Braida", "The experience we have had during the past year was tyranny", "first-person", True,
      "the writer's (and the Americans') view, no words reported"),
    N(13, "the delegation's purpose: a collective act", "The facts have decided our people here"),
    N(14, "events: Lacayo's appointments declined", "another attempt has been made to form a provisional government"),
    S(15, "S. C. Braida", "I beg to state that at this time the natives", "first-person", True,
      "the writer's statement of the situation in his own letter"),
    S(16, "Bingham", "he intimated that he was powerless to act", "pronoun", True,
      "'when I asked Mr. Bingham … if' is subordinate; the steamer's arrival and the writer's impression surround it"),
    N(17, "the writer's call and its purpose; no words reported", "I called on General Lacayo to find out"),
    N(18, "both men in main clauses: 'I suggested that', 'General Lacayo expressed himself very much pleased', 'telling "
          "him I would call a meeting'", "I suggested that he place the town; General Lacayo expressed himself"),
    S(19, "Carlos A. Lacayo", "He thanked us, but said that within the last two hours", "pronoun",
      note="'to inform him that we would take charge' is the purpose of the call (an infinitive)"),
    N(20, "an event: Bingham's departure"),
    N(21, "the writer's report of a fact", "I have received no dispatches whatever in a fortnight."),
    SIG(22),
], gaps=["paragraph 23: the inclosure's signature, not labelled (its text begins like paragraph 4's)"])

# ---------------------------------------------------------------- metadata only ------------------
metadata("frus1936v03:d70", base(
    "frus1936v03:d70", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "despatch",
    "1936-05-02", "Addis Ababa, May 2, 1936", None, "Addis Ababa", "123 EN 3/435", [ENGERT, HULL],
    ["A despatch ('No. 133', 'Sir: I have the honor to acknowledge', 'Respectfully yours,', 'C. Van H. Engert'); "
     "'[Received June 5.]', 'February 11, 1936', 'March 18, 1936', 'April 16', 'April 30, 1936' (the audience) and "
     "'May 1' are not the date. The Emperor (mentioned) is not a participant."],
    signed_by="Cornelius Van H. Engert", labelled_doc=False))
metadata("frus1936v03:d206", base(
    "frus1936v03:d206", "The Secretary of State to President Roosevelt", "letter",
    "1936-06-12", "Washington, June 12, 1936", None, "Washington", "711.00111 Armament Control/924",
    [P("Cordell Hull", "Hull", "author", "The Secretary of State", "Secretary of State"),
     P("Franklin D. Roosevelt", "Roosevelt", "recipient", "President Roosevelt", "President")],
    ["A letter ('My Dear Mr. President:', 'Faithfully yours,', 'Cordell Hull'); 'May 9, 1936', 'October 5, 1935', "
     "'May 17' and 'June 4, 1936' are not the date. Engert's reports are summarized: he is not a participant. "
     "Roosevelt's given name is outside knowledge."],
    signed_by="Cordell Hull", labelled_doc=False))
metadata("frus1936v03:d185", base(
    "frus1936v03:d185", "The Ambassador in France (Straus) to the Secretary of State", "telegram",
    "1936-07-11", "Paris, July 11, 1936—1 p.m", "1 p.m.", "Paris", "765.84/4827",
    [P("Jesse Isidor Straus", "Straus", "author", "The Ambassador in France (Straus)", "Ambassador in France"), HULL],
    ["Source note '765.84/4827: Telegram'; '[Received July 11—10:30 a.m.]' is an earlier hour (time zone); 'July "
     "15th', 'June 18th' and the editorial note after the signature (September 1936) are not the date. Eden, Corbin, "
     "Léger and the Italian Ambassador (reported) are not participants. Straus's given names are outside knowledge."],
    signed_by="Jesse Isidor Straus", labelled_doc=False))
metadata("frus1918Russiav03:d24", base(
    "frus1918Russiav03:d24", "The Ambassador in Russia (Francis) to the Secretary of State", "telegram",
    "1917-07-22", "Petrograd, July 22, 1917, 11 p.m", "11 p.m.", "Petrograd", "861.51/169", [FRANCIS, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.51/169'; dated 1917 by its dateline though in the 1918 volume; "
     "'[Received July 23, 5.22 p.m.]' and 'July 28' are not the date. 'Also for the Secretary of the Treasury'. The "
     "unnamed Minister of Foreign Affairs (reported) is not a participant. Lansing as Secretary of State is outside "
     "knowledge."],
    signed_by="David R. Francis", labelled_doc=False))
metadata("frus1918Russiav03:d213", base(
    "frus1918Russiav03:d213", "The Ambassador in Russia (Francis) to the Secretary of State", "despatch",
    "1918-10-17", "Archangel, October 17, 1918", None, "Archangel", "861.00/3315", [FRANCIS, LANSING_R],
    ["A despatch ('No. 1229', 'Sir: I am in receipt of a circular', 'I have [etc.]', 'David R. Francis'); '[Received "
     "November 30.]', 'October 11', 'October 10' and 'October 15' are not the date. Lansing as Secretary of State is "
     "outside knowledge."],
    signed_by="David R. Francis", labelled_doc=False))
metadata("frus1918Russiav03:d445", base(
    "frus1918Russiav03:d445", "The Ambassador in Japan (Morris) to the Secretary of State", "telegram",
    "1918-11-30", "Tokyo, November 30, 1918, 10 p.m", "10 p.m.", "Tokyo", "861.77/563",
    [P("Roland S. Morris", "Morris", "author", "The Ambassador in Japan (Morris)", "Ambassador in Japan"), LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/563'; '[Received December 1, 12.40 p.m.]', Stevens's quoted telegram "
     "'Harbin, November 28, 8 p.m.', 'the 25th or 26th' and 'November 10, 7 p.m.' are not the date. Stevens and the "
     "colleagues (reported) are not participants. Morris's given names and Lansing as Secretary of State are outside "
     "knowledge."],
    signed_by="Roland S. Morris", labelled_doc=False))
metadata("frus1894Nicaragua:d106", base(
    "frus1894Nicaragua:d106", "No. 106. Mr. Baker to Mr. Gresham.", "despatch",
    "1894-09-03", "Legation of the United States, Managua, September 3, 1894", None, "Managua", None,
    [BAKER, GRESHAM_R],
    ["A despatch ('Sir: The story of the arrest and banishment', 'I have, etc.,', 'Lewis Baker.'); '(Received October "
     "4.)', 'the 16th of August', 'the 27th', 'the 29th', 'September 1' and the inclosed note of Matus ('August 31, "
     "1894', '(Received 6 p.m., September 1, 1894.)') are not the date. Matus (the inclosure's writer), Lampton and "
     "Wiltbank are not participants of the despatch."],
    signed_by="Lewis Baker", labelled_doc=False))
metadata("frus1894Nicaragua:d120", base(
    "frus1894Nicaragua:d120", "No. 120. Mr. Gresham to Mr. Baker.", "instruction",
    "1894-11-15", "Department of State, Washington, November 15, 1894", None, "Washington", None,
    [P("Walter Q. Gresham", "Gresham", "author", "Mr. Gresham", "Secretary of State"),
     P("Lewis Baker", "Baker", "recipient", "Mr. Baker", "Minister to Nicaragua")],
    ["An instruction of the Secretary of State to the Minister ('Sir: The Department has received yours of October 26 "
     "last', 'I am, etc.,', 'W. Q. Gresham.'); 'October 26' and the treaty of 1867 are not the date. Matus (mentioned) "
     "is not a participant. Gresham's given name and both posts are outside knowledge."],
    signed_by="Walter Q. Gresham", labelled_doc=False))
metadata("frus1894Nicaragua:d43", base(
    "frus1894Nicaragua:d43", "No. 43. Mr. Guzman to Mr. Gresham.", "note",
    "1894-05-10", "Legation of the Republic of Nicaragua, Washington, May 10, 1894", None, "Washington", None,
    [P("Horacio Guzmán", "Guzmán", "author", "Mr. Guzman", "Nicaraguan Minister", "Nicaragua"), GRESHAM_R],
    ["A diplomatic note of the Nicaraguan Minister ('Sir: Pursuant to the conversation I had with your excellency on "
     "the 7th instant', 'I reiterate, etc.,', 'H. Guzman.'); 'the 7th instant' (the conversation) is not the date. "
     "Guzmán's given name is outside knowledge (matching by 'Guzman'/'Guzmán'). The President of Nicaragua (the "
     "cable's addressee) is not a participant."],
    signed_by="Horacio Guzmán", labelled_doc=False))


# ---------------------------------------------------------------- build and self-checks ---------
def build():
    ex = excluded()
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
            # order, no undeclared gaps from the first body paragraph to the last labelled one
            declared = set()
            for g in gaps:
                nums = [int(x) for x in g.split(":")[0].replace("paragraphs", "").replace("paragraph", "").split("-")]
                declared.update(range(nums[0], nums[-1] + 1))
            if idx != sorted(idx) or len(set(idx)) != len(idx):
                bad += 1; print("order", id_)
            for j in range(1, max(idx) + 1):
                if j not in idx and j not in declared:
                    bad += 1; print("undeclared gap", id_, j)
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
