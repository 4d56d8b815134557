"""Hand-entered turn labels for the three conferences; writes holdout_thirteenth/turns.json.
Speakers were decided by reading each turn's label and the paragraphs around it (row245.txt, row96.txt, row343.txt)."""
import json
from pathlib import Path
from cut_turns import cut
OUT = Path("/work/main/tests/data/holdout_thirteenth/turns.json")
TABLE = "US_News_Conferences_1960_1980.csv"


def build(row, date, president, speakers, extra, notes, expect):
    r, turns = cut(row)
    out = []
    for t in turns:
        if t["label"] not in speakers:
            raise SystemExit(f"unread label {t}")
        e = {"starts_with": t["starts_with"], "label": t["label"], "speaker": speakers[t["label"]]}
        e.update(extra.get(t["para"], {}))
        out.append(e)
    assert len(out) == expect, len(out)
    return {"table": TABLE, "row": row, "date": date, "title": r.title, "president": president,
            "notes": notes, "moderator": None, "turn_count": len(out), "turns": out}


def johnson():
    sp = {"THE PRESIDENT.": "Lyndon B. Johnson", "Q.": "Questioner", "Mr. Valenti:": "Jack Valenti",
          "Reporter:": "Questioner"}
    extra = {
        0: {"note": "the President's opening remarks (paragraphs 0-3), with footnotes 1 and 2 printed inside paragraphs 0 and 1"},
        5: {"note": "his answer runs on to paragraph 6, the bracketed '[At this point the President spoke off the record.]', which is not a turn"},
        24: {"note": "'Mr. Valenti: 3 About 35.' answers the President's 'Does anyone know how many we can haul'; footnote 3 "
                     "(printed at the end of paragraph 26) names him 'Jack Valenti, Special Consultant to the President'; "
                     "the turn's words start after the footnote number '3'"},
        26: {"note": "the closing thanks, labelled 'Reporter:' (unnamed), with footnote 3 printed after it"},
    }
    notes = ["The whole conference (22 turns), short remarks before the President left for the convention at Atlantic City.",
             "Labels: 'THE PRESIDENT.', 'Q.', 'Mr. Valenti:' and 'Reporter:'. Unnamed 'Q.' and 'Reporter:' are Questioner; "
             "no questioner is named. 'George' (paragraph 0) and 'Jack' (paragraph 25) are named in the President's "
             "words only (footnotes 1 and 3: George E. Reedy, Jack Valenti); they ask nothing.",
             "Jack Valenti speaks once (paragraph 24), named by the label and footnote 3."]
    return build(245, "1964-08-26", "Lyndon B. Johnson", sp, extra, notes, 22)


def ford():
    sp = {"PRESIDENT FORD.": "Gerald R. Ford", "PRESIDENT ECHEVERRIA.": "Luis Echeverria",
          "PRESIDENT ECHEVEIRRIA.": "Luis Echeverria", "Q.": "Questioner", "REPORTER.": "Questioner"}
    extra = {
        0: {"note": "Ford's opening words to the Mexican President (paragraphs 0-2), after the item number '[1.]'"},
        3: {"identified_as": "Gaylord Shaw",
            "note": "after the heading 'QUESTIONS ACCESS TO MEXICAN OIL [2.]'. The question of paragraph 21 asks Echeverria to "
                    "answer 'one part of Mr. Shaw's [Gaylord Shaw, Associated Press] question which was not answered', the "
                    "size of the oil deposits: this question, so its asker is Gaylord Shaw"},
        4: {"note": "the label is followed by footnote number '1' (the footnote, printed at the end of the paragraph: "
                    "Echeverria spoke in Spanish through an interpreter); the turn's words start at that '1'"},
        15: {"note": "the label is misspelled 'ECHEVEIRRIA' in the text; a second Echeverria turn after Ford's (paragraphs 15-17)"},
        21: {"note": "a question to Echeverria that names the earlier questioner (Gaylord Shaw, paragraph 3), not its own asker"},
        29: {"note": "the closing 'Muchas gracias.', labelled 'REPORTER.' (unnamed)"},
    }
    notes = ["The whole conference (16 turns), held jointly by President Ford and the President of Mexico after their "
             "talks that day ('the opportunity of visiting your country today', 'It is nice to have you in the United States').",
             "Labels: 'PRESIDENT FORD.', 'PRESIDENT ECHEVERRIA.' (once misspelled 'PRESIDENT ECHEVEIRRIA.'), 'Q.' and "
             "'REPORTER.'. Topic headings in capitals with item numbers ('TRADE REFORM LEGISLATION [3.] Q.', 'CUBA [5.] Q.') "
             "open the question paragraphs; they are not turns.",
             "Echeverria's given name Luis is outside knowledge (the text prints 'PRESIDENT ECHEVERRIA' and 'President "
             "Echeverria').",
             "One question is identified: the first (paragraph 3), as Gaylord Shaw of the Associated Press, from the later "
             "question's 'Mr. Shaw's [Gaylord Shaw, Associated Press] question'. The others are Questioner."]
    return build(96, "1974-10-21", "Gerald R. Ford", sp, extra, notes, 16)


