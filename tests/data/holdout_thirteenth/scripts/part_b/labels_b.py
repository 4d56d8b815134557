MERRIAM = P("Gordon P. Merriam", "Merriam", "author", "The Chargé in Iran (Merriam)", "Chargé in Iran")
MERRIAM_R = P("Gordon P. Merriam", "Merriam", "recipient", "the Chargé in Iran (Merriam)", "Chargé in Iran")
HULL_A = P("Cordell Hull", "Hull", "author", "The Secretary of State", "Secretary of State")
ENGERT = P("Cornelius Van H. Engert", "Engert", "author", "The Minister Resident in Ethiopia (Engert)",
           "Minister Resident in Ethiopia")
KIRK = P("Alexander C. Kirk", "Kirk", "author", "The Chargé in Italy (Kirk)", "Chargé in Italy")
MORRIS = P("Roland S. Morris", "Morris", "author", "The Ambassador in Japan (Morris)", "Ambassador in Japan")
MORRIS_R = P("Roland S. Morris", "Morris", "recipient", "the Ambassador in Japan (Morris)", "Ambassador in Japan")
LANSING_A = P("Robert Lansing", "Lansing", "author", "The Secretary of State", "Secretary of State")
MACMURRAY = P("John Van Antwerp MacMurray", "MacMurray", "author", "The Chargé in China (MacMurray)", "Chargé in China")
FRANCIS = P("David R. Francis", "Francis", "author", "The Ambassador in Russia (Francis)", "Ambassador in Russia")
UHL = P("Edwin F. Uhl", "Uhl", "author", "Mr. Uhl", "Assistant Secretary of State")
BAKER_R = P("Lewis Baker", "Baker", "recipient", "Mr. Baker", "Minister to Nicaragua")
GRESHAM_A = P("Walter Q. Gresham", "Gresham", "author", "Mr. Gresham", "Secretary of State")
GUZMAN_R = P("Horacio Guzmán", "Guzman", "recipient", "Mr. Guzman", "Nicaraguan Minister")

# ---------------------------------------------------------------- frus1936v03: labelled ----------
labelled("frus1936v03:d442", base(
    "frus1936v03:d442", "The Secretary of State to the Chargé in Iran (Merriam)", "telegram",
    "1936-03-30", "Washington, March 30, 1936—2 p.m", "2 p.m.", "Washington", "701.9111/510a",
    [HULL_A, MERRIAM_R],
    ["Source note '701.9111/510a: Telegram'; signed 'Hull'; 'March 26', 'March 28' (the Chargé's call) and 'March 29' "
     "are not the date. Hull's given name is outside knowledge.",
     "The Iranian Chargé d'Affaires in Washington (never named) hands the writer a communication; the writer "
     "'expressed to the Chargé my astonishment and regret' and asked him to convey a message to the Shah, which is "
     "quoted (paragraph 4). The Chargé and the Shah are not participants.",
     "The quoted message (paragraph 4) is null: a quoted text to be telegraphed, framed in the Chargé's voice "
     "('when I acquainted him') and reporting the Secretary's words in the third person ('He said that')."],
    signed_by="Cordell Hull"), [
    N(1, "framing: the Chargé's call and the communication he handed (a document)",
      "handed me the following communication:"),
    N(2, "editorial bracket: the communication is omitted", "[Here follows substance of information"),
    S(3, "Cordell Hull", "I expressed to the Chargé my astonishment and regret", "first-person",
      note="the writer is the only speaker: his words to the Chargé and his request ('asked him to convey')"),
    N(4, "a quoted message (text for telegraphing), in the Chargé's voice about the Secretary's words",
      "The Secretary of State speaking for his Government expressed great surprise"),
    N(5, "an event reported: the message telegraphed and the curt reply (a document)",
      "he received a curt reply on March 29"),
    S(6, "Cordell Hull", "Please telegraph any information", "first-person", True, "the writer's request"),
    S(7, "Cordell Hull", "I should also like to have you endeavor", "first-person", True, "the writer's request"),
    SIG(8),
])

