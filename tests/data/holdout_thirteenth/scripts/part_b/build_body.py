LANSING_A = P("Robert Lansing", "Lansing", "author", "The Secretary of State", "Secretary of State")
MORRIS = P("Roland S. Morris", "Morris", "author", "The Ambassador in Japan (Morris)", "Ambassador in Japan")
MORRIS_V = P("Roland S. Morris", "Morris", "author", "The Ambassador in Japan (Morris), temporarily at Vladivostok",
             "Ambassador in Japan")
MACMURRAY = P("John Van Antwerp MacMurray", "MacMurray", "author", "The Chargé in China (MacMurray)", "Chargé in China")
MACMURRAY_R = P("John Van Antwerp MacMurray", "MacMurray", "recipient", "the Chargé in China (MacMurray)", "Chargé in China")
BAKHMETEFF = P("Boris A. Bakhmeteff", "Bakhmeteff", "author", "The Russian Ambassador (Bakhmeteff)", "Russian Ambassador",
               "Russia")
NDBAKER = P("Newton D. Baker", "Baker", "author", "The Secretary of War (Baker)", "Secretary of War")
READING = P("Lord Reading", "Reading", "author", "The British Ambassador (Reading)", "British Ambassador", "UK")
BRAIDA = P("S. C. Braida", "Braida", "author", "Mr. Braida", "United States Consul")
UHL_R = P("Edwin F. Uhl", "Uhl", "recipient", "Mr. Uhl", "Assistant Secretary of State")
UHL = P("Edwin F. Uhl", "Uhl", "author", "Mr. Uhl", "Assistant Secretary of State")
BAKER = P("Lewis Baker", "Baker", "author", "Mr. Baker", "Minister to Nicaragua")
BAKER_R = P("Lewis Baker", "Baker", "recipient", "Mr. Baker", "Minister to Nicaragua")
GUZMAN = P("Horacio Guzmán", "Guzman", "author", "Mr. Guzman", "Nicaraguan Minister", "Nicaragua")
MORRIS_NAME = "Roland S. Morris"
OUTSIDE_MORRIS = "Morris's given names and Lansing as Secretary of State are outside knowledge."

# ---------------------------------------------------------------- frus1918Russiav03: labelled -----
labelled("frus1918Russiav03:d414", base(
    "frus1918Russiav03:d414", "The Russian Ambassador (Bakhmeteff) to the Secretary of State", "letter",
    "1918-09-24", "Washington, September 24, 1918", None, "Washington", "861.77/507",
    [BAKHMETEFF, LANSING_R],
    ["A letter of the Russian Ambassador ('My Dear Mr. Secretary:', 'I avail myself [etc.]', 'B. Bakhmeteff'), as the "
     "first key's d73; 'September 14', 'September 13' (the Secretary's communication and the telegram it enclosed) and "
     "'September 19' (Kudashev's cable) are not the date. Bakhmeteff's given name and Lansing as Secretary of State are "
     "outside knowledge.",
     "The Russian Minister in Peking, Kudashev (named in paragraph 5; his given name is not printed and he is given "
     "none), speaks through his cable: 'Mr. Kudashev informs me that …', 'The Russian Minister in Peking states that he "
     "will feel it his duty to protest'. He and the American Chargé in Peking are not participants.",
     "The writer's own argument and requests are his (`accept_null`); the US telegram's content restated or noted, the "
     "contract clause and its introduction are null (documents)."],
    signed_by="Boris A. Bakhmeteff"), [
    N(1, "framing: the Secretary's communication received and the enclosed telegram described (documents)",
      "I have received your communication of September 14"),
    N(2, "the US telegram's content restated (a document)",
      "Mr. Stevens and his associates will be considered as agents of the Russian people"),
    N(3, "the US telegram's content noted (a document)",
      "I further note that the Government of the United States does not consider"),
    S(4, "Boris A. Bakhmeteff", "I do not need to express how important and gratifying", "first-person", True,
      "the writer's own view of the statement"),
    N(5, "Kudashev's cable: 'Mr. Kudashev informs me that' the American Chargé communicated a memorandum, and the "
         "Russian Minister 'was informed' of a quoted proposal: several speakers and a quoted text",
      "Mr. Kudashev informs me that; the Russian Minister was informed"),
    N(6, "Kudashev's opinion, then an argument from the contract of 1896 that may be the writer's own ('In fact, "
         "according to the contract'): two voices are possible, so null",
      "Mr. Kudashev is of the opinion that; In fact, according to the contract of 1896"),
    N(7, "framing: the contract's clause introduced", "The duties of the president are specified in clause 1"),
    N(8, "the contract's clause quoted (a document)", "The president is appointed by the Chinese Government"),
    S(9, "Boris A. Bakhmeteff", "At present the president of the Chinese Eastern Railway is Mr. Godzun", "first-person",
      True, "the writer's statement of a fact in his argument"),
    S(10, "Boris A. Bakhmeteff", "Accordingly, the only legal authorities", "first-person", True,
      "the writer's argument"),
    S(11, "Boris A. Bakhmeteff", "is certainly to be regarded as a modification", "first-person", True,
      "the writer's argument"),
    S(12, "Kudashev", "The Russian Minister in Peking states that he will feel it his duty to protest", "title",
      note="the Russian Minister in Peking is Kudashev (paragraph 5); his statement comes from his cable"),
    S(13, "Boris A. Bakhmeteff", "I assume that the impression created in Peking", "first-person", True,
      "the writer's own view"),
    S(14, "Boris A. Bakhmeteff", "I therefore respectfully request that Mr. Stevens be advised", "first-person", True,
      "the writer's requests"),
    SIG(15), SIG(16),
])

