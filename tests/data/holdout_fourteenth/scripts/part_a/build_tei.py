import json
from pathlib import Path
from labels_common import P, HULL, LANSING_R, GRESHAM_R, passage, N, SIG, HEAD, S, doc, paragraphs
from excluded import excluded_strict

OUT = Path("/work/main/tests/data/holdout_fourteenth/frus_tei.json")
INDEX = Path("/work/keywork/fourteenth_a/labelled_index.json")

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


# ---------------------------------------------------------------- people ---------------------------
ENGERT = P("Cornelius Van H. Engert", "Engert", "author", "The Minister Resident in Ethiopia (Engert)",
           "Minister Resident in Ethiopia")
GILBERT = P("Prentiss B. Gilbert", "Gilbert", "author", "The Consul at Geneva (Gilbert)", "Consul at Geneva")
HALL = P("Hall", "Hall", "author", "The Chargé in Egypt (Hall)", "Chargé in Egypt")
MOORE = P("R. Walton Moore", "Moore", "author", "The Acting Secretary of State", "Acting Secretary of State")
BINGHAM_R = P("Robert Worth Bingham", "Bingham", "recipient", "the Ambassador in the United Kingdom (Bingham)",
              "Ambassador in the United Kingdom")
PHILLIPS_IT = P("William Phillips", "Phillips", "author", "The Ambassador in Italy (Phillips)", "Ambassador in Italy")
PHILLIPS_AS = P("William Phillips", "Phillips", "author", "The Acting Secretary of State", "Acting Secretary of State")
MACMURRAY_A = P("John Van Antwerp MacMurray", "MacMurray", "author", "The Ambassador in Turkey (MacMurray)",
                "Ambassador in Turkey")
MACMURRAY_R = P("John Van Antwerp MacMurray", "MacMurray", "recipient", "the Ambassador in Turkey (MacMurray)",
                "Ambassador in Turkey")
LAUGHLIN = P("Irwin B. Laughlin", "Laughlin", "author", "The Chargé in Great Britain (Laughlin)",
             "Chargé in Great Britain")
POOLE = P("DeWitt C. Poole", "Poole", "author", "The Chargé in Russia (Poole)", "Chargé in Russia")
FISH = P("Bert Fish", "Fish", "author", "The Minister in Egypt (Fish)", "Minister in Egypt")
CALDWELL = P("John K. Caldwell", "Caldwell", "author", "The Consul at Vladivostok (Caldwell)", "Consul at Vladivostok")
POLK = P("Frank L. Polk", "Polk", "author", "The Acting Secretary of State", "Acting Secretary of State")
FRANCIS_R = P("David R. Francis", "Francis", "recipient", "the Ambassador in Russia (Francis)", "Ambassador in Russia")
HERBERT = P("Hilary A. Herbert", "Herbert", "author", "Mr. Herbert", "Secretary of the Navy")
GRESHAM_A = P("Walter Q. Gresham", "Gresham", "author", "Mr. Gresham", "Secretary of State")
BAKER_R = P("Lewis Baker", "Baker", "recipient", "Mr. Baker", "Minister to Nicaragua")
BAYARD = P("Thomas F. Bayard", "Bayard", "author", "Mr. Bayard", "Ambassador in Great Britain")

OUT_HULL = "Hull as Secretary of State in 1936 is outside knowledge."
OUT_LANSING = "Lansing as Secretary of State in 1918 is outside knowledge."

# ---------------------------------------------------------------- frus1936v03: labelled ----------
labelled("frus1936v03:d375", base(
    "frus1936v03:d375", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-09-14", "Addis Ababa, September 14, 1936—1 p.m.", "1 p.m.", "Addis Ababa", "765.84/5035",
    [ENGERT, HULL],
    ["Source note '765.84/5035: Telegram'; '[Received 5:45 p.m.]' is the same day; 'My 551, September 13' is not the date.",
     "Marshal Graziani sends Colonel Mazzi to the Legation with the Marshal's apologies; neither is a participant. "
     "Engert's given names, Graziani's given name (Rodolfo) and " + OUT_HULL],
    signed_by="Cornelius Van H. Engert"), [
    N(1, "a message of Marshal Graziani's (his apologies, 'he wished to assure me') delivered by Colonel Mazzi: the "
         "sender's words carried by a messenger, so no single speaker is firm; doubtful (see README)",
      "Marshal Graziani sent his principal assistant, Colonel Mazzi, to the Legation"),
    N(2, "events (the bodies dug up); the writer's demand is in a relative clause",
      "the Italian military had begun to dig up the bodies"),
    S(3, "Cornelius Van H. Engert", "So far as I am concerned the incident is closed", "first-person", True,
      "the writer's own view of the incident and of his letter"),
    SIG(4),
])

