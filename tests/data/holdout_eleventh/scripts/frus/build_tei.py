"""Hand-entered labels for the eleventh key's FRUS TEI documents; writes holdout_eleventh/frus_tei.json and
labelled_index.json (scratch: the paragraph index each passage was read from, for check_eleventh.py).
Every value below was decided by reading the document (tei_read.py, meta_raw.py output)."""
import json
from pathlib import Path
from labels_common import P, HULL, LANSING_R, GRESHAM_R, passage, N, SIG, HEAD, S, doc, paragraphs
from excluded import excluded_strict

OUT = Path("/work/main/tests/data/holdout_eleventh/frus_tei.json")
INDEX = Path("/work/keywork/eleventh_frus/labelled_index.json")

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


GILBERT = P("Prentiss B. Gilbert", "Gilbert", "author", "The Consul at Geneva (Gilbert)", "Consul at Geneva")
BAYARD = P("Thomas F. Bayard", "Bayard", "author", "Mr. Bayard", "Ambassador to Great Britain")
KIRK = P("Alexander C. Kirk", "Kirk", "author", "The Chargé in Italy (Kirk)", "Chargé in Italy")
EDEN = "Anthony Eden"

# ---------------------------------------------------------------- frus1936v03: labelled ----------
labelled("frus1936v03:d103", base(
    "frus1936v03:d103", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-01-21", "Geneva, January 21, 1936—2 p.m", "2 p.m.", "Geneva", "765.84/3494",
    [GILBERT, HULL],
    ["Source note '765.84/3494: Telegram'; '[Received 3:55 p.m.]' is the same day; 'yesterday' (the meeting), "
     "'November 5', 'January 7' and 'January 20' are not the date.",
     "A Council member (never named) tells the writer what was said in a secret meeting of the Committee of Thirteen: "
     "'Bruce pointed out', 'Madariaga pointed out', 'Titulesco agreed … He felt', 'Beck agreed', 'Eden felt', 'Laval "
     "disagreed', 'Eden stated'. None of them is a participant. Bruce, Madariaga, Titulesco and Beck are named in "
     "footnotes 76-79 ('S. M. Bruce', 'Salvador de Madariaga', 'Nicolas Titulesco', 'Joseph Beck'); Eden's and "
     "Laval's given names and Gilbert's are outside knowledge.",
     "Paragraphs where two or more delegates speak in main clauses are null; the committee's collective decisions and "
     "the unnamed informant's framing are null."],
    signed_by="Prentiss B. Gilbert"), [
    N(1, "framing: the writer's unnamed informant", "I now learn from a Council member"),
    N(2, "the unnamed informant's characterization and the list of subjects",
      "My informant characterized the tone of the meeting"),
    S(3, "S. M. Bruce", "Bruce pointed out that any entering upon the path of assistance", "named",
      note="the committee's unanimous opposition (collective) opens the paragraph; Bruce is the only one whose words "
           "are reported"),
    S(4, EDEN, "Eden suggested that this might be undertaken", "named", True,
      "an unattributed quoted statement ('the statement being made that …') precedes Eden's suggestion"),
    N(5, "a heading-like sentence: a discussion took place", "A lengthy discussion took place"),
    S(6, "Salvador de Madariaga", "Madariaga pointed out that; He inquired what the Committee should do", "named"),
    N(7, "Titulesco, Madariaga and Eden in main clauses",
      "Titulesco stated that; Madariaga felt that; With this Eden agreed and stated"),
    S(8, "Nicolas Titulesco", "Titulesco agreed in principle but felt; He felt that the work of the Committee", "named"),
    S(9, "Joseph Beck", "Beck agreed, feeling, however,", "named"),
    S(10, EDEN, "Eden felt that the initiative in conciliation", "named"),
    S(11, "Pierre Laval", "Laval disagreed entirely with Eden's attitude; He felt that the situation", "named",
      note="Eden is only mentioned ('Eden's attitude'); Laval's given name is outside knowledge"),
    S(12, EDEN, "Eden stated that some order had to be established; He felt that the states", "named"),
    N(13, "the informant's observation of the others' silence and uneasiness", "There was no response to this suggestion"),
    S(14, "S. M. Bruce", "Bruce discussed in particular; He suggested that great attention", "named"),
    N(15, "the committee's collective decision", "The Committee decided to meet again"),
    SIG(16),
], gaps=["paragraphs 17-23: the footnotes, not labelled"])