labelled("frus1918Russiav03:d422", base(
    "frus1918Russiav03:d422", "The Ambassador in Japan (Morris), temporarily at Vladivostok, to the Secretary of State",
    "telegram", "1918-09-30", "Vladivostok, September 30, 1918, 9 p.m", "9 p.m.", "Vladivostok", "861.77/503",
    [MORRIS_V, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/503'; '[Received October 1, 3.55 a.m.]' and 'yesterday noon' are not "
     "the date. " + OUTSIDE_MORRIS,
     "A summary of railway negotiations: Horvat 'assented in principle' (paragraph 2); Vologodski and Prince Lvov "
     "'point out most earnestly' and make a suggestion to which the writer 'objected' (paragraph 7, null: two speakers). "
     "Horvat's given name (Dmitri) is outside knowledge and is not used. Horvat, Stevens, Ustrugov, Vologodski, Lvov and "
     "Crane (mentioned) are not participants.",
     "The writer's own proposals, assessments and requests are his (`accept_null`)."],
    signed_by=MORRIS_NAME), [
    N(1, "framing: the heading of the summary", "The following is a summary of railway negotiations to date:"),
    S(2, "Horvat", "he assented in principle to the American proposals", "named", True,
      "after 'several long talks with Horvat' (the writer's words are not reported) Horvat assented; 'at my "
      "suggestion' is a phrase, not the writer's words in a main clause"),
    S(3, MORRIS_NAME, "The method which Stevens and I propose to submit", "first-person", True,
      "the writer's (and Stevens's) proposal, set out by the writer"),
    S(4, MORRIS_NAME, "the practical problem is even more complicated", "first-person", True, "the writer's analysis"),
    S(5, MORRIS_NAME, "I believe that his claims are unjustified", "first-person", True,
      "the writer's assessment of Ustrugov; Ustrugov's claim is in a relative clause ('who claims jurisdiction') and a "
      "'while' clause"),
    S(6, MORRIS_NAME, "They will welcome Stevens's cooperation", "first-person", True,
      "the writer's assessment of the Czech representatives (no words of theirs reported)"),
    N(7, "Vologodski's and Lvov's views ('point out most earnestly that', 'Their first suggestion was') and the "
         "writer's 'I objected to this suggestion': two speakers in main clauses",
      "point out most earnestly that; I objected to this suggestion"),
    S(8, MORRIS_NAME, "I do not consider the Omsk government very significant", "first-person", True,
      "the writer's opinion"),
    S(9, MORRIS_NAME, "It is my present intention to remain here", "first-person", True, "the writer's plans"),
    S(10, MORRIS_NAME, "Would the Department approve my inviting Mr. Crane", "first-person", True,
      "the writer's plan and question"),
    SIG(11),
])

