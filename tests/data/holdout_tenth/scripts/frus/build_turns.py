"""Hand-entered turn labels for the two conferences; writes holdout_tenth/turns.json.
Speakers were decided by reading each turn's label and the paragraphs around it (row32.txt / row281.txt)."""
import json
from pathlib import Path
from cut_turns import cut
OUT = Path("/work/main/tests/data/holdout_tenth/turns.json")
TABLE = "US_News_Conferences_1960_1980.csv"

CARTER_IDENT = {  # paragraph of the question -> (identified_as, note)
    4: ("Bonfim", "the President's opening turn ends 'I'll begin with Mr. Bonfim.' (paragraph 2), then a topic heading; "
                  "no given name is printed"),
    12: ("Helen Thomas", "the President's answer before ends 'Helen [Helen Thomas, United Press International].'"),
    69: ("Ann Compton", "the President's answer before ends 'Ann [Ann Compton, ABC News].'"),
}


def carter():
    r, turns = cut(32)
    out = []
    for t in turns:
        e = {"starts_with": t["starts_with"], "label": t["label"]}
        if t["label"] == "THE PRESIDENT.":
            e["speaker"] = "Jimmy Carter"
        elif t["label"] == "Q.":
            e["speaker"] = "Questioner"
            if t["para"] in CARTER_IDENT:
                e["identified_as"], e["note"] = CARTER_IDENT[t["para"]]
        elif t["label"] == "FRANK CORMIER [Associated Press].":
            e["speaker"] = "Frank Cormier"
            e["note"] = "the reporter is named in the label"
        else:
            raise SystemExit(f"unread label {t}")
        out.append(e)
    assert len(out) == 41, len(out)
    return {"table": TABLE, "row": 32, "date": "1978-03-30", "title": r.title,
            "president": "Jimmy Carter",
            "notes": ["The whole conference (41 turns), held in Brasilia ('Held in Brasilia, Brazil', paragraph 0, is not "
                      "a turn). Topic headings in capitals ('U.S.-BRAZILIAN RELATIONS', 'THE MIDDLE EAST', …) are not turns.",
                      "The President's recognitions ('I'll begin with Mr. Bonfim.', 'Helen [Helen Thomas, United Press "
                      "International].', 'Ann [Ann Compton, ABC News].', 'Maybe one more question.') are paragraphs of his "
                      "turn. Three questions are identified by them; follow-ups ('Q. Yes.', 'Q. Has it caused you …') are not.",
                      "Questions asked in Portuguese are printed 'Q. [in Portuguese] …' (an unnamed questioner); 'Q. Mr. "
                      "President, from Jornal do Brasil.' and 'Q. I am from Channel 13, Argentina.' name a paper or station, "
                      "not a person.",
                      "The closing thanks are labelled 'FRANK CORMIER [Associated Press].' (Frank Cormier), and the President "
                      "answers 'Thank you very much.'"],
            "moderator": None, "turn_count": len(out), "turns": out}


def kennedy():
    r, turns = cut(281)
    out = []
    for t in turns:
        e = {"starts_with": t["starts_with"], "label": t["label"]}
        if t["label"] in ("THE PRESIDENT.", "THE PRESIDENT,"):
            e["speaker"] = "John F. Kennedy"
            if t["label"] == "THE PRESIDENT,":
                e["note"] = "the label is printed with a comma for the period"
        elif t["label"] in ("Q.", "Reporter:"):
            e["speaker"] = "Questioner"
            if t["label"] == "Reporter:":
                e["note"] = "the closing thanks, labelled 'Reporter:' with no name"
        else:
            raise SystemExit(f"unread label {t}")
        out.append(e)
    assert len(out) == 48, len(out)
    return {"table": TABLE, "row": 281, "date": "1963-06-24", "title": r.title,
            "president": "John F. Kennedy",
            "notes": ["The whole conference (48 turns), given to the German press corps ('I am delighted to accept the "
                      "invitation of the German press corps'). The President's opening turn ends 'Is there a question?'.",
                      "Item numbers stand before the label: '[1. ] Q.' (with a space inside the bracket), '[2.] Q.'; follow-up "
                      "questions have no number.",
                      "'THE PRESIDENT, I know of no consideration …' prints a comma for the label's period.",
                      "No questioner is named; the last turn is 'Reporter: Thank you, Mr. President.' (Questioner)."],
            "moderator": None, "turn_count": len(out), "turns": out}


if __name__ == "__main__":
    data = [carter(), kennedy()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote", OUT, [d["turn_count"] for d in data])