WILSON = "Hugh R. Wilson"
labelled("frus1936v03:d134", base(
    "frus1936v03:d134", "The Minister in Switzerland (Wilson) to the Secretary of State", "telegram",
    "1936-04-20", "Geneva, April 20, 1936—6 p.m", "6 p.m.", "Geneva", "765.84/4151",
    [P(WILSON, "Wilson", "author", "The Minister in Switzerland (Wilson)", "Minister in Switzerland"), HULL],
    ["Source note '765.84/4151: Telegram'; '[Received 8:48 p.m.]' is the same day.",
     "The writer's review of the Council session, with what Madariaga believes, what Aloisi says ('He says', 'He "
     "claims') and what Eden 'said to me'; none is a participant. Eden's, Aloisi's and Wilson's given names are outside "
     "knowledge; Madariaga's is printed in frus1936v03 d103 (footnote), not in this document (outside knowledge here).",
     "Collective statements ('The British tell me', 'Both Eden and Madariaga paid tribute') and an unnamed 'responsible "
     "authority' are null; the writer's own analysis is Wilson's (accept_null)."],
    signed_by=WILSON), [
    S(1, "Salvador de Madariaga", "Indeed, Madariaga believes that", "named", True,
      "the writer's analysis of the session, then Madariaga's belief (the only view of a named person reported), as in "
      "the tenth key's d104 paragraph 9"),
    N(2, "collective speakers: the British and French, 'The British tell me'",
      "While I am assured both by the British and French; The British tell me"),
    S(3, WILSON, "Several factors induced the British to modify their attitude", "-", True,
      "the writer's analysis; 'They feel' is the British collectively"),
    N(4, "two speakers together", "Both Eden and Madariaga paid tribute"),
    N(5, "the writer's analysis around an unnamed source's statement", "I quote responsible authority which states"),
    S(6, "Pompeo Aloisi", "Aloisi talks with all the bitterness; He says they want peace; He claims that", "named",
      note="the closing 'but the Abyssinians, and to some extent the British, take a contrary view' is collective"),
    S(7, EDEN, "I encountered Eden who; said to me", "named",
      note="the opening 'A manifest was drafted' is passive; Eden's quoted words are the paragraph's speech"),
    N(8, "transmittal", "Memoranda of conversations and letter by mail."),
    N(9, "routing", "Cipher texts to Rome, Paris, London, Berlin."),
    SIG(10),
], gaps=["paragraphs 11-12: the footnotes, not labelled"])

SPENCER = "John H. Spencer"
labelled("frus1936v03:d182", base(
    "frus1936v03:d182", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-07-06", "Geneva, July 6, 1936—3 p.m", "3 p.m.", "Geneva", "765.84/4803",
    [GILBERT, HULL],
    ["Source note '765.84/4803: Telegram (part air)'; '[Received July 8—5 a.m.]' and 'June 24, 5 p.m.' are not the date.",
     "Spencer, the political adviser to the Emperor, 'called on me this morning and in confidence related in substance "
     "the following': 'He described', 'he stated', 'He said'. His full name is printed in footnote 6 ('John H. "
     "Spencer, an American citizen'). He is not a participant. Gilbert's given name is outside knowledge."],
    signed_by="Prentiss B. Gilbert"), [
    N(1, "framing: Spencer's call, introducing what he related", "in confidence related in substance the following"),
    S(2, SPENCER, "He described the Emperor as having now reconciled himself", "pronoun",
      note="the first sentence is the substance Spencer related"),
    S(3, SPENCER, "he stated, that their best advices were", "pronoun",
      note="the British Government's 'which stated' is a relative clause inside his account; Eden's intimations are "
           "not words reported"),
    S(4, SPENCER, "He said he had reason to believe", "pronoun"),
    SIG(5),
], gaps=["paragraph 6: the footnote, not labelled"])