labelled("frus1936v03:d432", base(
    "frus1936v03:d432", "The Secretary of State to the Minister in Iran (Hornibrook)", "telegram",
    "1936-01-21", "Washington, January 21, 1936—7 p.m", "7 p.m.", "Washington", "701.9111/464",
    [HULL_A, P("William H. Hornibrook", "Hornibrook", "recipient", "the Minister in Iran (Hornibrook)",
               "Minister in Iran")],
    ["Source note '701.9111/464: Telegram'; signed 'Hull'; 'January 13' and 'December 12, 1935' are not the date; "
     "'January 21' (the conversation) is the same day. Hull's and Hornibrook's given names are outside knowledge.",
     "The Iranian Chargé d'Affaires (never named) 'in conversation … with an official of the Department stated', "
     "'further expressed the view', 'pointed out'; the official (never named) answered in the passive ('It was "
     "explained to the Chargé'). Both are unnamed, so their paragraphs are null. Djalal (mentioned) is not a participant."],
    signed_by="Cordell Hull"), [
    N(1, "an unnamed speaker (the Iranian Chargé d'Affaires)",
      "The Iranian Chargé d'Affaires in conversation on January 21 with an official of the Department stated"),
    N(2, "an unnamed speaker (the Chargé)", "The Chargé further expressed the view; The Chargé pointed out"),
    N(3, "an unnamed Department official, in the passive", "It was explained to the Chargé"),
    S(4, "Cordell Hull", "you are authorized to do so without delay", "first-person", True,
      "the writer's instructions to the Minister"),
    SIG(5),
])

labelled("frus1936v03:d479", base(
    "frus1936v03:d479", "The Chargé in Iran (Merriam) to the Secretary of State", "despatch",
    "1936-06-29", "Teheran, June 29, 1936", None, "Teheran", "391.1163 Lutheran Orient Mission/120",
    [MERRIAM, HULL],
    ["A despatch ('No. 835', 'Sir: I have the honor to refer', 'Respectfully yours,', 'Gordon P. Merriam'), printed as "
     "an extract ('[Extract]'); '[Received August 4.]', 'June 18, 1936' and 'June 27, 1936' (the call) are not the "
     "date.",
     "Henry and Clarence Mueller call at the Legation; Henry Mueller reports the advice of his attorney Javad Mahin "
     "('who apparently informed Mr. Mueller', 'Mr. Mahin had emphasized', 'he suggested'); the Legation's replies are "
     "in the passive ('were informed', 'it was replied', 'It was pointed out'), then the writer's own 'I gave it as "
     "my personal opinion'. None of them but the writer is a participant."],
    signed_by="Gordon P. Merriam"), [
    N(1, "the despatch number"),
    N(2, "framing: the earlier despatch and the call", "Messrs. Henry and Clarence Mueller called at the Legation"),
    S(3, "Javad Mahin", "who apparently informed Mr. Mueller; Mr. Mahin had emphasized, however, that", "named",
      note="the attorney's advice, reported second-hand through Henry Mueller (whose consulting him is an act); the "
           "opening 'It appears that no word has come' is the writer's report of a fact"),
    S(4, "Gordon P. Merriam", "The Messrs. Mueller were informed that the Legation could not issue", "first-person",
      True, "the Legation's replies in the passive ('it was replied', 'It was pointed out'); the writer was the one "
            "who spoke (paragraph 5: 'I gave it as my personal opinion'); the Muellers' suggestion is a subordinate "
            "phrase ('To the suggestion that')"),
    S(5, "Gordon P. Merriam", "I gave it as my personal opinion", "first-person",
      note="the Legation's further replies in the passive, then the writer's own words"),
    SIG(6), SIG(7),
])

