"""Hand-entered labels for the tenth key's FRUS TEI documents; writes holdout_tenth/frus_tei.json and
labelled_index.json (scratch: the paragraph index each passage was read from, for check_tenth.py).
Every value below was decided by reading the document (tei_read.py, meta_raw.py output)."""
import json
from pathlib import Path
from labels_common import P, HULL, LANSING_R, GRESHAM_R, passage, N, SIG, HEAD, S, doc, paragraphs
from excluded import excluded_strict

OUT = Path("/work/main/tests/data/holdout_tenth/frus_tei.json")
INDEX = Path("/work/keywork/tenth_frus/labelled_index.json")

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
    if signed_by:
        m["signed_by"] = signed_by
    m["notes"] = notes
    return m


# ---------------------------------------------------------------- frus1936v03: labelled ----------
WILSON = "Hugh R. Wilson"
EDEN = "Anthony Eden"
ALOISI = "Pompeo Aloisi"
labelled("frus1936v03:d104", base(
    "frus1936v03:d104", "The Minister in Switzerland (Wilson) to the Secretary of State", "telegram",
    "1936-01-23", "Geneva, January 23, 1936—8 p.m", "8 p.m.", "Geneva", "765.84/3521",
    [P(WILSON, "Wilson", "author", "The Minister in Switzerland (Wilson)", "Minister in Switzerland"), HULL],
    ["Source note '765.84/3521: Telegram'; '[Received 9 p.m.]' is the same day; 'Friday last' is not the date.",
     "Reports the Council session at Geneva and the writer's conversations with Eden ('Eden said', 'Eden tells me'), "
     "Aloisi ('Aloisi tells me', 'Aloisi assures me') and Massigli ('Massigli says'); none is a participant. Eden's "
     "and Aloisi's given names and Wilson's are outside knowledge (Massigli's is in footnote 82).",
     "Paragraphs where two of them speak in main clauses are null; the writer's analysis is Wilson's (accept_null)."],
    signed_by=WILSON), [
    S(1, WILSON, "It seemed clear from the outset of this Council session", "-", True,
      "the writer's analysis of the session ('it was felt' is passive)"),
    S(2, EDEN, "Eden said Litvinoff proposed; Eden said that this, of course, meant the United States", "named",
      note="Litvinoff's proposal is inside Eden's account; 'he urged', 'He hoped' continue it"),
    N(3, "Aloisi ('Aloisi tells me') and Eden ('Eden feels', 'Several of the delegates have told him') in main clauses, "
         "then the writer's impression", "Aloisi tells me that he is making no wild statements; Eden feels that"),
    N(4, "Aloisi ('Aloisi tells me', 'He expressed the hope') and Eden and Massigli ('likewise expressed the hope') in "
         "main clauses", "Aloisi tells me that he, himself, recognizes; Eden and Massigli likewise expressed the hope"),
    S(5, ALOISI, "He says, for instance,", "pronoun", True,
      "the writer's analysis opens and closes the paragraph; Aloisi's quoted words are the only words reported"),
    S(6, WILSON, "The problem which most perturbs them", "-", True, "the writer's analysis"),
    N(7, "Massigli ('I learn', 'Massigli says') and Eden ('Eden tells me') in main clauses",
      "Eden tells me that Laval is of the same mind; Massigli says that"),
    S(8, EDEN, "Eden feels that at some stage; Very confidentially Eden tells me", "named",
      note="the writer's opening ('seems improbable') is his view; Eden is the only speaker"),
    S(9, ALOISI, "Aloisi assures me there is no understanding; he pointed out that", "named", True,
      "the paragraph opens with the writer's analysis and Eden's view as the writer infers it ('Eden apparently "
      "feels'); then Aloisi's words"),
    N(10, "the writer's closing note on his sources and a later letter", "I have thus treated summarily"),
    SIG(11),
])