ALESSANDRINI = "Alessandrini"
labelled("frus1936v03:d333", base(
    "frus1936v03:d333", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-05-07", "Addis Ababa, May 7, 1936—11 a.m", "11 a.m.", "Addis Ababa", "765.84/4332½",
    [ENGERT, HULL],
    ["Source note '765.84/4332½: Telegram'; '[Received May 9—7:09 p.m.]' and 'My 298, May 6, 11 a.m.' are not the "
     "date. 'Telegram in two sections' (footnote).",
     "Captain Alessandrini, who brought the Italian High Commissioner's note, 'told me', 'He said'; the writer's reply "
     "('other than to say that'); the Diplomatic Corps' meeting; Belgian Minister Phardean's report. No given name of "
     "Alessandrini is printed. None of them is a participant. Engert's given names are outside knowledge."],
    signed_by="Cornelius Van H. Engert"), [
    S(1, ALESSANDRINI, "told me that he was really a First Secretary; He said he had been instructed to add orally",
      "named", note="'After I had read the note' is a subordinate clause; 'a Captain Alessandrini' is named here"),
    S(2, "Cornelius Van H. Engert", "I offered no comment on the contents of the note; other than to say that",
      "first-person"),
    N(3, "the German Chargé (unnamed) 'informed us' and 'read to us', the colleagues' collective decisions and the "
         "writer's opinion", "the German Chargé informed us that; My other colleagues decided"),
    N(4, "Phardean's report ('informed us that') and, in a main clause, what the Captain added 'by stating': two "
         "speakers", "Belgian Minister Phardean informed us that; The Captain also added"),
    SIG(5),
], gaps=["paragraph 6: the footnote, not labelled"])

labelled("frus1936v03:d344", base(
    "frus1936v03:d344", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-06-03", "Addis Ababa, June 3, 1936—9 a.m", "9 a.m.", "Addis Ababa", "124.843/116",
    [ENGERT, HULL],
    ["Source note '124.843/116: Telegram'; '[Received June 4—4:48 p.m.]', 'yesterday afternoon' and 'My 372, May 26' "
     "are not the date.",
     "An Italian major (never named) brings Marshal Graziani's order for Tanner's expulsion; the writer's answer ('I "
     "informed the major', 'I told him', 'I added'); the major's return and the writer's agreement. Neither Graziani "
     "(reported) nor Tanner is a participant. Engert's given names are outside knowledge."],
    signed_by="Cornelius Van H. Engert"), [
    N(1, "the unnamed Italian major's words ('said', 'He added'): no name is printed for him",
      "An Italian major called yesterday afternoon and said"),
    S(2, "Cornelius Van H. Engert", "I informed the major that; I told him that; I added that", "first-person"),
    N(3, "the major's message and inquiry, then the writer's agreement and instruction: two speakers",
      "The major promised to convey my message; To this I agreed"),
    S(4, "Cornelius Van H. Engert", "I feel this was by far the simplest way", "first-person", True,
      "the writer's opinion"),
    SIG(5),
])

LONG = "Breckinridge Long"
labelled("frus1936v03:d58", base(
    "frus1936v03:d58", "The Ambassador in Italy (Long) to the Secretary of State", "telegram",
    "1936-04-08", "Rome, April 8, 1936—8 p.m", "8 p.m.", "Rome", "765.84/4056",
    [P(LONG, "Long", "author", "The Ambassador in Italy (Long)", "Ambassador in Italy"), HULL],
    ["Source note '765.84/4056: Telegram'; '[Received April 8—2:50 p.m.]' is an earlier hour (time zone); 'Your 28, "
     "April 7, 2 p.m.' and 'October 17, 8 p.m.' are not the date.",
     "The British Ambassador (never named in the telegram) 'called on me this morning to request', 'He also said'; the "
     "writer 'replied that'. Sir Eric Drummond as British Ambassador in Italy in 1936 is outside knowledge (as in the "
     "eighth key's d264). Suvich and Lindsay (mentioned) are not participants. Long's given name is outside knowledge."],
    signed_by=LONG), [
    S(1, LONG, "I have brought to the attention of Mr. Suvich", "first-person", True,
      "the writer's representation to Suvich, its words not given: his account of his own conduct"),
    S(2, "Eric Drummond", "the British Ambassador called on me this morning to request; He also said", "title", True,
      "'the British Ambassador' is never named in the telegram; Drummond is outside knowledge"),
    S(3, LONG, "I replied that Suvich last fall had given me", "first-person",
      note="'the Ambassador himself agreed' is inside the writer's reply (a that-clause of 'I replied')"),
    SIG(4),
], gaps=["paragraph 5: the footnote, not labelled"])

