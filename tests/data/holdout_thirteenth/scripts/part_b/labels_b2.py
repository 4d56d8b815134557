labelled("frus1936v03:d351", base(
    "frus1936v03:d351", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-07-06", "Addis Ababa, July 6, 1936—7 p.m", "7 p.m.", "Addis Ababa", "124.842/126",
    [ENGERT, HULL],
    ["Source note '124.842/126: Telegram'; '[Received July 6—3:30 p.m.]' is an earlier hour (time zone); 'tomorrow' is "
     "not the date. Engert's given names are outside knowledge.",
     "One paragraph: the writer is 'officially informed' of Graziani's decree (passive, source unnamed), then 'The "
     "Marshal has just told me very courteously that …', 'He said this would include …'. Graziani (his given name is "
     "outside knowledge) is not a participant."],
    signed_by="Cornelius Van H. Engert"), [
    S(1, GRAZIANI, "The Marshal has just told me very courteously; He said this would include", "title", True,
      "'Marshal Graziani' is named in the first sentence; that sentence is official information from an unnamed "
      "source in the passive ('I am officially informed'), so the paragraph is not Graziani's alone"),
    SIG(2),
])

labelled("frus1936v03:d346", base(
    "frus1936v03:d346", "The Minister Resident in Ethiopia (Engert) to the Secretary of State", "telegram",
    "1936-06-06", "Addis Ababa, June 6, 1936—3 p.m", "3 p.m.", "Addis Ababa", "124.84/99",
    [ENGERT, HULL],
    ["Source note '124.84/99: Telegram'; '[Received 7:45 p.m.]' is the same day; 'May 6th' (a note) and 'June 3rd' (an "
     "interview) are not the date. Engert's given names are outside knowledge.",
     "The Diplomatic Corps' decision (collective), with the (unnamed) Belgian Minister's interview with Graziani, "
     "'the latter told him', inside it: null. Then the writer's suggestion. Badoglio, Graziani and the Belgian Minister "
     "are not participants."],
    signed_by="Cornelius Van H. Engert"), [
    N(1, "a collective decision of the Diplomatic Corps, with Graziani's words to the unnamed Belgian Minister inside it",
      "it was decided to inform our respective governments; the latter told him"),
    S(2, "Cornelius Van H. Engert", "I suggest no action be taken", "first-person", True, "the writer's suggestion"),
    SIG(3),
])

SOHEILY = "Soheily"
labelled("frus1936v03:d447", base(
    "frus1936v03:d447", "The Chargé in Iran (Merriam) to the Secretary of State", "telegram",
    "1936-04-16", "Teheran, April 16, 1936—noon", "noon", "Teheran", "701.9111/523",
    [MERRIAM, HULL],
    ["Source note '701.9111/523: Telegram'; dated 'noon'; '[Received 3:50 p.m.]' is the same day; 'April 6' and 'day "
     "before yesterday' are not the date. Merriam's given names are outside knowledge.",
     "Soheily (the Iranian Under Secretary for Foreign Affairs; not named in full here) 'said' that his Minister (never "
     "named) received the idea of a special envoy favourably and desired information on four points (paragraphs 2-5, "
     "the unnamed Minister's wishes as Soheily relayed them: null); the Legation's answers are in the passive ('He was "
     "informed', 'It was strongly emphasized to him'); the writer's opinion closes paragraph 7. Soheily and the "
     "Minister are not participants."],
    signed_by="Gordon P. Merriam"), [
    S(1, SOHEILY, "This morning Soheily said he had delayed", "named", True,
      "Soheily's report includes the unnamed Minister's reception of the idea ('The Minister received the idea very "
      "favorably but desired'), which Soheily relays"),
    N(2, "a listed point: the unnamed Minister's wish, as relayed", "He desires an ambassador extraordinary"),
    N(3, "a listed point (no verb of saying)"),
    N(4, "a listed point (no verb of saying)"),
    N(5, "a listed point (no verb of saying)"),
    S(6, "Gordon P. Merriam", "He was informed that the Legation would be glad", "first-person", True,
      "the Legation's answer in the passive; the writer is the Legation's chief and the one who met Soheily"),
    N(7, "the Legation's emphasis (passive), Soheily and the Minister's view, and the writer's opinion",
      "It was strongly emphasized to him; both Soheily and the Minister; I am of the opinion"),
    SIG(8),
])

PHILLIPS = P("William Phillips", "Phillips", "author", "The Ambassador in Italy (Phillips)", "Ambassador in Italy")
labelled("frus1936v03:d412", base(
    "frus1936v03:d412", "The Ambassador in Italy (Phillips) to the Secretary of State", "telegram",
    "1936-11-30", "Rome, November 30, 1936—5 p.m", "5 p.m.", "Rome", "124.84/130",
    [PHILLIPS, HULL],
    ["Source note '124.84/130: Telegram'; '[Received November 30—2:48 p.m.]' is an earlier hour (time zone); "
     "'November 28' is not the date. Phillips's given name is outside knowledge.",
     "The writer sent Reber to the Foreign Office: 'He was told that …', 'the Foreign Office recognized …', 'he was "
     "informed' (the Foreign Office, institutional and in the passive: null). Then the writer's opinion and request "
     "(accept_null). Reber, Cramp, Hughes and Ciano (footnote 97) are not participants."],
    signed_by="William Phillips"), [
    N(1, "the Foreign Office's statements to Reber (institutional, passive)",
      "He was told that the normal procedure would require an exequatur; the Foreign Office recognized"),
    S(2, "William Phillips", "I do not consider it necessary first to assign Hughes to Rome", "first-person", True,
      "the writer's opinion"),
    S(3, "William Phillips", "may I be authorized to inform Count Ciano", "first-person", True, "the writer's request"),
    SIG(4),
])