HORNIBROOK = "William H. Hornibrook"
labelled("frus1936v03:d459", base(
    "frus1936v03:d459", "Mr. William H. Hornibrook to the Chargé in Iran (Merriam)", "letter",
    "1936-07-29", "[Salt Lake City,] July 29, 1936", None, "Salt Lake City", "701.9111/590",
    [P(HORNIBROOK, "Hornibrook", "author", "Mr. William H. Hornibrook", "Minister in Iran"),
     P("Gordon P. Merriam", "Merriam", "recipient", "the Chargé in Iran (Merriam)", "Chargé in Iran")],
    ["A personal letter ('Dear Mr. Merriam:', 'Sincerely yours,', 'William H. Hornibrook'); 'June 24th', 'the 14th or "
     "the 15th of March' and the footnote's 'received August 7' are not the date. Place bracketed '[Salt Lake City,]'.",
     "Hornibrook's post is not printed here (the title says 'Mr.'): 'Minister in Iran' is outside knowledge (printed in "
     "the titles of other documents of the volume). Merriam's given names are outside knowledge.",
     "Recounts the writer's talk with Kazemi, 'the Minister' (no given name printed; not a participant): Kazemi's "
     "statements quoted ('His reply … was as follows', 'The final words of the Minister were'), and the writer's "
     "replies ('I then explained to the Minister', 'I ventured the opinion')."],
    signed_by=HORNIBROOK), [
    N(1, "the letter's opening: receipt of Merriam's letter and the writer's purpose",
      "Your letter under date of June 24th, was received today"),
    N(2, "Merriam's letter quoted (a document)", "In your letter you state:"),
    S(3, HORNIBROOK, "No such representations were at any time made by me", "first-person", True,
      "the writer's own account of the Legation's representations ('It was also rather broadly hinted to Soheily' is "
      "passive)"),
    S(4, HORNIBROOK, "I outlined to you briefly, the substance of that conversation", "first-person", True,
      "the writer's account (Kazemi's 'veiled hint' described, no words) and his framing ('I am reducing to writing')"),
    N(5, "both men in main clauses: Kazemi's quoted statement, then 'I once again called his attention', 'I added that'",
      "Kazemi approached me shortly after the dinner with a rather undiplomatic and bold statement; I added that"),
    S(6, "Kazemi", "His reply was in the form of a question and an answer and was as follows:", "named",
      note="'Kazemi was in no frame of mind to listen' opens the paragraph"),
    S(7, HORNIBROOK, "I then explained to the Minister; I ventured the opinion", "first-person",
      note="'Department officials agreed' at the end is collective (no one named)"),
    S(8, "Kazemi", "The final words of the Minister were:; He asked as to the exact date of my arrival", "title",
      note="the writer's closing 'It should, therefore, appear quite plain' is his comment"),
    HEAD(9, "editorial bracket '[The remainder of this letter is of a personal nature …]'"),
    SIG(10), SIG(11),
])