labelled("frus1918Russiav03:d261", base(
    "frus1918Russiav03:d261", "The Secretary of War (Baker) to the Secretary of State", "letter",
    "1917-03-31", "Washington, March 31, 1917", None, "Washington", "861.77/55",
    [NDBAKER, LANSING_R],
    ["A letter of the Secretary of War ('My Dear Mr. Secretary:', 'I have [etc.]', 'Newton D. Baker'); '[Received April "
     "2.]' and 'April 2, 1917' (the telegram whose text is omitted) are not the date. Lansing as Secretary of State in "
     "March 1917 is outside knowledge.",
     "A meeting of the Council of National Defense: Stanley Washburn 'urged' and 'suggested' (paragraph 1), Daniel "
     "Willard 'warmly supported the idea, and offered' (paragraph 2), both named in the text; the writer's suggestion "
     "and the President's request follow in one paragraph (3, null). Washburn, Willard and the President are not "
     "participants."],
    signed_by="Newton D. Baker"), [
    S(1, "Stanley Washburn", "Mr. Stanley Washburn made an address in which he urged", "named",
      note="'He suggested that' continues his address; 'This morning at a meeting' is the setting"),
    S(2, "Daniel Willard", "warmly supported the idea, and offered to undertake", "named"),
    N(3, "the writer's 'I suggested that' and the President's request ('he asks me to request you'): two speakers in "
         "main clauses", "I suggested that before such a thing were done; he asks me to request you"),
    N(4, "editorial bracket: the telegram's text is omitted", "[Here follows the text of telegram No. 1288"),
    SIG(5), SIG(6),
])

labelled("frus1918Russiav03:d194", base(
    "frus1918Russiav03:d194", "The Ambassador in Japan (Morris) to the Secretary of State", "telegram",
    "1918-08-23", "Tokyo, August 23, 1918, 7 p.m", "7 p.m.", "Tokyo", "861.77/451",
    [MORRIS, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/451'; '[Received August 24, 2.45 p.m.]' and 'July 17' (the aide-mémoire "
     "of footnote 1) are not the date. " + OUTSIDE_MORRIS,
     "Baron Megata 'called this morning … He expressed his conviction that Japan should cooperate' (paragraph 2). His "
     "given name Tanetaro is outside knowledge. The Minister for Foreign Affairs (never named in the telegram) advises "
     "the writer in paragraph 1, which ends with the writer's 'I have advised Stevens': null. Megata, the Minister, "
     "Kinoshita and Stevens are not participants."],
    signed_by=MORRIS_NAME), [
    N(1, "the unnamed Minister for Foreign Affairs' advice, then the writer's 'I have advised Stevens': two speakers in "
         "main clauses (and the Minister is not named)",
      "The Minister for Foreign Affairs to-day informally advised me that; I have advised Stevens"),
    S(2, "Tanetaro Megata", "He expressed his conviction that Japan should cooperate", "named",
      note="'Baron Megata called this morning. We discussed at length …': only Megata's words are reported; his given "
           "name is outside knowledge"),
    S(3, MORRIS_NAME, "May I suggest for the consideration of the Department", "first-person", True,
      "the writer's suggestion and report on American activities"),
    SIG(4),
])

labelled("frus1918Russiav03:d406", base(
    "frus1918Russiav03:d406", "The Ambassador in Japan (Morris), temporarily at Vladivostok, to the Secretary of State",
    "telegram", "1918-09-18", "Vladivostok, September 18, 1918, 10 p.m", "10 p.m.", "Vladivostok", "861.77/486",
    [MORRIS_V, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/486'; '[Received September 19, 10.10 a.m.]', 'yesterday morning' and "
     "'September 3' are not the date. " + OUTSIDE_MORRIS,
     "General Graves 'advises me that' (paragraph 2): named with his given names in footnote 3 ('Maj. Gen. William S. "
     "Graves'). Baron Goto's comments and the writer's opinion and suggestion share paragraph 1 (null). Goto, Graves, "
     "Stevens and Otani are not participants."],
    signed_by=MORRIS_NAME), [
    N(1, "Goto's comments ('His comments did not differ', 'He spoke with less conviction') and the writer's opinion, "
         "talk with Stevens and suggestion: two speakers",
      "His comments did not differ in any essential point; May I suggest that you urge"),
    S(2, "William S. Graves", "General Graves advises me that", "named",
      note="the whole paragraph is what Graves advised (three 'that' clauses)"),
    S(3, MORRIS_NAME, "I can not conceive that British or French representatives will seriously object", "first-person",
      True, "the writer's opinion; 'Baron Goto's expressed fear' is a phrase, not a speaker's words"),
    SIG(4),
])