labelled("frus1936v03:d17", base(
    "frus1936v03:d17", "The Chargé in Egypt (Hall) to the Secretary of State", "telegram",
    "1936-09-28", "Cairo, September 28, 1936—noon.", "noon", "Cairo", "883.0513/174",
    [HALL, HULL],
    ["Source note '883.0513/174: Telegram'; '[Received 12:50 p.m.]' is the same day; 'September 25' and 'October "
     "12th' are not the date.",
     "Booth (printed only as 'Booth') reports the Minister of Justice's position; neither is a participant. The "
     "Chargé's given name is not printed and is not entered; " + OUT_HULL],
    signed_by="Hall"), [
    N(1, "Booth's report and, in a main clause, the Minister of Justice's statement ('Minister of Justice states'): two "
         "speakers", "Minister of Justice states he cannot alter position"),
    S(2, "Booth", "Booth now states he and the Minister of Justice believe", "named", False,
      "'After stating on the 25th … Booth now states': Booth's words; the Minister of Justice's belief is inside his statement"),
    S(3, "Hall", "I believe Egyptian position unwarranted", "first-person", True, "the writer's own opinion and intention"),
    SIG(4),
])

labelled("frus1936v03:d221", base(
    "frus1936v03:d221", "The Acting Secretary of State to the Ambassador in the United Kingdom (Bingham)", "telegram",
    "1936-11-23", "Washington, November 23, 1936—2 p.m.", "2 p.m.", "Washington", "884.001 Selassie I/347",
    [MOORE, BINGHAM_R],
    ["Source note '884.001 Selassie I/347: Telegram'; 'Your 429, September 11' is not the date.",
     "Signed 'Moore'. R. Walton Moore as Acting Secretary of State, Bingham's given names and Count Galeazzo Ciano "
     "(Italian Minister for Foreign Affairs, printed 'Ciano') are outside knowledge. Ciano and Phillips are not "
     "participants."],
    signed_by="R. Walton Moore"), [
    S(1, "Galeazzo Ciano", "Ciano expressed the view that such a visit would be most unfortunate", "named", False,
      "'Ciano has informed Mr. Phillips … Ciano expressed the view': Ciano is the only speaker; the telegram reference opens the paragraph"),
    S(2, "R. Walton Moore", "Please furnish the Department and Embassy at Rome", "first-person", True,
      "the writer's instruction"),
    SIG(3),
])

labelled("frus1936v03:d416", base(
    "frus1936v03:d416", "The Ambassador in Italy (Phillips) to the Secretary of State", "telegram",
    "1936-12-03", "Rome, December 3, 1936—7 p.m.", "7 p.m.", "Rome", "123H875/189",
    [PHILLIPS_IT, HULL],
    ["Source note '123H875/189: Telegram'; '[Received December 3—3:20 p.m.]' is an earlier hour of the same day "
     "(time zone); 'Department's 170, December 2' is not the date.",
     "Count Ciano is not a participant. Phillips's given name, Ciano's and " + OUT_HULL],
    signed_by="William Phillips"), [
    N(1, "the writer's words ('I informed Count Ciano', 'I added') and Ciano's ('Count Ciano expressed much "
         "appreciation', his written statement quoted) in main clauses: two speakers",
      "I informed Count Ciano this afternoon; Count Ciano expressed much appreciation"),
    SIG(2),
])

labelled("frus1936v03:d157", base(
    "frus1936v03:d157", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-06-06", "Geneva, June 6, 1936—3 p.m.", "3 p.m.", "Geneva", "765.84/4601",
    [GILBERT, HULL],
    ["Source note '765.84/4601: Telegram (part air)'; '[Received June 8—5:34 a.m.]' and 'June 4' are not the date.",
     "The Argentine representative is not named in the text and is not a participant. Gilbert's given names and "
     + OUT_HULL],
    signed_by="Prentiss B. Gilbert"), [
    N(1, "the writer's own reticence, then the unnamed Argentine representative's declaration ('He added'): a speaker "
         "the text does not name", "The Argentine representative however \"declared\" to me"),
    S(2, "Prentiss B. Gilbert", "Should the Department desire that I endeavor discreetly", "first-person", True,
      "the writer's request for instructions"),
    SIG(3),
])

labelled("frus1936v03:d168", base(
    "frus1936v03:d168", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-06-26", "Geneva, June 26, 1936—6 p.m.", "6 p.m.", "Geneva", "765.84/4723",
    [GILBERT, HULL],
    ["Source note '765.84/4723: Telegram'; '[Received June 26—2:15 p.m.]' is an earlier hour of the same day (time zone); 'June 24 [25]' is not the date.",
     "The Cuban Minister, who called, is not named in the text and is not a participant. Gilbert's given names and "
     + OUT_HULL],
    signed_by="Prentiss B. Gilbert"), [
    N(1, "the unnamed Cuban Minister's call and his Government's telegram (a document shown): framing, no named speaker",
      "The Cuban Minister has just called on me"),
    N(2, "the unnamed Cuban Minister's telegram to his Government", "He is telegraphing his Government urging"),
    SIG(3),
])