STEGER = "Christian T. Steger"
labelled("frus1936v03:d536", base(
    "frus1936v03:d536", "The Consul at Beirut (Steger) to the Secretary of State", "despatch",
    "1935-05-25", "Beirut, May 25, 1935", None, "Beirut", "690D.11241/25",
    [P(STEGER, "Steger", "author", "The Consul at Beirut (Steger)", "Consul at Beirut"), HULL],
    ["A despatch ('No. 887', 'Sir: I have the honor to refer', 'Respectfully yours,', 'C. T. Steger'), dated 1935 by "
     "its dateline though in the 1936 volume; '[Received June 14.]', the enclosure's 'Beirut, May 8, 1935', 'March 18, "
     "1935', 'January 25, 1935', 'December 20, 1934' and the treaty dates are not the date.",
     "Signed 'C. T. Steger'; 'Christian T.' is outside knowledge (as in the eighth key). The writer's analysis of de "
     "Martel's note (paragraphs 4-10, Steger with accept_null), then his conversation with M. Kieffer, Acting Chief of "
     "the Political Bureau of the French High Commission ('I expressed the opinion', 'I suggested', 'Mr. Kieffer … "
     "agreed with my suggestion'). Kieffer (no given name printed) and de Martel are not participants.",
     "The enclosure (paragraphs 18-38, de Martel's note of May 8, 1935, a document) is not labelled."],
    signed_by=STEGER), [
    N(1, "'No. 887': the despatch number"),
    N(2, "framing: the earlier despatch and the note sent", "I have the honor to refer to my despatch No. 852"),
    N(3, "transmittal", "I now have the honor to transmit a copy"),
    S(4, STEGER, "A perusal of this note will show", "-", True, "the writer's analysis of de Martel's note (a document)"),
    N(5, "framing", "I wish to make the following comment"),
    S(6, STEGER, "It is my personal opinion that", "first-person", True,
      "the writer's analysis of the note's standpoint (a document) and his opinion"),
    S(7, STEGER, "This statement is, to say the least, misleading.; I have inquired of one of the members of this committee",
      "first-person", True,
      "the writer's analysis; the unnamed committee member's answer is a relative clause ('who informs me that')"),
    S(8, STEGER, "Personally, I fail to see the logic of this statement", "first-person", True, "the writer's analysis"),
    S(9, STEGER, "The only logical contention advanced in the note", "-", True, "the writer's analysis of the note"),
    S(10, STEGER, "Nevertheless, the fact remains that", "-", True, "the writer's analysis continued"),
    S(11, STEGER, "I expressed the opinion that the note of May 8th", "first-person",
      note="'In a recent conversation with M. Kieffer' frames his words"),
    S(12, STEGER, "I then repeated my formerly expressed opinion", "first-person"),
    S(13, STEGER, "Consequently I suggested that; I added that", "first-person"),
    S(14, "Kieffer", "Mr. Kieffer, while expressing the opinion that; agreed with my suggestion", "named",
      note="the writer's decision ('I am refraining from further written communications') is not speech"),
    S(15, STEGER, "From the attitude of Mr. Kieffer I judge", "first-person", True,
      "the writer's judgment and recommendation; the copy sent to Paris is framing"),
    SIG(16), SIG(17),
], gaps=["paragraphs 18-38: the enclosure (de Martel's note of May 8, 1935), not labelled"])

GRAZIANI = "Rodolfo Graziani"
labelled("frus1936v03:d347", base(
    "frus1936v03:d347", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-06-07", "Addis Ababa, June 7, 1936—1 p.m", "1 p.m.", "Addis Ababa", "124.84/100",
    [ENGERT, HULL],
    ["Source note '124.84/100: Telegram'; '[Received June 8—7:45 p.m.]', 'June 6' ('Legation's 399') and 'May 14' are "
     "not the date; 'yesterday' (June 6) is the day of the audience.",
     "Reports the writer's reception by Marshal Graziani ('He explained', 'he said', 'I replied'). Graziani, Badoglio "
     "and the Chief of Cabinet are not participants. Graziani's given name and Engert's are outside knowledge."],
    signed_by="Cornelius Van H. Engert"), [
    S(1, GRAZIANI, "He explained that his instructions; But he said he was very anxious", "named",
      note="'Marshal Graziani received me … and began by apologizing'"),
    S(2, "Cornelius Van H. Engert", "I replied, half in jest, that", "first-person", True,
      "Graziani's assent follows in a short main clause ('To this he readily assented')"),
    N(3, "both men in main clauses: 'I then told him', 'I reiterated', 'Graziani and his Chief of Cabinet said', 'The "
         "Marshal then agreed'", "I then told him; Graziani and his Chief of Cabinet said"),
    S(4, "Cornelius Van H. Engert", "The inescapable impression obtained from the entire interview", "-", True,
      "the writer's impression"),
    SIG(5),
])