labelled("frus1918Russiav03:d392", base(
    "frus1918Russiav03:d392", "The Ambassador in Japan (Morris) to the Secretary of State", "telegram",
    "1918-09-12", "Tokyo, September 12, 1918, 10 p.m", "10 p.m.", "Tokyo", "861.77/474",
    [MORRIS, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/474'; '[Received September 13, 10.30 a.m.]', 'September 7' and "
     "'September 11' are not the date. " + OUTSIDE_MORRIS,
     "Baron Goto 'has just advised me that' (paragraph 1); the rest of the paragraph ('It appears that …') continues his "
     "account of Matsudaira's report. Goto's given name Shimpei is outside knowledge here (footnote 1 of d406 in the same "
     "volume gives 'Baron Shimpei Goto, Japanese Minister of Foreign Affairs'). Goto, Matsudaira and Horvat are not "
     "participants."],
    signed_by=MORRIS_NAME), [
    S(1, "Shimpei Goto", "Baron Goto has just advised me that", "named",
      note="Goto's account throughout; Matsudaira's report is a document he cites and Horvat's request is an event"),
    S(2, MORRIS_NAME, "I am unable to get any information", "first-person", True, "the writer's own statement"),
    SIG(3),
])

labelled("frus1918Russiav03:d443", base(
    "frus1918Russiav03:d443", "The Ambassador in Japan (Morris) to the Secretary of State", "telegram",
    "1918-11-23", "Tokyo, November 23, 1918, 5 p.m", "5 p.m.", "Tokyo", "861.00/3264",
    [MORRIS, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.00/3264'; '[Received November 23, 10.25 a.m.]' is an earlier hour (time "
     "zone); 'November 20' is not the date. " + OUTSIDE_MORRIS,
     "The writer's talks with the Japanese railway expert and 'an informal talk this morning' in which 'I requested the "
     "Minister for Foreign Affairs to submit my analysis': only the writer's words are reported. The expert and the "
     "Minister are not named and are not participants."],
    signed_by=MORRIS_NAME), [
    S(1, MORRIS_NAME, "I requested the Minister for Foreign Affairs to submit my analysis", "first-person",
      note="the writer's request and 'I have been careful to express no opinion'; nobody else's words are reported"),
    SIG(2),
])