labelled("frus1936v03:d387", base(
    "frus1936v03:d387", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-05-14", "Addis Ababa, May 14, 1936—5 p.m.", "5 p.m.", "Addis Ababa", "384.1162 Seventh Day Adventists/6",
    [ENGERT, HULL],
    ["Source note '384.1162 Seventh Day Adventists/6: Telegram'; '[Received May 14—3:30 p.m.]' is an earlier hour "
     "of the same day (time zone).",
     "The Italian doctor is not named; L. H. Christian is mentioned, not a participant. Engert's given names and "
     + OUT_HULL],
    signed_by="Cornelius Van H. Engert"), [
    N(1, "the unnamed Italian director of sanitation ('informed them', 'He implied') and the mission's reply ('He was "
         "informed'): no named speaker", "Italian doctor who is director of sanitation called"),
    S(2, "Cornelius Van H. Engert", "I respectfully suggest that the Department send for", "first-person", True,
      "the writer's suggestion"),
    S(3, "Cornelius Van H. Engert", "I shall of course protest", "first-person", True, "the writer's intention"),
    SIG(4),
])

labelled("frus1936v03:d355", base(
    "frus1936v03:d355", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-07-10", "Addis Ababa, July 10, 1936—1 p.m.", "1 p.m.", "Addis Ababa", "124.842/133",
    [ENGERT, HULL],
    ["Source note '124.842/133: Telegram'; '[Received July 12, 10 a.m.]' and 'July 8' are not the date.",
     "The British Chargé d'Affaires ('My British colleague') is not named in the text and is not a participant. "
     "Engert's given names and " + OUT_HULL],
    signed_by="Cornelius Van H. Engert"), [
    N(1, "events at the radio stations; the unnamed British Chargé 'asked for instructions'", "French and German radios were sealed"),
    N(2, "the unnamed British colleague's information, then the writer's request ('Please take no action'): two speakers, one unnamed",
      "My British colleague informs me; Please take no action"),
    SIG(3),
])

labelled("frus1936v03:d578", base(
    "frus1936v03:d578", "The Consul at Geneva (Gilbert) to the Secretary of State", "telegram",
    "1936-06-23", "Geneva, June 23, 1936—noon.", "noon", "Geneva", "767.68119/924",
    [GILBERT, HULL],
    ["Source note '767.68119/924: Telegram (part air)'; '[Received June 24—1:26 p.m.]' is not the date.",
     "The Polish Minister, the Bulgarian and Rumanian delegations and 'delegates of various participating states' are "
     "not named; Aras (the Turkish Foreign Minister) is reported only inside the Polish Minister's account. None is a "
     "participant. Gilbert's given names and " + OUT_HULL],
    signed_by="Prentiss B. Gilbert"), [
    N(1, "the unnamed Polish Minister's account, with Aras's statement inside it: no named speaker",
      "The Polish Minister returning from a private conversation"),
    N(2, "the draft convention (a document described) and the Bulgarian and Rumanian delegations' view: no named speaker",
      "The Bulgarian and Rumanian delegations here expressed to me"),
    N(3, "information from unnamed delegates", "I am reliably informed by delegates of various participating states"),
    SIG(4),
])

labelled("frus1936v03:d579", base(
    "frus1936v03:d579", "The Acting Secretary of State to the Ambassador in Turkey (MacMurray)", "telegram",
    "1936-06-25", "Washington, June 25, 1936—6 p.m.", "6 p.m.", "Washington", "767.68119/924",
    [PHILLIPS_AS, MACMURRAY_R],
    ["Source note '767.68119/924: Telegram'; 'June 23', 'April 22' and 'April 23' are not the date.",
     "Signed 'Phillips'. William Phillips as Acting Secretary of State (he was Under Secretary) and MacMurray's given "
     "names are outside knowledge."],
    signed_by="William Phillips"), [
    N(1, "a quoted telegram (the Consulate at Geneva's)", "The following statement is made in telegram from Consulate at Geneva"),
    S(2, "William Phillips", "is it your understanding that the Turkish Foreign Minister", "first-person", True,
      "the writer's questions to the Ambassador; the Foreign Minister's earlier statement is only referred to"),
    SIG(3),
])