labelled("frus1936v03:d556", base(
    "frus1936v03:d556", "The Ambassador in France (Straus) to the Secretary of State", "despatch",
    "1936-04-01", "Paris, April 1, 1936", None, "Paris", "890E.1281/10",
    [STRAUS, HULL],
    ["A despatch ('No. 2657', 'Sir: … I have the honor to report', 'Respectfully yours,', 'Jesse Isidor Straus'); "
     "'[Received April 15.]', 'February 11, 1936', 'March 28' (Marriner's call), 'January 5, 1933' and 'March 31, "
     "1936' (the note) are not the date.",
     "Reports what the French High Commissioner to Syria, M. de Martel, said to Marriner, Counselor of Embassy (the "
     "writer was not present), and a note signed by Bargeton (a document). None is a participant. De Martel's given "
     "name is outside knowledge (matching by 'Martel')."],
    signed_by="Jesse Isidor Straus"), [
    N(1, "'No. 2657': the despatch number"),
    N(2, "framing: the High Commissioner received Marriner and 'touched briefly on the situation' (no words given)",
      "I have the honor to report that the French High Commissioner"),
    S(3, "Damien de Martel", "M. de Martel said that; He said that the tendency; He said, however,", "named",
      note="said to Marriner, not to the writer"),
    N(4, "a note described (a document)", "To-day, I received a note"),
    N(5, "transmittal", "A copy and translation of this note"),
    SIG(6), SIG(7),
])

SOHEILY = "Ali Soheily"
labelled("frus1936v03:d441", base(
    "frus1936v03:d441", "The Chargé in Iran (Merriam) to the Secretary of State", "telegram",
    "1936-03-29", "Teheran, March 29, 1936—5 p.m", "5 p.m.", "Teheran", "701.9111/509",
    [MERRIAM, HULL],
    ["Source note '701.9111/509: Telegram', printed as an '[Extract]'; '[Received March 30—7:14 a.m.]' and 'February "
     "26th' are not the date.",
     "Reports what Soheily, the Under Secretary, told the writer ('I have just been informed by Soheily', 'He added', "
     "'he said') and the writer's reply ('I replied'). Soheily is named 'A. Soheily' in footnote 8b; 'Ali' and "
     "Merriam's given names are outside knowledge (as in the seventh and ninth keys). He is not a participant."],
    signed_by="Gordon P. Merriam"), [
    S(1, SOHEILY, "I have just been informed by Soheily that; He added that", "named"),
    S(2, "Gordon P. Merriam", "I replied that; I emphasized that", "first-person"),
    S(3, SOHEILY, "To this the Under Secretary made no reply saying that he was merely acting as a messenger; According "
                  "to Soheily", "title"),
    S(4, SOHEILY, "Although he stated that; But he said that the Cabinet Ministers", "pronoun",
      note="the writer's doubt between the two ('it is difficult to conceive') is his comment"),
    SIG(5),
])

LAMPSON = "Miles Lampson"
labelled("frus1936v03:d31", base(
    "frus1936v03:d31", "The Minister in Egypt (Fish) to the Secretary of State", "despatch",
    "1936-12-11", "Cairo, December 11, 1936", None, "Cairo", "783.003/144",
    [P("Bert Fish", "Fish", "author", "The Minister in Egypt (Fish)", "Minister in Egypt"), HULL],
    ["A despatch printed as an '[Extract]' ('No. 864', 'Sir: I have the honor to inform', 'Respectfully yours,', 'Bert "
     "Fish'); '[Received January 14, 1937.]', 'December 10th' (the meeting), 'March 10, 1936' and the editorial note's "
     "'May 8, 1937' are not the date.",
     "Reports what 'the High Commissioner' told the writer after a board meeting at the Residency ('He recalled', 'The "
     "High Commissioner stated that', 'He told me'). He is never named in the despatch: Sir Miles Lampson is outside "
     "knowledge (an office on a date; named in footnotes of other documents of the volume), so his passages are "
     "accept_null. He is not a participant. Fish's given name is outside knowledge.",
     "The editorial note after the signature ('[Subsequently, at the Montreux Conference …]') is not labelled."],
    signed_by="Bert Fish"), [
    N(1, "'No. 864': the despatch number"),
    N(2, "framing: the board meeting the writer attended", "I attended a meeting of the Anglo-American Hospital Board"),
    N(3, "an event: the High Commissioner asked the writer into his office (no words given)",
      "the High Commissioner asked me into his private office"),
    S(4, LAMPSON, "He recalled the informal representations", "pronoun", True,
      "'Apparently he had detained me …' is the writer's inference; 'He recalled' reports the High Commissioner's words; "
      "he is never named in the despatch (outside knowledge)"),
    S(5, LAMPSON, "The High Commissioner stated that; He told me that; The High Commissioner further stated", "title", True,
      "never named in the despatch (outside knowledge); the writer's aside on the Copt ministers ('It must, however, be "
      "borne in mind') is his comment"),
    SIG(6), SIG(7),
])

