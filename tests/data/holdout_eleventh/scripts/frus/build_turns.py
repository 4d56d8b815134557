"""Hand-entered turn labels for the two conferences; writes holdout_eleventh/turns.json.
Speakers were decided by reading each turn's label and the paragraphs around it (row353.txt / row193.txt)."""
import json
from pathlib import Path
from cut_turns import cut
OUT = Path("/work/main/tests/data/holdout_eleventh/turns.json")
TABLE = "US_News_Conferences_1960_1980.csv"

EISEN_NAMED = {  # label -> speaker, read from the label (name before the paper)
    "Q. Marvin L. Arrowsmith, Associated Press:": "Marvin L. Arrowsmith",
    "Q. Merriman Smith, United Press International:": "Merriman Smith",
    "Q. Ray L. Scherer, National Broadcasting Company:": "Ray L. Scherer",
    "Q. Robert C. Pierpoint, CBS News:": "Robert C. Pierpoint",
    "Q. William Knighton, Jr., Baltimore Sun:": "William Knighton",
    "Q. Mrs. May Craig, Portland (Maine) Press Herald:": "May Craig",
    "Q. Robert J. Donovan, New York Herald Tribune:": "Robert J. Donovan",
    "Q. Frank van der Linden, Nashville Banner:": "Frank van der Linden",
    "Q. Sarah McClendon, Manchester (N.H.) Union Leader:": "Sarah McClendon",
    "Q. David Kraslow, Knight Newspapers:": "David Kraslow",
    "Q. Don Oberdorfer, Knight Newspapers:": "Don Oberdorfer",
    "Q. Roscoe Drummond, New York Herald Tribune:": "Roscoe Drummond",
    "Q. Felix Belair, New York Times:": "Felix Belair",
    "Q. Edward T. Foillard, Washington Post:": "Edward T. Foillard",
    "Q. L. Edgar Prina, Washington Star:": "L. Edgar Prina",
    "Q. Ronald W. May, Madison (Wis.) Capital Times:": "Ronald W. May",
    "Q. Raymond P. Brandt, St. Louis Post Dispatch:": "Raymond P. Brandt",
    "Q. Lillian Levy, National Jewish Post:": "Lillian Levy",
    "Marvin L. Arrowsmith, Associated Press:": "Marvin L. Arrowsmith",
}
EISEN_FOLLOW = {  # follow-up label by surname -> the full name printed earlier in the conference
    "Q. Mr. Arrowsmith:": "Marvin L. Arrowsmith",
    "Q. Mrs. McClendon:": "Sarah McClendon",
    "Q. Mr. Belair:": "Felix Belair",
    "Q. Mr. Brandt:": "Raymond P. Brandt",
    "Q. Miss Levy:": "Lillian Levy",
}


def eisenhower():
    r, turns = cut(353)
    out = []
    for t in turns:
        e = {"starts_with": t["starts_with"], "label": t["label"]}
        lab = t["label"]
        if lab == "THE PRESIDENT.":
            e["speaker"] = "Dwight D. Eisenhower"
        elif lab in EISEN_NAMED:
            e["speaker"] = EISEN_NAMED[lab]
            if lab == "Marvin L. Arrowsmith, Associated Press:":
                e["note"] = "the closing thanks, labelled with the name and no 'Q.'"
            elif lab == "Q. William Knighton, Jr., Baltimore Sun:":
                e["note"] = "a comma inside the name ('Jr.')"
        elif lab in EISEN_FOLLOW:
            e["speaker"] = EISEN_FOLLOW[lab]
            e["note"] = "follow-up labelled by surname"
        else:
            raise SystemExit(f"unread label {t}")
        out.append(e)
    assert len(out) == 54, len(out)
    return {"table": TABLE, "row": 353, "date": "1960-01-13", "title": r.title,
            "president": "Dwight D. Eisenhower",
            "notes": ["The whole conference (54 turns). The President opens with 'I have no announcements today.'",
                      "Reporters are named in the label ('Q. Marvin L. Arrowsmith, Associated Press:', speaker Marvin L. "
                      "Arrowsmith); follow-ups are labelled by surname only ('Q. Mr. Arrowsmith:', 'Q. Mrs. McClendon:', "
                      "'Q. Mr. Belair:', 'Q. Mr. Brandt:', 'Q. Miss Levy:') and take the full name printed earlier.",
                      "'Q. William Knighton, Jr., Baltimore Sun:' has a comma inside the name (speaker William Knighton); "
                      "'Q. Mrs. May Craig, …' is May Craig; 'Q. Frank van der Linden, …' is matched by its last word.",
                      "Several questions run over two or more paragraphs (Mrs. Craig, Mrs. McClendon); the President's "
                      "'Wait just a minute. Are you asking a question or making a speech?' is his turn.",
                      "The last turn is 'Marvin L. Arrowsmith, Associated Press: Thank you, Mr. President.' (no 'Q.')."],
            "moderator": None, "turn_count": len(out), "turns": out}


JOHNSON_SPEAKERS = {
    "THE PRESIDENT.": "Lyndon B. Johnson",
    "MR. MOYERS.": "Bill D. Moyers",
    "DR. BURKLEY.": "George Burkley",
    "DR. GOULD.": "W. James Gould",
    "DR. CAIN.": "James Cain",
    "Q.": "Questioner",
}


def johnson():
    r, turns = cut(193)
    out = []
    for t in turns:
        e = {"starts_with": t["starts_with"], "label": t["label"]}
        if t["label"] not in JOHNSON_SPEAKERS:
            raise SystemExit(f"unread label {t}")
        e["speaker"] = JOHNSON_SPEAKERS[t["label"]]
        out.append(e)
    assert len(out) == 86, len(out)
    return {"table": TABLE, "row": 193, "date": "1966-11-03", "title": r.title,
            "president": "Lyndon B. Johnson",
            "notes": ["The whole conference (86 turns): the President announces his coming operation and leaves; his Press "
                      "Secretary and three of his doctors answer the questions. Topic headings in capitals ('THE "
                      "PRESIDENT'S PLAN TO UNDERGO SURGERY', 'INTRODUCTION OF PRESIDENT'S PHYSICIANS', 'STATEMENT ON THE "
                      "PRESIDENT'S CONDITION', 'QUESTIONS') are not turns.",
                      "Speakers other than the President are labelled by surname; their full names are printed in the "
                      "conference: 'Mr. Moyers1' with the footnote '1 Bill D. Moyers, Special Assistant to the President' "
                      "(paragraph 8), 'Adm. George Burkley, Physician to the President' (paragraph 13), 'Dr. W. James "
                      "Gould' (paragraph 14), 'Dr. James Cain' (paragraphs 9 and 12). Dr. Devine and Dr. Hallenbeck do not "
                      "speak.",
                      "Unnamed 'Q.' is Questioner; no questioner is named. A question addressed to a doctor ('Q. Dr. "
                      "Burkley, do you expect …', 'Q. Dr. Gould, is a polyp …') names the one who answers, not the one who "
                      "asks.",
                      "Two answers follow one question twice (paragraphs 63-64: Moyers, then Burkley; 68-69: Gould, then "
                      "Cain): each is its own turn. The last turn is 'MR. MOYERS. Thank you, gentlemen.'"],
            "moderator": None, "turn_count": len(out), "turns": out}


if __name__ == "__main__":
    data = [eisenhower(), johnson()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote", OUT, [d["turn_count"] for d in data])