labelled("frus1936v03:d583", base(
    "frus1936v03:d583", "The Ambassador in Turkey (MacMurray) to the Secretary of State", "telegram",
    "1936-07-03", "Istanbul, July 3, 1936—2 p.m.", "2 p.m.", "Istanbul", "767.68119/932",
    [MACMURRAY_A, HULL],
    ["Source note '767.68119/932: Telegram'; '[Received July 3—12:05 p.m.]' is an earlier hour of the same day "
     "(time zone); 'June 26' is not the date.",
     "The Acting Minister of Foreign Affairs is not named in the text and is not a participant. MacMurray's given "
     "names and " + OUT_HULL],
    signed_by="John Van Antwerp MacMurray"), [
    N(1, "the unnamed Acting Minister of Foreign Affairs 'fully confirmed … and specifically authorized me': no named speaker",
      "In a conversation with Acting Minister of Foreign Affairs yesterday, he fully confirmed"),
    SIG(2),
])


MORRIS_J = P("Leland B. Morris", "Morris", "author", "The Consul General at Jerusalem (Morris)", "Consul General at Jerusalem")
ENGERT_R = P("Cornelius Van H. Engert", "Engert", "recipient", "the Minister Resident in Ethiopia (Engert)",
             "Minister Resident in Ethiopia")

labelled("frus1936v03:d513", base(
    "frus1936v03:d513", "The Consul General at Jerusalem (Morris) to the Secretary of State", "despatch",
    "1936-05-06", "Jerusalem, May 6, 1936.", None, "Jerusalem", "867N.00/287",
    [MORRIS_J, HULL],
    ["Source note '867N.00/287' and '[Extract]'; '[Received May 21.]', 'April 25' and the despatch No. 62 are not the "
     "date. Despatch 'No. 69', 'Sir: I have the honor', 'Respectfully yours,', signed 'Leland B. Morris' (printed).",
     "Nashashibi and the Mufti are reported, not participants. " + OUT_HULL],
    signed_by="Leland B. Morris"), [
    N(1, "'No. 69': the despatch number"),
    N(2, "framing: a reference to an earlier despatch and the announcement of comments", "I have the honor to refer to the Consulate General's despatch No. 62"),
    S(3, "Leland B. Morris", "When despatch No. 62 was submitted the situation was briefly as follows", "first-person", True,
      "the writer's description of the situation"),
    S(4, "Leland B. Morris", "it must be recognized that the most trifling of incidents", "first-person", True,
      "the writer's analysis; the authorities' statement is in a relative clause ('who state that')"),
    N(5, "the Arab leaders' meeting: Nashashibi's and the Mufti's positions in main clauses ('Nashashibi urged', 'The "
         "Mufti argued'): two speakers", "Nashashibi urged that the strike be abandoned; The Mufti argued"),
    SIG(6), SIG(7),
])

labelled("frus1936v03:d248", base(
    "frus1936v03:d248", "The Acting Secretary of State to the Minister Resident in Ethiopia (Engert)", "telegram",
    "1936-06-09", "Washington, June 9, 1936—6 p.m.", "6 p.m.", "Washington", "765.84/4573",
    [PHILLIPS_AS, ENGERT_R],
    ["Source note '765.84/4573: Telegram'; 'June 4, 1936' (the Chargé's report) is not the date.",
     "Signed 'Phillips': William Phillips as Acting Secretary of State and Engert's given names are outside knowledge. "
     "The Chargé d'Affaires at Rome, his unnamed colleague and Suvich are not participants."],
    signed_by="William Phillips"), [
    N(1, "the Chargé at Rome's report of an unnamed colleague's discussion with Suvich ('According to this source'), "
         "then inferences: no named speaker", "reported a strictly confidential conversation with one of his colleagues"),
    SIG(2),
])

# ---------------------------------------------------------------- frus1918Russiav03: labelled ------
labelled("frus1918Russiav03:d251", base(
    "frus1918Russiav03:d251", "The Chargé in Great Britain (Laughlin) to the Secretary of State", "telegram",
    "1918-05-28", "London, May 28, 1918, 5 p.m.", "5 p.m.", "London", "661.939/9",
    [LAUGHLIN, LANSING_R],
    ["Source note 'File No. 661.939/9' and '[Telegram]'; '[Received 7.33 p.m.]' is the same day; 'May 16' and 'May 1' "
     "are not the date.",
     "Mr. Balfour (Arthur James Balfour, Foreign Secretary: given names and post outside knowledge), Sir J. Jordan and "
     "the French Minister at Peking are not participants. Laughlin's given names and " + OUT_LANSING],
    signed_by="Irwin B. Laughlin"), [
    S(1, "Arthur James Balfour", "Mr. Balfour has informed Sir J. Jordan that the British Government concur",
      "named", True,
      "the British Foreign Secretary's instructions to Jordan as relayed by the Chargé; the British Minister's "
      "appreciation is in a relative clause; the paragraph opens with the telegram reference"),
    S(2, "Arthur James Balfour", "Mr. Balfour is communicating the foregoing views to the French Government and urging",
      "named", True, "the French Minister's inclination is an attitude, not words; Balfour's communication"),
    SIG(3),
])

