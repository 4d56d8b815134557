
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
    S(1, "André de Laboulaye", "the French Ambassador called today to inform this Government", "office", True,
      "the French Ambassador's call; the French Minister's instructions are inside his statement; name from outside knowledge"),
    S(2, "André de Laboulaye", "The Ambassador also stated that", "office", True,
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
    S(1, "Ronald Lindsay", "the British Ambassador mentioned casually to an officer of the Department", "office", True,
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
    S(2, "Woodrow Wilson", "The President appreciates very highly", "office", True,
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