# ---------------------------------------------------------------- frus1918Russiav03: labelled ------
NOVITSKY = "W. Novitsky"
labelled("frus1918Russiav03:d105", base(
    "frus1918Russiav03:d105", "The Russian Financial Delegate (Novitsky) to Mr. Miles of the Division of Near Eastern "
    "Affairs of the Department of State", "letter",
    "1918-10-30", "Washington, October 30, 1918", None, "Washington", "861.51/384",
    [P(NOVITSKY, "Novitsky", "author", "The Russian Financial Delegate (Novitsky)", "Russian Financial Delegate",
       "Russia"),
     P("Basil Miles", "Miles", "recipient", "Mr. Miles of the Division of Near Eastern Affairs",
       "Division of Near Eastern Affairs")],
    ["A letter ('Dear Mr. Miles:', 'I beg to remain [etc.]', 'W. Novitsky'); 'File No. 861.51/384'; 'between the 18th "
     "and 20th of November' is not the date. Miles's given name is outside knowledge (as in earlier keys).",
     "Reports what Mr. Polk told the (unnamed) Ambassador and what Colonel Cordier of the War Department told the "
     "writer in a personal interview; then the writer's requests. Polk, Cordier and Ughet are not participants. "
     "Polk's given names are outside knowledge."],
    signed_by=NOVITSKY), [
    S(1, "Frank L. Polk", "Mr. Polk did not raise any objection and informed the Ambassador that", "named", True,
      "the writer's background and the Ambassador's discussion with Polk (no words given) come first; Polk's answer, "
      "reported second-hand, is the only speech"),
    N(2, "events (passive): consent obtained and a licence issued", "The consent of the Treasury Department was obtained"),
    S(3, "Cordier", "by whom I was informed that the Department would find no objection", "named", True,
      "the writer's application in the main clause, then Cordier's answer ('by whom I was informed'), as a question "
      "and its reply"),
    S(4, NOVITSKY, "I beg to request you", "first-person", True, "the writer's request in his own letter"),
    S(5, NOVITSKY, "I should greatly appreciate your speedy action", "first-person", True,
      "the writer's request; Cordier's information is a prepositional phrase ('According to information given by "
      "Colonel Cordier')"),
    N(6, "a passive statement", "It is understood that"),
    SIG(7), SIG(8),
])

labelled("frus1918Russiav03:d418", base(
    "frus1918Russiav03:d418", "The Ambassador in France (Sharp) to the Secretary of State", "telegram",
    "1918-09-24", "Paris, September 24, 1918, 11 p.m", "11 p.m.", "Paris", "861.77/494",
    [P("William G. Sharp", "Sharp", "author", "The Ambassador in France (Sharp)", "Ambassador in France"), LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/494'; '[Received September 25, 8.11 p.m.]' and 'September 21, 3 p.m.' "
     "are not the date.",
     "Reports what M. Pichon, 'the Minister', told the writer ('he informed me'), then Pichon's written reply (a "
     "document). Pichon, Jusserand and Stevens are not participants. Pichon's and Sharp's given names and Lansing as "
     "Secretary of State are outside knowledge."],
    signed_by="William G. Sharp"), [
    S(1, "Stéphen Pichon", "In bringing the subject matter of your telegram to M. Pichon to-day, he informed me that",
      "named", note="the writer's act is a subordinate clause; the routing sentence before it is framing"),
    N(2, "Pichon's written reply described (a document), and its copy announced",
      "A written reply from the Minister to my previous representation"),
    SIG(3),
])

