
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