labelled("frus1918Russiav03:d233", base(
    "frus1918Russiav03:d233", "The Chargé in Russia (Poole) to the Secretary of State", "telegram",
    "1918-12-30", "Archangel, December 30, 1918, 5 p.m.", "5 p.m.", "Archangel", "861.48/735",
    [POOLE, LANSING_R],
    ["Source note 'File No. 861.48/735' and '[Telegram]'; '[Received January 1, 1919, 7.44 a.m.]' and 'October 26' "
     "are not the date.",
     "The provisional government, Lieutenant Bukowski and Engineer Malishevski are not participants. Poole's given "
     "names and " + OUT_LANSING],
    signed_by="DeWitt C. Poole"), [
    N(1, "the writer's report of facts (an inventory completed, distribution to begin)", "inventory has been completed"),
    S(2, "DeWitt C. Poole", "I have informed the provisional government that; I have explained", "first-person", False,
      "the writer's statements to the provisional government; the telegrams are only the background"),
    SIG(3),
])


FRANCIS_A = P("David R. Francis", "Francis", "author", "The Ambassador in Russia (Francis)", "Ambassador in Russia")
GRANT_SMITH = P("Ulysses Grant-Smith", "Grant-Smith", "author", "The Changé in Denmark (Grant-Smith)", "Chargé in Denmark")
POLK_A = POLK
DAVIS_R = P("John W. Davis", "Davis", "recipient", "the Ambassador in Great Britain (Davis)", "Ambassador in Great Britain")

labelled("frus1918Russiav03:d472", base(
    "frus1918Russiav03:d472", "The Ambassador in Russia (Francis) to the Secretary of State", "telegram",
    "1918-06-15", "Vologda, June 15, 1918.", None, "Vologda", "861.85/23",
    [FRANCIS_A, LANSING_R],
    ["Source note 'File No. 861.85/23' and '[Telegram]'; '[Received June 26, 5.45 a.m.]' and the communications' "
     "'12th' are not the date; the dateline prints no hour.",
     "Chicherin's communications (to the Consulate General and to Lockhart) are documents described and quoted; "
     "Chicherin and Lockhart are not participants. Francis's given names and " + OUT_LANSING],
    signed_by="David R. Francis"), [
    N(1, "Chicherin's written communication described ('sent communication', 'cites'): a document", "Chicherin sent communication 12th to Consulate General"),
    N(2, "the communication quoted (the Fleet's protest inside it)", "Mercantile Voluntary Fleet of Far East has protested"),
    N(3, "the communication quoted", "Commissariat begs Consulate General"),
    N(4, "Chicherin's second communication described: a document", "Chicherin sends Lockhart similar communication"),
    N(5, "the end of that communication quoted", "Lockhart communication ends"),
    SIG(6),
])

labelled("frus1918Russiav03:d67", base(
    "frus1918Russiav03:d67", "The Changé in Denmark (Grant-Smith) to the Secretary of State", "telegram",
    "1918-05-09", "Copenhagen, May 9, 1918, 6 p.m.", "6 p.m.", "Copenhagen", "861.51/314",
    [GRANT_SMITH, LANSING_R],
    ["Source note 'File No. 861.51/314' and '[Telegram]'; '[Received 10.49 p.m.]' is the same day; the quoted "
     "declaration's 'May 8, 1918' is not the date. The title prints 'Changé' (a misprint for Chargé).",
     "Vorovski's declaration, quoted from the newspapers, is a document; Vorovski is not a participant. Grant-Smith's "
     "given name and " + OUT_LANSING],
    signed_by="Ulysses Grant-Smith"), [
    N(1, "framing: a newspaper item announced", "The following appears in to-day's Copenhagen newspapers"),
    N(2, "framing inside the quotation: the declaration announced", "has made the following declaration"),
    N(3, "Vorovski's declaration quoted (a document)", "We hereby give notification"),
    N(4, "the declaration quoted", "The Russian Government is now making every effort"),
    SIG(5, "the quoted declaration's signature"),
    HEAD(6, "the quoted declaration's date line (it does not begin like the telegram's dateline)"),
    S(7, "Ulysses Grant-Smith", "Apparently this is another German move", "first-person", True, "the writer's analysis"),
    SIG(8),
])