# ---------------------------------------------------------------- frus1894Nicaragua: labelled ----
GUZMAN_G = "Gustavo Guzman"
labelled("frus1894Nicaragua:d88", base(
    "frus1894Nicaragua:d88", "No. 88. Mr. Baker to Mr. Gresham.", "despatch",
    "1894-08-08", "Legation of the United States, Managua, August 8, 1894", None, "Managua", None,
    [BAKER, GRESHAM_R],
    ["A despatch ('Sir: On the evening of August 2', 'I have, etc.,', 'Lewis Baker.'); '(Received September 4.)', "
     "'August 2' (the call) and the inclosures' 'August 2, 1894' and 'July 14, 1894' are not the date.",
     "Mr. Gustavo Guzman brings 'a verbal message from the President', set out in four points ('First. That …'); the "
     "points are what Guzman told the writer (accept_null: the words are the President's, who is never named in the "
     "despatch). Then the writer's refusal. Guzman and the President are not participants.",
     "The inclosures (paragraphs 9-20: Baker's telegram to Commander O'Neil and O'Neil's order) are not labelled."],
    signed_by="Lewis Baker"), [
    N(1, "framing: Guzman's call with the President's message 'to the following effect:'",
      "came to this legation bearing, as he informed me, a verbal message from the President"),
    S(2, GUZMAN_G, "First. That the Government had sent", "-", True,
      "the message's first point as Guzman delivered it ('as he informed me'); the words are the President's"),
    S(3, GUZMAN_G, "Second. That this Government had chartered", "-", True, "the message continued"),
    S(4, GUZMAN_G, "Third. That now the captain and crew", "-", True, "the message continued"),
    S(5, GUZMAN_G, "The President, therefore, requested that I", "-", True, "the message's request"),
    S(6, "Lewis Baker", "I could not believe it to be my duty to comply with this request", "first-person", True,
      "the writer's decision and act; Guzman's suggestion is a prepositional phrase; the inclosures are described"),
    SIG(7), SIG(8),
], gaps=["paragraphs 9-20: the inclosures (Baker's telegram to O'Neil, O'Neil's order), not labelled"])

ZELAYA = "José Santos Zelaya"
labelled("frus1894Nicaragua:d33", base(
    "frus1894Nicaragua:d33", "No. 33. Mr. Baker to Mr. Gresham.", "despatch",
    "1894-04-10", "Legation of the United States, Managua, April 10, 1894", None, "Managua", None,
    [BAKER, GRESHAM_R],
    ["A despatch ('Sir: In a talk, yesterday, with the President of Nicaragua', 'I have the honor, etc.,', 'Lewis "
     "Baker.'); '(Received May 15.)' and 'yesterday' (the talk) are not the date. The inclosure (Baker's letter to Dr. "
     "de Soto) bears the same date.",
     "The President of Nicaragua 'informed me', 'His contention is', 'he requested me'. He is named only in the "
     "inclosure ('President Zelaya', paragraph 9), so his passages are accept_null; 'José Santos' is outside knowledge. "
     "He is not a participant.",
     "The inclosure (paragraphs 6-13) is not labelled: its signature 'Lewis Baker.' (paragraph 12) begins like the "
     "despatch's (paragraph 5), so the scorer's lookup would land on paragraph 5."],
    signed_by="Lewis Baker"), [
    S(1, ZELAYA, "he informed me that this Government proposed; His contention is that", "title", True,
      "'the President of Nicaragua', named only in the inclosure"),
    S(2, ZELAYA, "he requested me to inform", "pronoun", True, "the President's request, named only in the inclosure"),
    S(3, "Lewis Baker", "I did not discuss with the President; But I concluded to send the letters requested",
      "first-person", True, "the writer's own conduct and decision; the letters are transmitted"),
    SIG(4), SIG(5),
], gaps=["paragraphs 6-13: the inclosure (Baker's letter to de Soto and its postscript note), not labelled"])