# ---------------------------------------------------------------- frus1894Nicaragua: labelled ------
labelled("frus1894Nicaragua:d17", base(
    "frus1894Nicaragua:d17", "No. 17. Mr. Braida to Mr. Uhl.", "despatch",
    "1894-03-17", "Consulate of the United States, San Juan del Norte, March 17, 1894", None, "San Juan del Norte", None,
    [BRAIDA, UHL_R],
    ["A consular despatch ('Sir: I beg to report', 'I have, etc.,', 'S. C. Braida, United States Consul.'); '(Received "
     "March 26.)', 'the 13th instant' and the inclosures' 'March 11, 1894' are not the date. The place is the dateline's, "
     "though the writer reports from Bluefields. Uhl's given name and post are outside knowledge (the head prints 'Mr. "
     "Uhl').",
     "Passages: the despatch (paragraphs 1-9) and inclosure 1, Seat's letter of March 11 (paragraphs 10-23: 'I "
     "suggested that the number of delegates … should be eight', 'Captain Howe says he hopes'). Inclosure 2 "
     "(paragraphs 24-30, Seat's second letter of the same day) is not labelled: its title, date line, close and "
     "signature repeat inclosure 1's, so the scorer's lookup would land on inclosure 1's paragraphs.",
     "Seat, Bingham, Lacayo and Howe are not participants of the despatch. Seat's given names are not printed ('B. B. "
     "Seat')."],
    signed_by="S. C. Braida"), [
    S(1, "S. C. Braida", "I beg to report that on the morning of the 13th instant I arrived", "first-person", True,
      "the writer's report of his journey; the requests and appeals to him are in subordinate phrases"),
    N(2, "the conference: propositions made by all parties, the Nicaraguans' demand ('They ask to make Lacayo') and the "
         "American elements' ('insist'): several speakers", "They ask to make Lacayo virtually the governor; the American elements insist"),
    S(3, "S. C. Braida", "I had anticipated this in a telegram to Minister Baker", "first-person", True,
      "the writer's own earlier telegram mentioned"),
    S(4, "S. C. Braida", "The American element do not consider themselves", "first-person", True,
      "the writer's analysis of the parties' attitudes (no words reported)"),
    S(5, "S. C. Braida", "The Americans residing here realize the necessity", "first-person", True,
      "the writer's analysis"),
    S(6, "S. C. Braida", "I beg to include Mr. Seat's last dispatches", "first-person", True,
      "the writer's forecast and his transmittal of Seat's dispatches (a transmittal alone would be null)"),
    S(7, "S. C. Braida", "I beg to say further that the Americans in a meeting", "first-person", True,
      "the writer reports the Americans' meeting and its appointment of a delegation (an act, no words)"),
    SIG(8), SIG(9),
    HEAD(10, "inclosure bracket"), HEAD(11, "inclosure title"), HEAD(12, "inclosure date line"),
    S(13, "B. B. Seat", "Since my last to you on the 6th instant", "first-person", True,
      "inclosure 1: Seat's letter; his report that nothing has changed"),
    S(14, "B. B. Seat", "I suggested that the number of delegates", "first-person",
      note="Seat's suggestion is the only speech reported; the protocol's reception is an event"),
    N(15, "the amendment 'accepted and agreed on between Captain Howe and Lacayo': two others agree",
      "accepted and agreed on between Captain Howe and Lacayo"),
    N(16, "a plan reported (Lacayo was to present the amendment): no words", "It was to be presented to the council"),
    N(17, "the council's meetings: events, the amendment 'opposed by the Nicaraguan delegates' (unnamed)",
      "the amendment was opposed by the Nicaraguan delegates"),
    N(18, "the American delegates' position (unnamed, perhaps their stated stand): not the writer's own words",
      "The American delegates will not attempt the formation"),
    S(19, "B. B. Seat", "I think it is the policy of the Nicaraguan delegates", "first-person", True,
      "the writer's opinion"),
    N(20, "the writer's belief ('I believe will prove a failure') and Captain Howe's words ('Captain Howe says he "
          "hopes'): two speakers in main clauses", "I believe will prove a failure; Captain Howe says he hopes"),
    SIG(21, "the close 'Hoping you are well,'"), SIG(22), SIG(23),
], gaps=["paragraphs 24-30: inclosure 2 not labelled (its heading lines, close and signature repeat inclosure 1's)"])

# ---------------------------------------------------------------- metadata only ------------------------
metadata("frus1918Russiav03:d398", base(
    "frus1918Russiav03:d398", "The Secretary of State to the Chargé in China (MacMurray)", "telegram",
    "1918-09-13", "Washington, September 13, 1918, 6 p.m", "6 p.m.", "Washington", "861.77/465",
    [LANSING_A, MACMURRAY_R],
    ["Source note '[Telegram—Extract]', 'File No. 861.77/465'; 'September 7', 'August 30' and 'September 11' (other "
     "telegrams) are not the date; signed 'Lansing'. Lansing's given name and MacMurray's are outside knowledge.",
     "Metadata only: the one paragraph with reported speech (4) joins 'Tokyo reports that' and the unnamed Japanese "
     "Minister for Foreign Affairs' statement; Horvat (mentioned) is not a participant."],
    signed_by="Robert Lansing", labelled_doc=False))