MUELLER = "Henry Mueller"
labelled("frus1936v03:d478", base(
    "frus1936v03:d478", "The Chargé in Iran (Merriam) to the Secretary of State", "despatch",
    "1936-05-01", "Teheran, May 1, 1936", None, "Teheran", "391.1163 Lutheran Orient Mission/109",
    [MERRIAM, HULL],
    ["A despatch ('No. 781', 'Sir: I have the honor to report', 'Respectfully yours,', 'Gordon P. Merriam'); "
     "'[Received May 27.]', '1910', '1847' and '1914' are not the date.",
     "What the Reverend Henry Mueller of the Lutheran Orient Mission told the writer ('according to Reverend Henry "
     "Mueller', 'Mr. Mueller has himself mentioned', 'says that', 'whom he describes as', 'According to him'), with "
     "the writer's suggestion to him and his own analysis. Mueller is not a participant."],
    signed_by="Gordon P. Merriam"), [
    N(1, "the despatch number"),
    S(2, MUELLER, "according to Reverend Henry Mueller", "named", True,
      "Mueller's information opens the paragraph ('I have the honor to report that according to'); the closing "
      "inferences ('there is good reason to believe', 'Of course, the attitude of Turkey') may be the writer's"),
    N(3, "Mueller and the writer in main clauses",
      "Mr. Mueller has himself mentioned such a possibility to me; I have suggested to Mr. Mueller"),
    N(4, "the writer's analysis and Mueller's statement in a main clause",
      "It may as well be said here; says that it is not possible to say"),
    S(5, "Gordon P. Merriam", "I do not think that the Iranian Government suspects", "first-person", True,
      "the writer's opinion; Mueller's attitude ('fully appreciates', 'appears to realize') is not words reported"),
    S(6, MUELLER, "whom he describes as; According to him, the policy", "named"),
    SIG(7), SIG(8),
])

labelled("frus1936v03:d463", base(
    "frus1936v03:d463", "The Chargé in Iran (Merriam) to the Secretary of State", "despatch",
    "1936-04-15", "Teheran, April 15, 1936", None, "Teheran", "891.711/3",
    [MERRIAM, HULL],
    ["A despatch ('No. 766', 'Sir: … I have the honor to report', 'Respectfully yours,', 'Gordon P. Merriam'); "
     "'[Received May 15.]', 'April 6' and 'March 30' are not the date.",
     "Mostly the writer's analysis of the withholding of American second-class mail (accept_null); the British Chargé "
     "(never named) 'has told me' (paragraph 6, with the writer's own consideration: null)."],
    signed_by="Gordon P. Merriam"), [
    N(1, "the despatch number"),
    N(2, "framing: the earlier telegram and the subject of the report", "I have the honor to report"),
    S(3, "Gordon P. Merriam", "the conclusion appears inescapable", "first-person", True, "the writer's analysis"),
    S(4, "Gordon P. Merriam", "could be expected to arrive", "first-person", True, "the writer's analysis"),
    N(5, "a fact reported (protests by private individuals)", "vigorous protests have been voiced"),
    N(6, "an unnamed speaker (the British Chargé) and the writer's consideration",
      "The British Chargé, who lays considerable store by a certain American newspaper, has told me; I have considered"),
    S(7, "Gordon P. Merriam", "I think it preferable", "first-person", True, "the writer's opinion"),
    S(8, "Gordon P. Merriam", "The measure has resulted in absurdities", "first-person", True,
      "the writer's judgment"),
    N(9, "a fact reported", "have been delivered up to the present time"),
    N(10, "a fact reported (with the writer's guess at its cause)", "have also come to my notice"),
    SIG(11), SIG(12),
])