labelled("frus1894Nicaragua:d74", base(
    "frus1894Nicaragua:d74", "No. 74. Mr. Baker to Mr. Gresham.", "despatch",
    "1894-07-14", "Legation of the United States, Managua, July 14, 1894", None, "Managua", None,
    [BAKER, GRESHAM_R],
    ["A despatch ('Sir: The Government here gave out word', 'I have, etc.,', 'Lewis Baker.'); '(Received August 3.)' "
     "and the inclosure's 'July 10, 1894' are not the date.",
     "The Government's announcement (collective), then what 'the President and his minister for foreign affairs "
     "informed me' (two speakers together; the President is never named, the minister only as the inclosure's writer "
     "Madriz). Neither is a participant.",
     "The inclosure (paragraphs 7-17, Madriz's note) is not labelled."],
    signed_by="Lewis Baker"), [
    N(1, "the Government's announcement: a collective statement", "The Government here gave out word some days ago"),
    N(2, "two speakers together ('the President and his minister for foreign affairs informed me'), the writer's comment, "
         "then 'the President frankly informed me' (never named in the despatch)",
      "the President and his minister for foreign affairs informed me that"),
    S(3, "Lewis Baker", "I am sure that you are in possession", "first-person", True, "the writer's opinion"),
    N(4, "the writer's report of his illness (a fact)", "I am still disabled from travel"),
    SIG(5), SIG(6),
], gaps=["paragraphs 7-17: the inclosure (Madriz's note of July 10), not labelled"])

# ---------------------------------------------------------------- metadata only ------------------
metadata("frus1936v03:d550", base(
    "frus1936v03:d550", "The Consul General at Beirut (Marriner) to the Secretary of State", "despatch",
    "1936-06-08", "Beirut, June 8, 1936", None, "Beirut", "890D.927/37",
    [P("Theodore Marriner", "Marriner", "author", "The Consul General at Beirut (Marriner)", "Consul General at Beirut"),
     HULL],
    ["A despatch ('No. 17', 'Sir: I have the honor to report', 'Respectfully yours,', 'Theodore Marriner'); '[Received "
     "June 24.]' and 'April 27, 1936' are not the date. Mr. Seyrig, Inspector General of Archaeology (reported), is not "
     "a participant."],
    signed_by="Theodore Marriner", labelled_doc=False))
metadata("frus1936v03:d11", base(
    "frus1936v03:d11", "The Minister in Egypt (Fish) to the Secretary of State", "telegram",
    "1936-06-23", "Cairo, June 23, 1936—5 p.m", "5 p.m.", "Cairo", "883.0513/139",
    [P("Bert Fish", "Fish", "author", "The Minister in Egypt (Fish)", "Minister in Egypt"), HULL],
    ["Source note '883.0513/139: Telegram'; '[Received June 23—3 p.m.]' is an earlier hour (time zone); 'June 17, 6 "
     "p.m.' and '1910' are not the date. Payne and the Minister of Justice (reported) are not participants. Fish's "
     "given name is outside knowledge."],
    signed_by="Bert Fish", labelled_doc=False))
metadata("frus1936v03:d457", base(
    "frus1936v03:d457", "The Chargé in Iran (Merriam) to the Secretary of State", "telegram",
    "1936-06-09", "Teheran, June 9, 1936—8 a.m", "8 a.m.", "Teheran", "701.9111/564",
    [MERRIAM, HULL],
    ["Source note '701.9111/564: Telegram'; '[Received 10:52 a.m.]' is the same day; 'May 19, 5 p.m.' and 'May 17, "
     "noon' are not the date. Motamedi, Chief of the Third Political Division (reported), is not a participant."],
    signed_by="Gordon P. Merriam", labelled_doc=False))