BADOGLIO = "Pietro Badoglio"
labelled("frus1936v03:d337", base(
    "frus1936v03:d337", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-05-14", "Addis Ababa, May 14, 1936—6 p.m", "6 p.m.", "Addis Ababa", "765.84/4421",
    [ENGERT, HULL],
    ["Source note '765.84/4421: Telegram'; '[Received May 14—4:15 p.m.]' is an earlier hour the same day (time zone).",
     "The writer's call on Marshal Badoglio ('had pleasant informal chat with him'): Badoglio's questions and remarks, "
     "the writer's answers. Badoglio's given name and Engert's are outside knowledge. Badoglio is not a participant."],
    signed_by="Cornelius Van H. Engert"), [
    N(1, "Badoglio ('asking', 'laughed and said') and the writer ('when I told him', 'I assured him') in main clauses",
      "He opened the conversation by asking; I assured him that"),
    S(2, BADOGLIO, "He then referred in cordial terms; He also spoke of his", "pronoun",
      note="'He' is the Marshal of paragraph 1"),
    N(3, "the writer ('I told the Marshal that') and Badoglio ('he promised that') in main clauses",
      "I told the Marshal that; he promised that"),
    SIG(4),
])

BOWERS = "Claude G. Bowers"
labelled("frus1936v03:d508", base(
    "frus1936v03:d508", "The Ambassador in Spain (Bowers) to the Secretary of State", "despatch",
    "1936-01-13", "Madrid, January 13, 1936", None, "Madrid", "452.11/328",
    [P(BOWERS, "Bowers", "author", "The Ambassador in Spain (Bowers)", "Ambassador in Spain"), HULL],
    ["A despatch ('No. 1012', 'Sir: … I have the honor to enclose', 'Respectfully yours,', 'Claude G. Bowers'); "
     "'[Received January 25.]', 'November 2', 'December 30' (the memorandum), 'January 22, 1930', 'January 10, 1935' and "
     "the enclosure's 'December 30, 1935' are not the date.",
     "The writer's analysis of the Spanish memorandum and his advice (Bowers, accept_null), and what he said at the "
     "Foreign Office ('I pointed out orally', 'I said that'). Blake and Culbertson (mentioned) are not participants.",
     "The enclosure (paragraphs 11-21, the Spanish memorandum) and the footnotes (22-28) are not labelled."],
    signed_by=BOWERS), [
    N(1, "'No. 1012': the despatch number"),
    N(2, "transmittal of the memorandum", "I have the honor to enclose a copy and a translation of a memorandum"),
    S(3, BOWERS, "I regret to say that in this memorandum the Spanish Government makes it evident", "first-person", True,
      "the writer's analysis of a document"),
    S(4, BOWERS, "I am inclined now to believe", "first-person", True,
      "the writer's account of the Embassy's efforts and his judgment; the Foreign Office is an institution"),
    S(5, BOWERS, "I pointed out orally at the Foreign Office; I said that the payment", "first-person"),
    S(6, BOWERS, "I am inclined to believe that further negotiation; I request instructions", "first-person", True,
      "the writer's opinion and request"),
    S(7, BOWERS, "I believe, therefore, that the Department should consider", "first-person", True,
      "the writer's analysis and advice"),
    N(8, "the writer's analysis mixed with Blake's reasons ('Mr. Blake has advanced various reasons', 'I understand "
         "from Mr. Blake') in main clauses: two speakers",
      "Mr. Blake has advanced various reasons; I understand from Mr. Blake"),
    SIG(9), SIG(10),
], gaps=["paragraphs 11-28: the enclosure (the Spanish memorandum) and the footnotes, not labelled"])