labelled("frus1918Russiav03:d454", base(
    "frus1918Russiav03:d454", "The Acting Secretary of State to the Ambassador in Great Britain (Davis)", "telegram",
    "1918-12-24", "Washington, December 24, 1918, 7 p.m.", "7 p.m.", "Washington", "861.77/604d",
    [POLK_A, DAVIS_R],
    ["Source note 'File No. 861.77/604d' and '[Telegram]'.",
     "Signed 'Polk': Frank L. Polk as Acting Secretary of State and Davis's given names and post are outside "
     "knowledge. The British Chargé d'Affaires (unnamed), Colonel Jack and Mr. Stevens are not participants."],
    signed_by="Frank L. Polk"), [
    N(1, "the British Chargé's note described ('has presented a note in which he states'): a document, its writer unnamed",
      "British Chargé d'Affaires has presented a note in which he states"),
    S(2, "Frank L. Polk", "Please inform the Minister of Foreign Affairs", "first-person", True,
      "the writer's instruction; what the Ambassador is to say is the writer's own message"),
    S(3, "Frank L. Polk", "This Government is not disposed however", "first-person", True, "the Government's view, stated by the writer"),
    N(4, "a report of the negotiations and of Stevens's conviction (a position, not words reported to anyone): no speaker firm; doubtful",
      "The firm conviction of Mr. Stevens as to this point"),
    S(5, "Frank L. Polk", "this Government would like to be informed", "first-person", True, "the writer's message and request"),
    SIG(6),
])


HULL_A = P("Cordell Hull", "Hull", "author", "The Secretary of State", "Secretary of State")
PHILLIPS_R = P("William Phillips", "Phillips", "recipient", "the Ambassador in Italy (Phillips)", "Ambassador in Italy")
KIRK_A = P("Alexander C. Kirk", "Kirk", "author", "The Chargé in Italy (Kirk)", "Chargé in Italy")
LANSING_A = P("Robert Lansing", "Lansing", "author", "The Secretary of State", "Secretary of State")
MOSER = P("Charles K. Moser", "Moser", "author", "The Consul at Harbin (Moser)", "Consul at Harbin")

labelled("frus1936v03:d374", base(
    "frus1936v03:d374", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-09-13", "Addis Ababa, September 13, 1936—9 a.m.", "9 a.m.", "Addis Ababa", "765.84/5031",
    [ENGERT, HULL],
    ["Source note '765.84/5031: Telegram'; '[Received 2:45 p.m.]' is the same day; 'Yesterday' (the executions) is "
     "not the date.", "Marshal Graziani (the addressee of Engert's letter) is not a participant. Engert's given names "
     "and " + OUT_HULL],
    signed_by="Cornelius Van H. Engert"), [
    N(1, "an event (the executions); the writer is only present", "nine Ethiopians whom the Italians are pleased to call"),
    S(2, "Cornelius Van H. Engert", "I have protested against this outrage; I added that I would not in future tolerate",
      "first-person", False, "the writer's protest in his letter to Graziani; Graziani says nothing"),
    S(3, "Cornelius Van H. Engert", "I shall telegraph as soon as I receive a reply", "first-person", True, "the writer's intention"),
    SIG(4),
])

labelled("frus1936v03:d334", base(
    "frus1936v03:d334", "The Secretary of State to the Minister Resident in Ethiopia (Engert)", "telegram",
    "1936-05-09", "Washington, May 9, 1936—2 p.m.", "2 p.m.", "Washington", "765.84/4332½",
    [HULL_A, ENGERT_R],
    ["Source note '765.84/4332½: Telegram'; 'Your 311, May 7' and 'May 6' are not the date.",
     "The French Ambassador in Washington is not named in the text: André de Laboulaye (Ambassador 1933-1937) is "
     "outside knowledge (an office on a date), so his passages are accept_null. He is not a participant. Hull as "
     "Secretary of State and Engert's given names are outside knowledge."],
    signed_by="Cordell Hull"), [
    S(1, "André de Laboulaye", "the French Ambassador called today to inform this Government", "title", True,
      "the French Ambassador's call; the French Minister's instructions are inside his statement; name from outside knowledge"),
    S(2, "André de Laboulaye", "The Ambassador also stated that", "title", True,
      "the French Ambassador in Rome's call on Mussolini is inside his statement; name from outside knowledge"),
    SIG(3),
])

labelled("frus1936v03:d328", base(
    "frus1936v03:d328", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-09-14", "Addis Ababa, September 14, 1936—3 p.m.", "3 p.m.", "Addis Ababa", "384.11/202",
    [ENGERT, HULL],
    ["Source note '384.11/202: Telegram'; '[Received 6:15 p.m.]' is the same day; 'September 11', 'September 13th' "
     "and 'September 1' are not the date.",
     "The British colleague is not named in the text; Erskine is mentioned. Neither is a participant. Engert's given "
     "names and " + OUT_HULL],
    signed_by="Cornelius Van H. Engert"), [
    N(1, "the writer conferred; his unnamed British colleague 'tells me he has urged': a speaker the text does not name",
      "He tells me he has urged his Government"),
    S(2, "Cornelius Van H. Engert", "I am sending messages to Jimma and Soddu", "first-person", True,
      "the writer's actions and assessment"),
    S(3, "Cornelius Van H. Engert", "I doubt very much whether they could travel", "first-person", True, "the writer's opinion"),
    S(4, "Cornelius Van H. Engert", "Evacuation to Kenya seems out of the question", "first-person", True, "the writer's analysis"),
    SIG(5),
])