metadata("frus1918Russiav03:d22", base(
    "frus1918Russiav03:d22", "The Ambassador in Russia (Francis) to the Secretary of State", "telegram",
    "1917-07-18", "Petrograd, July 18, 1917, 7 p.m", "7 p.m.", "Petrograd", "861.51/167", [FRANCIS, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.51/167'; dated 1917 by its dateline though in the 1918 volume; "
     "'[Received July 23, 3.20 a.m.]' and 'July 14' are not the date. 'Also for Secretary of the Treasury'. The unnamed "
     "Minister for Foreign Affairs (reported) and Bakhmeteff (mentioned) are not participants. Lansing as Secretary of "
     "State is outside knowledge."],
    signed_by="David R. Francis", labelled_doc=False))
metadata("frus1918Russiav03:d342", base(
    "frus1918Russiav03:d342", "The Ambassador in Japan (Morris) to the Secretary of State", "telegram",
    "1918-02-21", "Tokyo, February 21, 1918, 11 a.m", "11 a.m.", "Tokyo", "861.77/298", [MORRIS, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/298'; '[Received February 21, 9.45 a.m.]' is an earlier hour (time "
     "zone); 'February 19, 5 p.m.' is not the date. Stevens, Emerson and Motono (reported) are not participants. "
     "Morris's given names and Lansing as Secretary of State are outside knowledge."],
    signed_by="Roland S. Morris", labelled_doc=False))
metadata("frus1918Russiav03:d431", base(
    "frus1918Russiav03:d431", "The Ambassador in Japan (Morris) to the Secretary of State", "telegram",
    "1918-10-24", "Tokyo, October 24, 1918, 3 p.m", "3 p.m.", "Tokyo", "861.77/525", [MORRIS, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/525'; '[Received 9.54 p.m.]' is the same day; 'October 18, 3 p.m.' "
     "is not the date. Otani, Stevens and Uchida (mentioned) are not participants. Morris's given names and Lansing "
     "as Secretary of State are outside knowledge."],
    signed_by="Roland S. Morris", labelled_doc=False))
metadata("frus1894Nicaragua:d31", base(
    "frus1894Nicaragua:d31", "No. 31. Mr. Baker to Mr. Gresham.", "despatch",
    "1894-04-10", "Legation of the United States, Managua, April 10, 1894", None, "Managua", None,
    [BAKER, GRESHAM_R],
    ["A despatch ('Sir: I cabled you the news', 'I have, etc.,', 'Lewis Baker.'); '(Received May 15.)' and the "
     "inclosures' 'April 3, 1894' and 'April 2, 1894' are not the date. The inclosures' writers (R. Mayorga Rivas, "
     "M. C. Matus) are not participants of the despatch."],
    signed_by="Lewis Baker", labelled_doc=False))
metadata("frus1894Nicaragua:d102", base(
    "frus1894Nicaragua:d102", "No. 102. Mr. Braida to Mr. Uhl.", "despatch",
    "1894-08-30", "Consulate of the United States, San Juan del Norte, August 30, 1894", None, "San Juan del Norte", None,
    [P("S. C. Braida", "Braida", "author", "Mr. Braida", "United States Consul"),
     P("Edwin F. Uhl", "Uhl", "recipient", "Mr. Uhl", "Assistant Secretary of State")],
    ["A consul's despatch ('Sir: I beg to transmit herewith a letter', 'I have, etc.,', 'S. C. Braida.'); '(Received "
     "September 25, 1894.)', 'August 15', 'the 17th instant' and the inclosures' 'August 27, 1894' are not the date. "
     "Seat (the inclosures' writer), Sumner and Bingham are not participants. Uhl's given name and post are outside "
     "knowledge."],
    signed_by="S. C. Braida", labelled_doc=False))


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
