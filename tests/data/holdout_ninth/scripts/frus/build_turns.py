"""Hand-entered turn labels for the two conferences; writes holdout_ninth/turns.json.
Speakers were decided by reading each turn's label (printed in row169.txt / row344.txt)."""
import json
from pathlib import Path
from cut_turns import cut
OUT = Path("/work/main/tests/data/holdout_ninth/turns.json")
TABLE = "US_News_Conferences_1960_1980.csv"

def johnson():
    r, turns = cut(169)
    out = []
    for n, t in enumerate(turns):
        e = {"starts_with": t["starts_with"], "label": t["label"]}
        if t["label"] == "THE PRESIDENT.":
            e["speaker"] = "Lyndon B. Johnson"
        elif t["label"] == "Q.":
            e["speaker"] = "Questioner"
        elif t["label"] == "Merriman Smith, United Press International:":
            e["speaker"] = "Merriman Smith"
        else:
            raise SystemExit(f"unread label {t}")
        if t["para"] == 95:
            e["identified_as"] = "James Deakin"
            e["note"] = ("a later questioner asks to 'follow up Mr. Deakin's question and your answer' on the bombing, "
                         "footnote 11: 'James Deakin of the St. Louis Post-Dispatch'; the President: 'I refer you--as I "
                         "did Mr. Deakin-to their position as enumerated in that letter' (this answer's 'his letter')")
        out.append(e)
    assert len(out) == 52, len(out)
    return {"table": TABLE, "row": 169, "date": "1967-07-18", "title": r.title,
            "president": "Lyndon B. Johnson",
            "notes": ["The whole conference (52 turns). Topic headings in capitals ('SPECIAL BOARD IN RAILWAY DISPUTE', "
                      "'QUESTIONS') are not turns.",
                      "The President's opening turn is printed 'THE PRESIDENT. [1.] George1 thought …' (label, then the "
                      "item number, then a footnote number glued to 'George'); his second announcement '[2.] Chancellor "
                      "Kiesinger will be here …' after a heading continues his turn. Footnote text joined with ',N' "
                      "('…correspondence.,4 The West German Cabinet …') stays inside the turn.",
                      "The last turn is 'Merriman Smith, United Press International: Thank you, Mr. President.' (Merriman Smith).",
                      "Only one questioner is identified: item [14] (James Deakin, named by a later questioner and a footnote)."],
            "moderator": None, "turn_count": len(out), "turns": out}

EISEN_FULL = {"Mr. Scherer": "Ray L. Scherer", "Mr. Schwartz": "Lloyd M. Schwartz", "Mr. Prina": "L. Edgar Prina",
              "Mr. Davis": "Spencer Davis"}
EISEN_NAMED = {  # label -> speaker, read from the label (name before the paper)
    "Q. Merriman Smith, United Press International:": "Merriman Smith",
    "Q. David Kraslow, Knight Newspapers:": "David Kraslow",
    "Q. Ray L. Scherer, National Broadcasting Company:": "Ray L. Scherer",
    "Q. Lloyd M. Schwartz, Fairchild Publications:": "Lloyd M. Schwartz",
    "Q. Rowland Evans, Jr., New York Herald Tribune:": "Rowland Evans",
    "Q. John M. Hightower, Associated Press:": "John M. Hightower",
    "Q. Charles W. Bailey, Minneapolis Star and Tribune:": "Charles W. Bailey",
    "Q. Raymond P. Brandt, St. Louis Post-Dispatch:": "Raymond P. Brandt",
    "Q. John V. Horner, Washington Star:": "John V. Horner",
    "Q. L. Edgar Prina, Washington Star:": "L. Edgar Prina",
    "Q. Spencer Davis, Associated Press:": "Spencer Davis",
    "Q. David P. Sentnor, Hearst Newspapers:": "David P. Sentnor",
    "Q. Robert C. Pierpoint, CBS News:": "Robert C. Pierpoint",
    "Q. Lillian Levy, Science Service:": "Lillian Levy",
    "Q. Laurence H. Burd, Chicago Tribune:": "Laurence H. Burd",
    "Q. Felix Belair, New York Times:": "Felix Belair",
    "Q. Charles H. Mohr, Time Magazine:": "Charles H. Mohr",
    "Q. Charles W. Roberts, Newsweek:": "Charles W. Roberts",
    "Q. Roscoe Drummond, New York Herald Tribune:": "Roscoe Drummond",
    "Q. Kenneth M. Scheibel, Gannett Newspapers:": "Kenneth M. Scheibel",
    "Marvin L. Arrowsmith, Associated Press:": "Marvin L. Arrowsmith",
}

def eisenhower():
    r, turns = cut(344)
    out = []
    for t in turns:
        e = {"starts_with": t["starts_with"], "label": t["label"]}
        lab = t["label"]
        if lab == "THE PRESIDENT.":
            e["speaker"] = "Dwight D. Eisenhower"
        elif lab in EISEN_NAMED:
            e["speaker"] = EISEN_NAMED[lab]
        elif lab.startswith("Q. Mr. ") and lab[3:-1] in EISEN_FULL:
            e["speaker"] = EISEN_FULL[lab[3:-1]]
            e["note"] = "follow-up labelled by surname"
        else:
            raise SystemExit(f"unread label {t}")
        out.append(e)
    assert len(out) == 50, len(out)
    return {"table": TABLE, "row": 344, "date": "1960-07-06", "title": r.title,
            "president": "Dwight D. Eisenhower",
            "notes": ["The whole conference (50 turns).",
                      "Reporters are named in the label ('Q. Merriman Smith, United Press International:', speaker "
                      "Merriman Smith); follow-ups are labelled by surname only ('Q. Mr. Scherer:', 'Q. Mr. Schwartz:', "
                      "'Q. Mr. Prina:', 'Q. Mr. Davis:') and take the full name given earlier.",
                      "'Q. Rowland Evans, Jr., New York Herald Tribune:' has a comma inside the name (speaker Rowland "
                      "Evans); his question runs over two paragraphs.",
                      "The last turn is 'Marvin L. Arrowsmith, Associated Press: Thank you, Mr. President' (no final period)."],
            "moderator": None, "turn_count": len(out), "turns": out}

if __name__ == "__main__":
    data = [johnson(), eisenhower()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote", OUT, [d["turn_count"] for d in data])