# ---------------------------------------------------------------- frus1918Russiav03: labelled ----
GOTO = "Shimpei Goto"
labelled("frus1918Russiav03:d391", base(
    "frus1918Russiav03:d391", "The Ambassador in Japan (Morris) to the Secretary of State", "telegram",
    "1918-09-11", "Tokyo, September 11, 1918, 11 p.m", "11 p.m.", "Tokyo", "861.77/472",
    [MORRIS, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/472'; '[Received September 12, 5.41 p.m.]', 'September 7, 2 p.m.' and "
     "'September 11, 1 a.m.' are not the date.",
     "The writer's inquiry of the Minister for Foreign Affairs, who is never named: 'He denied', 'He advised me in "
     "confidence', 'he referred again … stating that', 'He further explained'. Goto Shimpei as Japanese Minister for "
     "Foreign Affairs in September 1918 is outside knowledge, so his passages are accept_null. Horvat and Stevens "
     "(mentioned) are not participants. Morris's given names and Lansing as Secretary of State are outside knowledge."],
    signed_by="Roland S. Morris"), [
    S(1, GOTO, "I inquired informally of the Minister for Foreign Affairs; He denied absolutely; He advised me in "
               "confidence", "title", True,
      "the writer's inquiry is a main clause and the Minister's answer fills the paragraph (as the eighth key's d397 "
      "paragraph 9); the Minister is never named"),
    S(2, GOTO, "In conclusion he referred again; He further explained", "pronoun", True,
      "the unnamed Minister (outside knowledge)"),
    SIG(3),
], gaps=["paragraphs 4-5: the footnotes, not labelled"])

STEVENS = "John F. Stevens"
labelled("frus1918Russiav03:d439", base(
    "frus1918Russiav03:d439", "The Ambassador in Japan (Morris) to the Secretary of State", "telegram",
    "1918-11-12", "Tokyo, November 12, 1918, 4 p.m", "4 p.m.", "Tokyo", "861.77/548",
    [MORRIS, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/548'; '[Received 6 p.m.]' is the same day.",
     "A summary of Emerson's three telegrams to Stevens (a document summarized), then Stevens's views ('Mr. Stevens "
     "interprets', 'He explains', 'He believes'). Stevens, Emerson, Otani, Kinoshita and Horvat are not participants. "
     "Stevens's given name, Morris's and Lansing as Secretary of State are outside knowledge."],
    signed_by="Roland S. Morris"), [
    N(1, "framing: the telegrams summarized", "Three telegrams received to-day by Stevens from Emerson summarized"),
    N(2, "the summary of Emerson's telegrams: what Russian officials report, what Japanese officials appealed (a "
         "document and collective speakers)", "The Russian officials of the Trans-Baikal Railway report"),
    S(3, STEVENS, "Mr. Stevens interprets these facts; He explains the belated order; He believes that", "named", True,
      "Kinoshita's statement to Stevens is a main clause inside Stevens's account, and the writer's closing justifies "
      "submitting Stevens's views"),
    SIG(4),
], gaps=["paragraph 5: the footnote, not labelled"])

# ---------------------------------------------------------------- frus1894Nicaragua: labelled ----
labelled("frus1894Nicaragua:d52", base(
    "frus1894Nicaragua:d52", "No. 52. Mr. Bayard to Mr. Gresham.", "telegram",
    "1894-05-22", "London, May 22, 1894", None, "London", None,
    [BAYARD, GRESHAM_R],
    ["A telegram (source note '[Telegram.]'), with no salutation and no signature; 'to day' is the date, 'March' (the "
     "provisional agreement) and 'treaty of 1850' are not.",
     "'Had an interview with Lord Kimberley to day, who stated …': the whole telegram is Kimberley's statement in "
     "telegraphic style. Kimberley is not a participant. Bayard's given name and post and Gresham's post are outside "
     "knowledge."],
    signed_by=None), [
    S(1, "Lord Kimberley", "Had an interview with Lord Kimberley to day, who stated", "named",
      note="the statement continues in the telegraphic sentences after it ('British consul acted without "
           "instructions', 'British Government anxious for consultation')"),
])