labelled("frus1936v03:d406", base(
    "frus1936v03:d406", "The Secretary of State to the Ambassador in Italy (Phillips)", "telegram",
    "1936-11-05", "Washington, November 5, 1936—7 p.m.", "7 p.m.", "Washington", "124.84/126",
    [HULL_A, PHILLIPS_R],
    ["Source note '124.84/126: Telegram'; 'Your 441, November 4' and 'November 1' are not the date.",
     "The British Ambassador is not named in the text: Sir Ronald Lindsay (Ambassador in Washington 1930-1939) is "
     "outside knowledge, so his passage is accept_null. He and Engert are not participants. Hull as Secretary of State "
     "and Phillips's given name are outside knowledge."],
    signed_by="Cordell Hull"), [
    S(1, "Ronald Lindsay", "the British Ambassador mentioned casually to an officer of the Department", "title", True,
      "the British Ambassador's remark; the writer's 'I have made no recent public statement' is a fact about himself, "
      "not words reported; name from outside knowledge"),
    S(2, "Cordell Hull", "We have thought it desirable for Engert to remain", "first-person", True,
      "the writer's explanation of the Department's plans"),
    SIG(3),
])

labelled("frus1936v03:d365", base(
    "frus1936v03:d365", "The Chargé in Italy (Kirk) to the Secretary of State", "telegram",
    "1936-07-25", "Rome, July 25, 1936—2 p.m.", "2 p.m.", "Rome", "124.842/142",
    [KIRK_A, HULL],
    ["Source note '124.842/142: Telegram'; '[Received July 25—9:45 a.m.]' is an earlier hour of the same day (time "
     "zone); 'July 24' and 'July 21' (Graziani's decree) are not the date.",
     "The Foreign Office's officials are not named. Kirk's given names and " + OUT_HULL],
    signed_by="Alexander C. Kirk"), [
    N(1, "the writer's request ('requested a clarification') and the Foreign Office's unnamed reply ('I was informed "
         "that'): two speakers, one unnamed", "requested a clarification; I was informed that"),
    N(2, "the British Embassy's notification: no speaker", "The British Embassy here has been notified"),
    SIG(3),
])

labelled("frus1918Russiav03:d279", base(
    "frus1918Russiav03:d279", "The Ambassador in Russia (Francis) to the Secretary of State", "telegram",
    "1917-06-20", "Petrograd, June 20, 1917, 2 p.m.", "2 p.m.", "Petrograd", "861.77/110",
    [FRANCIS_A, LANSING_R],
    ["Source note 'File No. 861.77/110' and '[Telegram]'; '[Received June 25, 4.15 p.m.]' is not the date.",
     "Stevens and Miller are not participants. Francis's given names and Lansing as Secretary of State in 1917 are "
     "outside knowledge."],
    signed_by="David R. Francis"), [
    N(1, "Stevens's illness and policy, Miller's report ('Miller, acting chairman, reports slow progress') and the "
         "writer's own view ('but I think otherwise'): two speakers", "Miller, acting chairman, reports slow progress but I think otherwise"),
    SIG(2),
])

labelled("frus1918Russiav03:d288", base(
    "frus1918Russiav03:d288", "The Secretary of State to the Ambassador in Russia (Francis)", "telegram",
    "1917-08-15", "Washington, August 15, 1917, 4 p.m.", "4 p.m.", "Washington", "861.77/150a",
    [LANSING_A, FRANCIS_R],
    ["Source note 'File No. 861.77/150a' and '[Telegram]'.",
     "A message for Stevens 'by direction of the President'. The President (Woodrow Wilson: outside knowledge) and "
     "Stevens are not participants. Lansing as Secretary of State in 1917 and Francis's given names are outside knowledge."],
    signed_by="Robert Lansing"), [
    N(1, "framing: the address line of the message", "For Stevens by direction of the President"),
    S(2, "Woodrow Wilson", "The President appreciates very highly", "title", True,
      "the President's message conveyed in the third person by the Secretary; doubtful (see README); name from outside knowledge"),
    SIG(3),
])