GRAZIANI = "Rodolfo Graziani"
labelled("frus1936v03:d377", base(
    "frus1936v03:d377", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-09-15", "Addis Ababa, September 15, 1936—noon", "noon", "Addis Ababa", "765.84/5038",
    [ENGERT, HULL],
    ["Source note '765.84/5038: Telegram'; dated 'noon'; '[Received 6 p.m.]' is the same day; 'September 14' is not "
     "the date. Engert's given names are outside knowledge.",
     "The writer's account of his letter to Marshal Graziani (accept_null), and Colonel Mazzi's report of Graziani's "
     "reaction ('Colonel Mazzi told me the Marshal was so upset', with Graziani's words inside it). Graziani and "
     "Mazzi are not participants."],
    signed_by="Cornelius Van H. Engert"), [
    N(1, "framing: telegrams referred to", "The Department doubtless received my 554"),
    S(2, "Cornelius Van H. Engert", "I regret very much that the tone of my letter", "first-person", True,
      "the writer's account of his own conduct"),
    S(3, "Cornelius Van H. Engert", "Even so I should have hesitated", "first-person", True,
      "the writer's account and judgment"),
    S(4, "Mazzi", "Colonel Mazzi told me the Marshal was so upset", "named", True,
      "the only words reported in a main clause are Mazzi's; Graziani's 'inexcusable stupidity' is inside Mazzi's "
      "report; the opening 'As I anticipated the Marshal saw' is the writer's judgment"),
    S(5, "Cornelius Van H. Engert", "I shall soon call on Graziani", "first-person", True,
      "the writer's intention"),
    SIG(6),
])

labelled("frus1936v03:d359", base(
    "frus1936v03:d359", "The Chargé in Italy (Kirk) to the Secretary of State", "telegram",
    "1936-07-11", "Rome, July 11, 1936—4 p.m", "4 p.m.", "Rome", "124.842/132",
    [KIRK, HULL],
    ["Source note '124.842/132: Telegram'; '[Received July 11—3:55 p.m.]' is an earlier hour (time zone); "
     "'Department's 83, July 10' is not the date. Kirk's given name is outside knowledge.",
     "The writer's talk with the Minister for Foreign Affairs, Ciano ('I discussed this matter … and urged', 'Ciano "
     "said'): both in main clauses, so null. Ciano is not a participant."],
    signed_by="Alexander C. Kirk"), [
    N(1, "the writer and Ciano in main clauses", "I discussed this matter with the Minister; Ciano said that"),
    N(2, "a newspaper report", "the Tribuna reports"),
    SIG(3),
])

# ---------------------------------------------------------------- frus1918Russiav03: labelled ----
labelled("frus1918Russiav03:d345", base(
    "frus1918Russiav03:d345", "The Ambassador in Japan (Morris) to the Secretary of State", "telegram",
    "1918-03-01", "Tokyo, March 1, 1918, 3 p.m", "3 p.m.", "Tokyo", "861.77/308",
    [MORRIS, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/308'; '[Received March 1, 2.05 p.m.]' is an earlier hour (time zone); "
     "'last night' is not the date. Morris's given names and Lansing as Secretary of State are outside knowledge.",
     "One paragraph in telegraphic style: Emerson's advices to Stevens, a conversation with the (unnamed) Minister for "
     "Foreign Affairs ('he again … emphasized', 'He expressed fear') and 'Stevens agrees'. Several speakers, and the "
     "'he' of the conversation is not certain: null."],
    signed_by="Roland S. Morris"), [
    N(1, "several speakers (Emerson's advices, the conversation's 'he', Stevens agrees); 'he' is ambiguous",
      "Stevens received advices from Emerson; He expressed fear; Stevens agrees that"),
    SIG(2),
])

labelled("frus1918Russiav03:d256", base(
    "frus1918Russiav03:d256", "The Chargé in China (MacMurray) to the Secretary of State", "telegram",
    "1918-07-02", "Peking, July 2, 1918, noon", "noon", "Peking", None,
    [MACMURRAY, LANSING_R],
    ["A telegram dated 'noon'; '[Received 7.55 p.m.]' is the same day; 'June 24' and 'June 10' are not the date. "
     "MacMurray's given names and Lansing as Secretary of State are outside knowledge.",
     "The French Minister (never named) 'informs me', 'expresses the hope': an unnamed speaker, so null. The British "
     "Minister (unnamed) and the legations are not participants."],
    signed_by="John Van Antwerp MacMurray"), [
    N(1, "an unnamed speaker (the French Minister) and the legations collectively",
      "French Minister is urging; informs me that; French Minister expresses the hope"),
    S(2, "John Van Antwerp MacMurray", "I beg to request early instructions", "first-person", True,
      "the writer's request; the British Minister's endeavour is an act"),
    SIG(3),
])