ZELAYA = "José Santos Zelaya"
labelled("frus1894Nicaragua:d12", base(
    "frus1894Nicaragua:d12", "No. 12. Mr. Baker to Mr. Gresham.", "despatch",
    "1894-03-08", "Legation of the United States, Managua, March 8, 1894", None, "Managua", None,
    [BAKER, GRESHAM_R],
    ["A despatch ('Sir: Referring to my cablegram of this date', 'I have, etc.,', 'Lewis Baker.'); '(Received April 4, "
     "1894.)' and the inclosures' dates (February 10-26 and March 6, 1894) are not the date.",
     "The writer's conferences with President Zelaya: 'The President informs me', 'The President expresses "
     "satisfaction'. 'José Santos' is outside knowledge. Zelaya, Lacayo and Bingham are not participants.",
     "The nine inclosures (paragraphs 8-155: letters of Braida and Seat, a petition, proclamations, Vita's telegram, "
     "with Baker's note 'L. B.') and the footnotes (156-157) are not labelled."],
    signed_by="Lewis Baker"), [
    N(1, "transmittal of the inclosures", "I have the honor of submitting to you inclosures numbered from 1 to 9"),
    S(2, "Lewis Baker", "I have had full conferences with President Zelaya", "first-person", True,
      "the writer's own conduct and judgment ('This correspondence, however, is quite limited'); the President's "
      "showing the correspondence is an act, not words"),
    S(3, ZELAYA, "The President informs me that; The President seems impressed", "title",
      note="'President Zelaya' is named in paragraph 2"),
    N(4, "an agreement described (a document)", "By reference to inclosure No. 9 you will observe"),
    S(5, ZELAYA, "The President expresses satisfaction", "title"),
    SIG(6), SIG(7),
], gaps=["paragraphs 8-157: the inclosures and the footnotes, not labelled"])

RIVAS = "Roman Mayorga Rivas"
labelled("frus1894Nicaragua:d82", base(
    "frus1894Nicaragua:d82", "No. 82. Mr. Baker to Mr. Gresham.", "despatch",
    "1894-07-27", "Legation of the United States, Mamagua, July 27, 1894", None, "Managua", None,
    [BAKER, GRESHAM_R],
    ["A despatch ('Sir: My latest information', 'I have, etc.,', 'Lewis Baker.'); the dateline prints 'Mamagua' for "
     "Managua. '(Received August 14.)', 'July 7' and the inclosures' 'July 26, 1894' and 'July 27, 1894' (the newspaper "
     "extract, the same day) are not the date.",
     "Consul Braida's complaint; the writer's talk with Madriz and the announcement of Madriz's assistant secretary, "
     "Roman Mayorga Rivas; the writer's illness and intentions. Braida's initials ('S. C. Braida') are printed in other "
     "documents of the volume, not in this one (outside knowledge here). None of them is a participant.",
     "The inclosures (paragraphs 10-36: Baker's letter to Seat and the President's proclamation from 'El 93') are not "
     "labelled; the inclosure's signature 'Lewis Baker.' (paragraph 21) begins like the despatch's (paragraph 9)."],
    signed_by="Lewis Baker"), [
    N(1, "the writer's report of facts (mails and telegraph)", "My latest information from Bluefields by mail"),
    S(2, "S. C. Braida", "Consul Braida makes most serious complaint", "named"),
    S(3, "Lewis Baker", "through his courtesy I send letters to Consul Braida", "first-person", True,
      "the writer's own conduct; Madriz's departure is a fact"),
    N(4, "transmittal", "I herewith inclose a copy of the latter"),
    S(5, RIVAS, "announced the purpose of the Government", "named", True,
      "the writer's talk with Madriz and his impression of Madriz's mind ('I find his mind filled with the idea') are "
      "main clauses, but only Rivas's words are reported"),
    N(6, "facts reported and a transmittal", "It has been developed that 1,300 to 1,500 soldiers will go down"),
    S(7, "Lewis Baker", "I will be compelled to get away from here", "first-person", True,
      "the writer's illness (a fact), then his own intentions ('I must have a change to live')"),
    SIG(8), SIG(9),
], gaps=["paragraphs 10-36: the inclosures, not labelled"])

