"""Hand-entered turn labels for the two conferences; writes holdout_twelfth/turns.json.
Speakers were decided by reading each turn's label and the paragraphs around it (row338.txt / row170.txt)."""
import json
from pathlib import Path
from cut_turns import cut
OUT = Path("/work/main/tests/data/holdout_twelfth/turns.json")
TABLE = "US_News_Conferences_1960_1980.csv"

EISEN = {  # label -> speaker, read from the label (name before the paper)
    "THE PRESIDENT.": "Dwight D. Eisenhower",
    "Q. John Scali, Associated Press:": "John Scali",
    "Q. Felix Belair, New York Times:": "Felix Belair",
    "Q. William J. Eaton, United Press International:": "William J. Eaton",
    "Q. Robert C. Young, Chicago Tribune:": "Robert C. Young",
    "Q. Daniel Karasik, National Broadcasting Company:": "Daniel Karasik",
    "Q. Harold Davis, Atlanta Journal:": "Harold Davis",
}


def eisenhower():
    r, turns = cut(338)
    out = []
    for t in turns:
        if t["label"] not in EISEN:
            raise SystemExit(f"unread label {t}")
        e = {"starts_with": t["starts_with"], "label": t["label"], "speaker": EISEN[t["label"]]}
        if t["para"] == 0:
            e["note"] = "the President's opening statement (paragraphs 0-11), with a footnote printed inside paragraph 9"
        if t["para"] == 21:
            e["note"] = "the answer's paragraph ends with footnote 2, continued in paragraphs 22-23 (editorial, not a turn)"
        out.append(e)
    assert len(out) == 17, len(out)
    return {"table": TABLE, "row": 338, "date": "1960-11-16", "title": r.title,
            "president": "Dwight D. Eisenhower",
            "notes": ["The whole conference (17 turns): a statement on the balance of payments ('this is not a press "
                      "conference as such') and eight questions, all on that subject.",
                      "Every questioner is named in the label ('Q. John Scali, Associated Press:', speaker John Scali); "
                      "Scali and Eaton ask twice. 'Felix' in the President's answer is Felix Belair, named in the label.",
                      "'(confers with Mr. Hagerty)' inside the President's answer (paragraph 15) is a stage note, not a "
                      "turn. The President's last words 'Thank you very much.' (paragraph 32) have no label and stay in "
                      "his turn (paragraphs 30-32)."],
            "moderator": None, "turn_count": len(out), "turns": out}


JOHNSON = {
    "THE PRESIDENT.": "Lyndon B. Johnson",
    "SECRETARY MCNAMARA.": "Robert S. McNamara",
    "SECRETARY McNAMARA.": "Robert S. McNamara",
    "GENERAL WHEELER.": "Earle G. Wheeler",
    "GENERAL WESTMORELAND.": "William C. Westmoreland",
    "MR. SPIVAK.": "Alvin A. Spivak",
    "Mr. Spivak:": "Alvin A. Spivak",
    "Q.": "Questioner",
}


def johnson():
    r, turns = cut(170)
    out = []
    for t in turns:
        if t["label"] not in JOHNSON:
            raise SystemExit(f"unread label {t}")
        e = {"starts_with": t["starts_with"], "label": t["label"], "speaker": JOHNSON[t["label"]]}
        if t["para"] == 96:
            e["identified_as"] = "Alvin A. Spivak"
            e["note"] = "the question opens '(Alvin A. Spivak, United Press International.)'; the President later asks " \
                        "'Mr. Spivak?' and 'MR. SPIVAK. Yes, sir.' answers"
        elif t["para"] == 32:
            e["note"] = "a follow-up 'Yes.' by the unnamed questioner of paragraph 30"
        elif t["para"] == 105:
            e["note"] = "the reporter Spivak answers the President's 'Mr. Spivak?'"
        elif t["para"] == 118:
            e["note"] = "the closing thanks, labelled 'Mr. Spivak:' (no 'Q.')"
        elif t["para"] == 57:
            e["note"] = "the President passes the question to General Westmoreland: his own turn"
        out.append(e)
    assert len(out) == 49, len(out)
    return {"table": TABLE, "row": 170, "date": "1967-07-13", "title": r.title,
            "president": "Lyndon B. Johnson",
            "notes": ["The whole conference (49 turns), held with McNamara, Wheeler and Westmoreland (full names and posts "
                      "in the bracketed note of paragraph 0: 'Robert S. McNamara, Secretary of Defense, Gen. Earle G. "
                      "Wheeler, … and Gen. William C. Westmoreland'). The bracketed note and the topic headings in "
                      "capitals ('SUMMARY OF DISCUSSIONS ON VIETNAM', 'QUESTIONS NUMBER OF TROOPS', 'ALLIED TROOPS', …) "
                      "are not turns.",
                      "Labels: 'THE PRESIDENT.', 'SECRETARY MCNAMARA.' and 'SECRETARY McNAMARA.' (both spellings), "
                      "'GENERAL WHEELER.', 'GENERAL WESTMORELAND.', 'MR. SPIVAK.', 'Mr. Spivak:' and 'Q.', some after an "
                      "item number ('THE PRESIDENT. [1.]', '[2.] Q.').",
                      "Unnamed 'Q.' is Questioner. Questions addressed to someone ('Q. Mr. Secretary, …', 'Q. General "
                      "Westmoreland, …') name the one who answers, not the one who asks. One question is identified: "
                      "'(Alvin A. Spivak, United Press International.)' (paragraph 96).",
                      "The President's 'Yes, sir.' (paragraph 28) recognizes the first questioner; 'General Wheeler?', "
                      "'Secretary McNamara?', 'Mr. Spivak?' are his turns, each answered by the one named. The last turn "
                      "is 'Mr. Spivak: Thank you very much.'"],
            "moderator": None, "turn_count": len(out), "turns": out}


if __name__ == "__main__":
    data = [eisenhower(), johnson()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote", OUT, [d["turn_count"] for d in data])