labelled("frus1918Russiav03:d83", base(
    "frus1918Russiav03:d83", "The Secretary of State to the Ambassador in Japan (Morris)", "telegram",
    "1918-08-31", "Washington, August 31, 1918, 4 p.m", "4 p.m.", "Washington", None,
    [LANSING_A, MORRIS_R],
    ["A telegram signed 'Lansing', dated 'August 31, 1918, 4 p.m.'; 'yesterday' (inside the quoted letter) is not the "
     "date. Lansing's and Morris's given names are outside knowledge.",
     "Paragraphs 2-3 quote a letter of the Secretary of the Treasury (never named in the document): a quoted document, "
     "null. The Secretary of the Treasury is not a participant."],
    signed_by="Robert Lansing"), [
    N(1, "framing: a letter received", "Department has received the following letter"),
    N(2, "a quoted letter (the Secretary of the Treasury, unnamed)", "A representative of the War Department called upon me"),
    N(3, "a quoted letter, continued", "it seems to me that this question involves political considerations"),
    S(4, "Robert Lansing", "You are requested promptly to report", "first-person", True,
      "the writer's request and questions"),
    SIG(5),
])

# ---------------------------------------------------------------- frus1894Nicaragua: labelled ----
ZELAYA = "José Santos Zelaya"
labelled("frus1894Nicaragua:d65", base(
    "frus1894Nicaragua:d65", "No. 65. Mr. Uhl to Mr. Baker.", "instruction",
    "1894-06-14", "Department of State, Washington, June 14, 1894", None, "Washington", None,
    [UHL, BAKER_R],
    ["An instruction to the minister ('Sir: I have to acknowledge the receipt of your dispatch', 'You are therefore "
     "instructed', 'I am, etc.,', 'Edwin F. Uhl.'); 'May 28' (the despatch) and 'the 21st of May' (the conversation) "
     "are not the date. Uhl's and Baker's posts are outside knowledge.",
     "It restates the conversation the minister reported: 'The President informed you …; but you replied that …' (two "
     "speakers, null), then the writer's reasoning and instruction (accept_null). The President of Nicaragua, Braida "
     "and De Soto are not participants."],
    signed_by="Edwin F. Uhl"), [
    N(1, "framing: the despatch acknowledged", "I have to acknowledge the receipt of your dispatch"),
    N(2, "two speakers in main clauses (the President; the minister)", "The President informed you; but you replied that"),
    S(3, "Edwin F. Uhl", "a minister has no authority to appoint a consul", "first-person", True,
      "the writer's reasoning"),
    S(4, "Edwin F. Uhl", "You are therefore instructed to assent", "first-person", True, "the writer's instruction"),
    SIG(5), SIG(6),
])

labelled("frus1894Nicaragua:d41", base(
    "frus1894Nicaragua:d41", "No. 41. Mr. Gresham to Mr. Guzman.", "note",
    "1894-05-01", "Department of State, Washington, May 1, 1894", None, "Washington", None,
    [GRESHAM_A, GUZMAN_R],
    ["A note to the Nicaraguan Minister ('Sir: I have much pleasure in acknowledging the receipt of the note', 'Mr. "
     "Minister', 'Accept, etc.,', 'W. Q. Gresham.'); 'the 30th ultimo' (Guzmán's note) is not the date. Guzmán's "
     "given name and post and Gresham's post are outside knowledge (the head prints 'Mr. Guzman')."],
    signed_by="Walter Q. Gresham"), [
    N(1, "framing: the note received and its contents described (a document)",
      "I have much pleasure in acknowledging the receipt of the note"),
    S(2, "Walter Q. Gresham", "For myself, Mr. Minister, I can add little", "first-person", True,
      "the writer's own statement of views to the recipient"),
    SIG(3), SIG(4),
])