labelled("frus1894Nicaragua:d135", base(
    "frus1894Nicaragua:d135", "No. 135. Mr. Bayard to Mr. Gresham.", "despatch",
    "1894-12-22", "Embassy of the United States, London, December 22, 1894", None, "London", None,
    [BAYARD, GRESHAM_R],
    ["A despatch ('Sir: As related to affairs in Nicaragua, I have now the honor to inclose', 'I have the honor to be, "
     "etc.,', 'T. F. Bayard.'); 'the 17th instant', 'the 20th instant', 'the 21st' and the inclosures' 'December 20, "
     "1894' and 'December 21, 1894' are not the date.",
     "The statements at the Foreign Office and Her Majesty's Government's satisfaction are collective (null); the "
     "writer's own view and his account of his telegram are Bayard's (accept_null). Kimberley (the inclosure's writer) "
     "is not a participant of the despatch. Bayard's given name and post are outside knowledge.",
     "The inclosures (paragraphs 10-22: Bayard's note to Kimberley and Kimberley's reply) and the footnotes (23-25) are "
     "not labelled; the inclosure's signature 'T. F. Bayard.' (paragraph 16) begins like the despatch's (paragraph 9)."],
    signed_by="Thomas F. Bayard"), [
    N(1, "transmittal of the telegrams", "I have now the honor to inclose herewith a copy of the telegram"),
    N(2, "transmittal of the personal notes", "I have also the honor to transmit herewith a copy of a personal note"),
    N(3, "the Foreign Office's statements (an institution)", "The purport of the statements at the foreign office"),
    S(4, "Thomas F. Bayard", "As I have heretofore stated in this connection", "first-person", True,
      "the writer's own view"),
    N(5, "Her Majesty's Government (collective)", "Her Majesty's Government are well pleased"),
    N(6, "an expression of satisfaction at the Foreign Office (collective)",
      "There was the most open expression of satisfaction at the foreign office"),
    S(7, "Thomas F. Bayard", "In my last telegram I referred to", "first-person", True,
      "the writer's account of his own telegram"),
    SIG(8), SIG(9),
], gaps=["paragraphs 10-25: the inclosures and the footnotes, not labelled"])

# ---------------------------------------------------------------- metadata only ------------------
metadata("frus1936v03:d148", base(
    "frus1936v03:d148", "The Chargé in Italy (Kirk) to the Secretary of State", "telegram",
    "1936-05-29", "Rome, May 29, 1936—4 p.m", "4 p.m.", "Rome", "765.84/4544",
    [KIRK, HULL],
    ["Source note '765.84/4544: Telegram'; '[Received 4:55 p.m.]' is the same day; 'June 16' and 'June 22' are not the "
     "date. Mussolini (reported) is not a participant. Kirk's given name is outside knowledge."],
    signed_by="Alexander C. Kirk", labelled_doc=False))
metadata("frus1936v03:d526", base(
    "frus1936v03:d526", "The Ambassador in the United Kingdom (Bingham) to the Secretary of State", "telegram",
    "1936-09-04", "London, September 4, 1936—5 p.m", "5 p.m.", "London", "867N.00/377",
    [P("Robert W. Bingham", "Bingham", "author", "The Ambassador in the United Kingdom (Bingham)",
       "Ambassador in the United Kingdom"), HULL],
    ["Source note '867N.00/377: Telegram'; '[Received September 4—12:55 p.m.]' is an earlier hour (time zone); "
     "'August 31st' is not the date. Ormsby-Gore and Weizmann (a quoted letter) and the Colonial Office are not "
     "participants. Bingham's given name is outside knowledge."],
    signed_by="Robert W. Bingham", labelled_doc=False))
metadata("frus1936v03:d293", base(
    "frus1936v03:d293", "The Chargé in Italy (Kirk) to the Secretary of State", "telegram",
    "1936-05-05", "Rome, May 5, 1936—noon", "noon", "Rome", "765.84/4269",
    [KIRK, HULL],
    ["Source note '765.84/4269: Telegram'; dated 'noon'; '[Received May 5—9:25 a.m.]' is an earlier hour (time zone); "
     "'Department's No. 37, May 4' is not the date. The Director for Political Affairs (unnamed) and Suvich are not "
     "participants. Kirk's given name is outside knowledge."],
    signed_by="Alexander C. Kirk", labelled_doc=False))
