
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