labelled("frus1918Russiav03:d254", base(
    "frus1918Russiav03:d254", "The Consul at Harbin (Moser) to the Secretary of State", "telegram",
    "1918-06-20", "Harbin, June 20, 1918, 3 p.m.", "3 p.m.", "Harbin", "661.939/15",
    [MOSER, LANSING_R],
    ["Source note 'File No. 661.939/15' and '[Telegram]'; '[Received June 20, 12.02 p.m.]' is an earlier hour of the "
     "same day (time zone).",
     "The Commissioner of Chinese Customs is not named and is not a participant. Moser's given names and "
     + OUT_LANSING],
    signed_by="Charles K. Moser"), [
    N(1, "the unnamed Commissioner of Chinese Customs' announcement, then the writer's request ('Please inform War "
         "Trade Board'): two speakers, one unnamed", "Commissioner Chinese Customs informed consular body; Please inform War Trade Board"),
    N(2, "the other consuls' identical telegram (a document); the writer's part is a relative clause",
      "An identical telegram, in which I could not join"),
    SIG(3),
])

# ---------------------------------------------------------------- metadata only --------------------
metadata("frus1936v03:d25", base(
    "frus1936v03:d25", "The Minister in Egypt (Fish) to the Secretary of State", "telegram",
    "1937-03-25", "Cairo, March 25, 1937—4 p.m.", "4 p.m.", "Cairo", "883.0513/212",
    [FISH, HULL],
    ["Source note '883.0513/212: Telegram'. The dateline's year is 1937 (in the 1936 volume); '[Received March 25—"
     "11:20 a.m.]' is an earlier hour of the same day (time zone); 'March 23' is not the date. Fish's given name and "
     "Hull as Secretary of State in 1937 are outside knowledge; Conner is not a participant."],
    signed_by="Bert Fish", labelled_doc=False))

metadata("frus1918Russiav03:d331", base(
    "frus1918Russiav03:d331", "The Consul at Vladivostok (Caldwell) to the Secretary of State", "telegram",
    "1918-01-09", "Vladivostok, January 9, 1918, 10 p.m.", "10 p.m.", "Vladivostok", "861.77/268",
    [CALDWELL, LANSING_R],
    ["Source note 'File No. 861.77/268' and '[Telegram]'; '[Received January 9, 9.35 p.m.]' is an earlier hour of the "
     "same day (time zone); 'December 28' is not the date. Stevens and Ustrugov are not participants. Caldwell's "
     "given names and " + OUT_LANSING],
    signed_by="John K. Caldwell", labelled_doc=False))

metadata("frus1918Russiav03:d238", base(
    "frus1918Russiav03:d238", "The Acting Secretary of State to the Ambassador in Russia (Francis)", "telegram",
    "1918-02-06", "Washington, February 6, 1918, 7 p.m.", "7 p.m.", "Washington", "600.939/36a",
    [POLK, FRANCIS_R],
    ["Source note 'File No. 600.939/36a' and '[Telegram]'; 'February 2' is not the date. Signed 'Polk': Frank L. Polk "
     "as Acting Secretary of State and Francis's given names are outside knowledge."],
    signed_by="Frank L. Polk", labelled_doc=False))

metadata("frus1894Nicaragua:d68", base(
    "frus1894Nicaragua:d68", "No. 68. Mr. Herbert to Mr. Gresham.", "letter",
    "1894-07-10", "Navy Department, Washington, July 10, 1894.", None, "Washington", None,
    [HERBERT, GRESHAM_R],
    ["A letter of the Secretary of the Navy ('Sir: I have the honor to transmit', 'Very respectfully, etc.,', 'H. A. "
     "Herbert, Secretary of the Navy.'), typed as the earlier keys typed his letters. The inclosed cablegram of "
     "Commander O'Neil (Limon, the same day) is not the document; O'Neil is not a participant. Herbert's and Gresham's "
     "given names are outside knowledge."],
    signed_by="Hilary A. Herbert", labelled_doc=False))

metadata("frus1894Nicaragua:d112", base(
    "frus1894Nicaragua:d112", "No. 112. Mr. Gresham to Mr. Baker.", "instruction",
    "1894-09-26", "Department of State, Washington, September 26, 1894.", None, "Washington", None,
    [GRESHAM_A, BAKER_R],
    ["An instruction ('Sir: I inclose', 'You will furnish the Department', 'I am, etc.,', 'W. Q. Gresham.'). The "
     "inclosed letter of Samuel Weil (New Orleans, September 20, 1894) is not the document; Weil is not a participant. "
     "Gresham's given name and Baker's given name and post are outside knowledge."],
    signed_by="Walter Q. Gresham", labelled_doc=False))

metadata("frus1894Nicaragua:d133", base(
    "frus1894Nicaragua:d133", "No. 133. Mr. Bayard to Mr. Gresham.", "telegram",
    "1894-12-20", "London, December 20, 1894.", None, "London", None,
    [BAYARD, GRESHAM_R],
    ["Marked '[Telegram.]' in the TEI; the text has no signature. Bayard's and Gresham's given names and posts are "
     "outside knowledge. Clarence is not a participant."],
    labelled_doc=False))
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