# ---------------------------------------------------------------- metadata only ------------------
metadata("frus1936v03:d303", base(
    "frus1936v03:d303", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-07-06", "Addis Ababa, July 6, 1936—11 p.m", "11 p.m.", "Addis Ababa", "765.84/4793",
    [ENGERT, HULL],
    ["Source note '765.84/4793: Telegram'; dated '11 p.m.'; '[Received July 7—2:08 p.m.]' is the next day; 'last "
     "night' and 'A few days ago' are not the date. Graziani (footnote 33a) and the British Chargé are not participants."],
    signed_by="Cornelius Van H. Engert", labelled_doc=False))
metadata("frus1936v03:d324", base(
    "frus1936v03:d324", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-08-28", "Addis Ababa, August 28, 1936—9 a.m", "9 a.m.", "Addis Ababa", "765.84/5010",
    [ENGERT, HULL],
    ["Source note '765.84/5010: Telegram'; '[Received 7:24 p.m.]' is the same day; 'the night, August 26 to 27' and "
     "'yesterday' are not the date. Baltcha, Aberra and Imru (mentioned) are not participants."],
    signed_by="Cornelius Van H. Engert", labelled_doc=False))
metadata("frus1936v03:d462", base(
    "frus1936v03:d462", "The Secretary of State to the Chargé in Iran (Merriam)", "instruction",
    "1936-09-14", "Washington, September 14, 1936", None, "Washington", "701.9111/537",
    [HULL_A, MERRIAM_R],
    ["An instruction ('No. 255', 'Sir: The Department acknowledges the receipt of your despatch', 'You may bring the "
     "foregoing orally to the attention of Mr. Soheily', 'Very truly yours,', 'Cordell Hull'); 'July 25, 1936' and "
     "'June 13, 1936' are not the date. Soheily (the Iranian Under Secretary, mentioned) is not a participant."],
    signed_by="Cordell Hull", labelled_doc=False))
metadata("frus1918Russiav03:d310", base(
    "frus1918Russiav03:d310", "The Ambassador in Russia (Francis) to the Secretary of State", "telegram",
    "1917-11-13", "Petrograd, November 13, 1917, 8 p.m", "8 p.m.", "Petrograd", "861.77/217",
    [FRANCIS, LANSING_R],
    ["Source note '[Telegram—Extract]', 'File No. 861.77/217'; dated 1917 by its dateline though in the 1918 volume; "
     "'[Received November 17, 6.10 a.m.]', 'yesterday' and 'to-day' are not the date; the signature is printed "
     "'[Francis]'. Willard, Stevens and Emerson (mentioned) are not participants. Francis's given names and Lansing as "
     "Secretary of State are outside knowledge."],
    signed_by="David R. Francis", labelled_doc=False))
metadata("frus1918Russiav03:d402", base(
    "frus1918Russiav03:d402", "The Chargé in China (MacMurray) to the Secretary of State", "telegram",
    "1918-09-16", "Peking, September 16, 1918, 5 p.m", "5 p.m.", "Peking", "861.77/480",
    [MACMURRAY, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/480'; '[Received September 16, 4.19 p.m.]' is an earlier hour (time "
     "zone); 'September 13' is not the date. Horvat (mentioned) is not a participant."],
    signed_by="John Van Antwerp MacMurray", labelled_doc=False))
metadata("frus1894Nicaragua:d64", base(
    "frus1894Nicaragua:d64", "No. 64. Mr. Gresham to Mr. Baker.", "instruction",
    "1894-06-13", "Department of State, Washington, June 13, 1894", None, "Washington", None,
    [GRESHAM_A, BAKER_R],
    ["An instruction to the minister ('Sir: Your dispatches of May 21 and 28, 1894, have been received', 'I am, etc.,', "
     "'W. Q. Gresham.'); 'May 21 and 28' are not the date. Argüello and William Wilson (mentioned) are not participants."],
    signed_by="Walter Q. Gresham", labelled_doc=False))