def eisenhower():
    sp = {"THE PRESIDENT [reading].": "Dwight D. Eisenhower", "THE PRESIDENT.": "Dwight D. Eisenhower",
          "Q. Robert C. Pierpoint, CBS News:": "Robert C. Pierpoint",
          "Q. Felix Belair, New York Times:": "Felix Belair", "Q. Mr. Belair:": "Felix Belair",
          "Q. Marvin L. Arrowsmith, Associated Press:": "Marvin L. Arrowsmith", "Q. Mr. Arrowsmith:": "Marvin L. Arrowsmith",
          "Q. Charles W. Roberts, Newsweek:": "Charles W. Roberts", "Q. Mr. Roberts:": "Charles W. Roberts",
          "Q. Mr. Roberts.": "Charles W. Roberts",
          "Q. M. Stewart Hensley, United Press International:": "M. Stewart Hensley",
          "Q. Daniel Karasik, NBC News:": "Daniel Karasik",
          "Q. Frederick W. Collins, Providence Journal:": "Frederick W. Collins",
          "Q. Laurence H. Burd, Chicago Tribune:": "Laurence H. Burd", "Q. Mr. Burd:": "Laurence H. Burd",
          "[Speaker unidentified]:": "Questioner"}
    extra = {
        0: {"note": "the President's statement on Latin America, read (paragraphs 0-24, with the section numbers 'II.' to 'V.' "
                    "as paragraphs 3, 7, 16 and 21 and a footnote inside paragraph 5), and his 'I am ready to entertain two "
                    "or three questions' (paragraph 25)"},
        42: {"note": "'Q. Mr. Roberts: If I might rephrase that' breaks off; the President's 'Yes.' and Roberts's "
                     "'Q. Mr. Roberts.--do you feel …' (paragraph 44) follow as separate turns"},
        44: {"note": "the label ends with a period and the words start with '--'"},
        59: {"note": "his turn runs on to paragraph 62 ('Well, I think, gentlemen, that will cover the subject.')"},
        63: {"note": "the closing thanks, labelled '[Speaker unidentified]:'; an unnamed reporter, so Questioner"},
    }
    notes = ["The whole conference (35 turns): a statement read on Latin America and questions on it.",
             "Every question label names the questioner, the first time with the paper ('Q. Robert C. Pierpoint, CBS News:'), "
             "follow-ups as 'Q. Mr. Belair:', 'Q. Mr. Arrowsmith:', 'Q. Mr. Roberts:' (once 'Q. Mr. Roberts.'), 'Q. Mr. Burd:'; "
             "the speaker is the name in the label. 'Marvin' and 'Larry' in the President's answers are Arrowsmith and Burd.",
             "The last reporter's 'Thank you very much, Mr. President.' is labelled '[Speaker unidentified]:' and is Questioner."]
    return build(343, "1960-07-11", "Dwight D. Eisenhower", sp, extra, notes, 35)


if __name__ == "__main__":
    data = [johnson(), ford(), eisenhower()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote", OUT, [d["turn_count"] for d in data])