metadata("frus1918Russiav03:d27", base(
    "frus1918Russiav03:d27", "The Ambassador in Russia (Francis) to the Secretary of State", "telegram",
    "1917-08-02", "Petrograd, August 2, 1917, 9 p.m", "9 p.m.", "Petrograd", "861.51/180", [FRANCIS, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.51/180'; dated 1917 by its dateline though in the 1918 volume; '[Received "
     "August 4, 12.30 p.m.]', 'yesterday' and 'August 7' are not the date. '[Also for the Secretary of the Treasury.]'. "
     "Chernov, Tereshchenko and Bakhmeteff (reported or mentioned) are not participants. Lansing as Secretary of State "
     "is outside knowledge."],
    signed_by="David R. Francis", labelled_doc=False))
metadata("frus1918Russiav03:d393", base(
    "frus1918Russiav03:d393", "The Chargé in China (MacMurray) to the Secretary of State", "telegram",
    "1918-09-12", "Peking, September 12, 1918, midnight", "midnight", "Peking", "861.77/473",
    [P("John Van Antwerp MacMurray", "MacMurray", "author", "The Chargé in China (MacMurray)", "Chargé in China"),
     LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/473'; dated 'September 12, 1918, midnight'; '[Received September 12, "
     "9.16 p.m.]', 'yesterday' and 'August 30, 4 p.m.' are not the date. The unnamed Minister for Foreign Affairs, "
     "Horvat and Stevens (reported or mentioned) are not participants. MacMurray's given names and Lansing as "
     "Secretary of State are outside knowledge."],
    signed_by="John Van Antwerp MacMurray", labelled_doc=False))
metadata("frus1918Russiav03:d419", base(
    "frus1918Russiav03:d419", "The Ambassador in Japan (Morris), temporarily at Vladivostok, to the Secretary of State",
    "telegram", "1918-09-26", "Vladivostok, September 26, 1918, 6 p.m", "6 p.m.", "Vladivostok", "861.77/498",
    [P("Roland S. Morris", "Morris", "author", "The Ambassador in Japan (Morris), temporarily at Vladivostok",
       "Ambassador in Japan"), LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/498'; sent from Vladivostok, not Tokyo; '[Received 6.28 p.m.]' is "
     "the same day; 'Your September 23, 5 [4] p.m.' is not the date. Matsudaira, Horvat, Stevens and Emerson "
     "(mentioned) are not participants. Morris's given names and Lansing as Secretary of State are outside knowledge."],
    signed_by="Roland S. Morris", labelled_doc=False))
metadata("frus1918Russiav03:d103", base(
    "frus1918Russiav03:d103", "The Chargé in Great Britain (Laughlin) to the Secretary of State", "telegram",
    "1918-10-26", "London, October 26, 1918, 5 p.m", "5 p.m.", "London", "861.51/380",
    [P("Irwin B. Laughlin", "Laughlin", "author", "The Chargé in Great Britain (Laughlin)", "Chargé in Great Britain"),
     LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.51/380'; '[Received October 27, 4.10 a.m.]' and 'Monday' are not the "
     "date. The telegram passes on a message '[For] McAdoo from Cravath' (Paul D. Cravath, footnote 1): McAdoo and "
     "Cravath are not participants of the telegram, as in the eighth key's d13. Laughlin's given name and Lansing as "
     "Secretary of State are outside knowledge."],
    signed_by="Irwin B. Laughlin", labelled_doc=False))
metadata("frus1894Nicaragua:d114", base(
    "frus1894Nicaragua:d114", "No. 114. Mr. Baker to Mr. Gresham.", "despatch",
    "1894-10-10", "Legation of the United States, Managua, Nicaragua, October 10, 1894", None, "Managua", None,
    [BAKER, GRESHAM_R],
    ["A despatch ('Sir: Herewith I inclose copies of two communications', 'I have, etc.,', 'Lewis Baker.'); '(Received "
     "November 2.)' and the inclosures' 'October 9, 1894' are not the date. The inclosures' writer (F. Baca), Guzman, "
     "Lampton and Wiltbank are not participants of the despatch."],
    signed_by="Lewis Baker", labelled_doc=False))
metadata("frus1894Nicaragua:d87", base(
    "frus1894Nicaragua:d87", "No. 87. Mr. Baker to Mr. Gresham.", "despatch",
    "1894-08-08", "Legation of the United States, Managua, August 8, 1894", None, "Managua", None,
    [BAKER, GRESHAM_R],
    ["A despatch ('Sir: Your official dispatch No. 201', 'I have, etc.,', 'Lewis Baker.'); '(Received September 4.)', "
     "'the 5th of May' and 'May 23' are not the date. Madriz and Lacayo (mentioned) are not participants."],
    signed_by="Lewis Baker", labelled_doc=False))


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