metadata("frus1918Russiav03:d403", base(
    "frus1918Russiav03:d403", "The Chargé in China (MacMurray) to the Secretary of State", "telegram",
    "1918-09-17", "Peking, September 17, 1918", None, "Peking", "861.77/487",
    [MACMURRAY, LANSING_R],
    ["Source note '[Telegram]', 'File No. 861.77/487'; no hour in the dateline; '[Received September 20, 2.52 a.m.]' and "
     "'17th' (the Harbin telegram repeated) are not other dates. MacMurray's given names and Lansing as Secretary of "
     "State are outside knowledge.",
     "Metadata only: the body repeats a telegram from Harbin (its sender unnamed) in which the Chinese Governor "
     "complains and the sender 'explained' and 'promised': a quoted telegram with two speakers. Gaida, Horvat and the "
     "Governor (mentioned) are not participants."],
    signed_by="John Van Antwerp MacMurray", labelled_doc=False))
m189 = base(
    "frus1918Russiav03:d189", "The British Ambassador (Reading) to the Secretary of State", "memorandum",
    "1918-07-31", "Washington, July 31, 1918", None, "Washington", "861.801/32",
    [READING, LANSING_R],
    ["A third-person diplomatic memorandum ('No. 846', 'Memorandum', 'The British Ambassador presents his compliments to "
     "the Secretary of State'), as the fourth key's d107; no signature; its date line 'Washington, July 31, 1918. "
     "[Received August 1.]' is printed at the end. 'April 1916' is not the date. Lord Reading as the Ambassador's name "
     "follows the head's '(Reading)'; Lansing as Secretary of State is outside knowledge. Balfour (whose telegram is "
     "reported) is not a participant."], labelled_doc=False)
metadata("frus1918Russiav03:d189", m189)
m67 = base(
    "frus1894Nicaragua:d67", "No. 67. Mr. Guzman to Mr. Gresham.", "note",
    "1894-07-09", "Legation of the Republic of Nicaragua, Washington, July 9, 1894", None, "Washington", None,
    [GUZMAN, GRESHAM_R],
    ["A translated note of the Nicaraguan Minister ('[Translation.]', 'Sir: As I have had the honor to state to you "
     "orally', 'I beg your excellency … to accept, once more, the protests of my highest consideration.', 'H. Guzman.'); "
     "'the 12th of May last' is not the date. Guzmán's given name and Gresham's post are outside knowledge. Lacayo, "
     "Argüello, Torres, Noyles, Wilson and President Cleveland (mentioned) are not participants."],
    signed_by="Horacio Guzmán", labelled_doc=False)
m67["original_language"] = "Spanish"
metadata("frus1894Nicaragua:d67", m67)
metadata("frus1894Nicaragua:d101", base(
    "frus1894Nicaragua:d101", "No. 101. Mr. Baker to Mr. Gresham.", "despatch",
    "1894-08-30", "Legation of the United States, Managua, August 30, 1894", None, "Managua", None,
    [BAKER, GRESHAM_R],
    ["A despatch ('Sir: I received your cable', 'I have, etc.,', 'Lewis Baker.'); '(Received September 14, 1894.)', 'the "
     "28th instant' and the inclosure's date line (the same day, to the Minister of Foreign Affairs) are not other "
     "dates. The inclosure is Baker's note to the (unnamed) Nicaraguan Minister of Foreign Affairs quoting the "
     "President's instruction; it has its own from and to and is not the despatch's. Lampton and Wiltbank (mentioned) "
     "are not participants."],
    signed_by="Lewis Baker", labelled_doc=False))
metadata("frus1894Nicaragua:d53", base(
    "frus1894Nicaragua:d53", "No. 53. Mr. Uhl to Mr. Baker.", "instruction",
    "1894-05-23", "Department of State, Washington, May 23, 1894", None, "Washington", None,
    [UHL, BAKER_R],
    ["An instruction to the minister ('Sir: Yours of the 11th instant, has been received', 'You may read this "
     "instruction to the minister for foreign affairs', 'I am, etc.,', 'Edwin F. Uhl.'); 'the 11th', 'the 18th', 'the "
     "12th' and 'the 22d instant' are not the date. Uhl's post is outside knowledge. Argüello, Wilson, Lacayo, Torres, "
     "Watson and Gresham (mentioned) are not participants."],
    signed_by="Edwin F. Uhl", labelled_doc=False))


