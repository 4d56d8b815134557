"""Hand-entered turn labels for the four conferences; writes holdout_fourteenth/turns.json.
Speakers were decided by reading each turn's label and the paragraphs around it (row17.txt, row85.txt,
row201.txt, row339.txt). Adapted from holdout_thirteenth/scripts/part_b/build_turns.py."""
import json
from pathlib import Path
from cut_turns import cut
OUT = Path("/work/main/tests/data/holdout_fourteenth/turns.json")
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
    assert set(extra) <= {t["para"] for t in turns}, sorted(set(extra) - {t["para"] for t in turns})
    return {"table": TABLE, "row": row, "date": date, "title": r.title, "president": president,
            "notes": notes, "moderator": None, "turn_count": len(out), "turns": out}


def carter():
    sp = {"THE PRESIDENT.": "Jimmy Carter", "Q.": "Questioner"}
    extra = {
        0: {"note": "'Good afternoon.' and, as a separate paragraph with no label (paragraph 1), his recognition "
                    "'Ms. Thomas [Helen Thomas, United Press International].': no statement is read"},
        3: {"identified_as": "Helen Thomas",
            "note": "after the heading 'PEOPLE'S REPUBLIC OF CHINA AND TAIWAN' (paragraph 2); the President recognized "
                    "'Ms. Thomas [Helen Thomas, United Press International]' just before (paragraph 1)"},
        6: {"note": "a follow-up on the Kennedy resolution; not identified (follow-ups are not)"},
        9: {"note": "the question is broken by the President's 'Yes.' (paragraph 10) and goes on in paragraph 11"},
        11: {"note": "the same questioner going on after 'Yes.'; not identified"},
        20: {"note": "a second question on Iran (paragraph 18 had asked 'And may I please follow?'); not identified"},
        32: {"note": "'to follow up on the previous question': another questioner's follow-up; not identified"},
        39: {"note": "the question runs on to paragraph 40 ('My question is two-fold: …'), which has no label"},
        41: {"note": "the last turn; the transcript ends in this paragraph (',*' at its end) with no closing thanks"},
    }
    notes = ["The whole conference as the CSV holds it (25 turns). It opens with 'Good afternoon.' and the President's "
             "recognition of Helen Thomas, and ends in the President's answer on education (no closing thanks).",
             "Labels: 'THE PRESIDENT.' and 'Q.' only. Topic headings in capitals ('IRAN', 'SELECTION OF FEDERAL JUDGES') "
             "are paragraphs of their own and are not turns.",
             "One question is identified: the first (paragraph 3), as Helen Thomas of United Press International, "
             "recognized by the President in paragraph 1. The others are Questioner."]
    return build(17, "1979-01-26", "Jimmy Carter", sp, extra, notes, 25)


def ford():
    sp = {"THE PRESIDENT.": "Gerald R. Ford", "Q.": "Questioner", "MR. CORMIER.": "Frank Cormier"}
    extra = {
        1: {"note": "after the heading 'THE NATO MEETING' (paragraph 0); the item number is printed '[l.]' (OCR for "
                    "'[1.]'), so the turn's words are taken to start at '[l.]'. The opening statement on the NATO meeting "
                    "runs to paragraph 18 ('With that, I will be glad to recognize Mr. Cormier [Frank Cormier, Associated "
                    "Press].'), with footnote 1 printed inside paragraph 9"},
        20: {"identified_as": "Frank Cormier",
             "note": "after the heading 'QUESTIONS'; recognized just before (paragraph 18), and the answer begins "
                     "'I certainly did not have that impression, Mr. Cormier.'"},
        24: {"identified_as": "Helen Thomas",
             "note": "the answer begins 'Miss Thomas [Helen Thomas, United Press International], …'"},
        27: {"identified_as": "Joseph Kingsbury-Smith",
             "note": "the answer begins 'Mr. Smith [Joseph Kingsbury-Smith, Hearst Newspapers], …'"},
        32: {"identified_as": "Peter Lisagor",
             "note": "the answer begins 'Mr. Lisagor [Peter Lisagor, Chicago Daily News], …'"},
        40: {"note": "'Could the question be repeated?', with footnote 2 (on the NATO Council's rejection of Spanish "
                     "membership) printed after it, so the turn's first 50 characters include the footnote's start"},
        41: {"note": "the question on Spain repeated (paragraph 39's questioner, presumably); not identified"},
        67: {"note": "the closing thanks, labelled 'MR. CORMIER.' (Frank Cormier, named in paragraph 18)"},
    }
    notes = ["The whole conference (22 turns), held in Brussels after the NATO heads-of-government meeting: an opening "
             "statement and ten numbered questions.",
             "Labels: 'THE PRESIDENT.', 'Q.' and, for the closing thanks, 'MR. CORMIER.'. Topic headings in capitals "
             "('NUCLEAR WEAPONS', 'PORTUGAL') are paragraphs of their own; item numbers '[2.]' to '[10.]' open the "
             "question paragraphs.",
             "Four questions are identified from the President's recognition or the name that opens his answer, each "
             "with the bracketed full name and paper: Frank Cormier (Associated Press), Helen Thomas (United Press "
             "International), Joseph Kingsbury-Smith (Hearst Newspapers), Peter Lisagor (Chicago Daily News). The "
             "others are Questioner."]
    return build(85, "1975-05-30", "Gerald R. Ford", sp, extra, notes, 22)


def johnson():
    sp = {"THE PRESIDENT.": "Lyndon B. Johnson", "Q.": "Questioner",
          "Helen Thomas, United Press International:": "Helen Thomas"}
    extra = {
        0: {"note": "the label is followed by the item number '[1.]'; his remarks on the veto message run to paragraph 3 "
                    "(paragraph 2 is the bracketed '[At this point the President read the text of the veto message …]' "
                    "with footnote 1), then the headings 'QUESTIONS' and 'EARLIER VETO'"},
        7: {"note": "footnote 2 ('See Item 336.') is printed at the end of the paragraph"},
        8: {"note": "a follow-up; not identified"},
        47: {"identified_as": "John Scali",
             "note": "the question breaks off ('--'); the answer ends 'Mr. Scali.4' and footnote 4 (printed at the end "
                     "of paragraph 49) names him: 'John Scali of ABC News'"},
        48: {"note": "his turn runs on to paragraph 51 ('I will say I am glad they voted.')"},
        52: {"note": "the closing thanks, labelled with the reporter's name and agency ('Helen Thomas, United Press "
                     "International:') and no 'Q.'"},
    }
    notes = ["The whole conference (26 turns): the President gives the press a veto message and takes questions.",
             "Labels: 'THE PRESIDENT.', 'Q.' and, for the closing thanks, 'Helen Thomas, United Press International:'. "
             "Topic headings in capitals are paragraphs of their own; item numbers '[2.]' to '[5.]' open some question "
             "paragraphs, and '[1.]' follows the first 'THE PRESIDENT.'.",
             "One question is identified: the last (paragraph 47), as John Scali of ABC News, from the answer's 'Mr. "
             "Scali' and footnote 4. 'Mr. Rostow', 'Bill Moyers', 'Mr. Mahon' and 'Senator Dirksen' are named in the "
             "President's words only; they do not speak. The other questions are Questioner."]
    return build(201, "1966-09-12", "Lyndon B. Johnson", sp, extra, notes, 26)


def eisenhower():
    named = {
        "Q. Rutherford M. Poats, United Press International:": "Rutherford M. Poats",
        "Q. Kenneth M. Scheibel, Gannett Newspapers:": "Kenneth M. Scheibel",
        "Q. Ray L. Scherer, National Broadcasting Company:": "Ray L. Scherer",
        "Q. William McGaffin, Chicago Daily News:": "William McGaffin",
        "Q. Thomas N. Schroth, Congressional Quarterly:": "Thomas N. Schroth",
        "Q. Mrs. May Craig, Portland (Maine) Press Herald:": "May Craig",
        "Q. Mrs. Craig:": "May Craig",
        "Q. William H. Y. Knighton, Jr., Baltimore Sun:": "William H. Y. Knighton",
        "Q. Mr. Knighton:": "William H. Y. Knighton",
        "Q. Robert C. Pierpoint, CBS News:": "Robert C. Pierpoint",
        "Q. David P. Sentner, Hearst Newspapers:": "David P. Sentner",
        "Q. David Kraslow, Knight Newspapers:": "David Kraslow",
        "Q. Marvin L. Arrowsmith, Associated Press:": "Marvin L. Arrowsmith",
        "Q. M. Stewart Hensley, United Press International:": "M. Stewart Hensley",
        "Q. John Scali, Associated Press:": "John Scali",
        "Q. Edward V. Koterba, United features:": "Edward V. Koterba",
        "Q. Frank van der Linden, Nashville Banner:": "Frank van der Linden",
        "Q. Mikhail R. Sagatelyan, Tass Telegraph Agency:": "Mikhail R. Sagatelyan",
        "Q. Robert G. Spivack, New York Post:": "Robert G. Spivack",
        "Q. Charles W. Roberts, Newsweek:": "Charles W. Roberts",
        "Marvin L. Arrowsmith, Associated Press:": "Marvin L. Arrowsmith",
    }
    sp = {"THE PRESIDENT.": "Dwight D. Eisenhower", **named}
    extra = {
        0: {"note": "'Good morning. Please sit down.' and his remarks on the Indus River waters agreement (paragraph 1)"},
        9: {"note": "his answer includes a written statement on the Congo read aloud, '[Reading]' to '[Ends reading]' "
                    "(paragraphs 10-14), and runs on to paragraph 15"},
        21: {"note": "the label gives her as 'Mrs. May Craig'; the speaker is written 'May Craig' so that the surname is "
                     "the last word"},
        23: {"note": "'Q. Mrs. Craig:', her follow-up after the President's 'What do you mean by \"tougher road\"?'"},
        25: {"note": "the label prints 'William H. Y. Knighton, Jr.'; the speaker is written without 'Jr.' so that the "
                     "surname is the last word"},
        27: {"note": "'Q. Mr. Knighton: Thank you.' after the President's 'Yes, Sir.'"},
        29: {"note": "his turn runs on to paragraph 31, with footnote 1 (on the President's going to the General Assembly "
                     "on September 22) printed inside paragraph 31"},
        45: {"note": "his turn runs on to paragraph 47: after the bracketed '[Confers with Mr. Hagerty]' (end of paragraph "
                     "46) he corrects himself, 'Well, Russian military crews, I'll correct that.' (paragraph 47, no label); "
                     "Hagerty is not printed as speaking"},
        61: {"note": "his turn runs on to paragraph 62, with a bracketed '[confers with Mr. Hagerty]' inside it"},
        67: {"note": "the closing thanks, labelled with the reporter's name and agency and no 'Q.'"},
    }
    notes = ["The whole conference (41 turns), held during the 1960 presidential campaign (questions on Vice President Nixon, "
             "Senator Kennedy and the Congress's short session): no statement is read at the start; one written answer is "
             "read inside a turn (paragraphs 10-14).",
             "Every question label names the questioner with the paper the first time ('Q. Rutherford M. Poats, United "
             "Press International:'); follow-ups are 'Q. Mrs. Craig:' and 'Q. Mr. Knighton:'. The speaker is the name in "
             "the label; 'Mrs.' and 'Jr.' are left out of the speaker field (see the turns' notes). The closing thanks is "
             "labelled 'Marvin L. Arrowsmith, Associated Press:' without 'Q.'.",
             "Names the President uses ('Mr. Scherer', 'Mr. Arrowsmith', 'Mr. Spivack') agree with the labels. 'Mr. "
             "Hagerty' (the Press Secretary, outside knowledge) is named only in the bracketed '[Confers with Mr. "
             "Hagerty]' and does not speak."]
    return build(339, "1960-09-07", "Dwight D. Eisenhower", sp, extra, notes, 41)


if __name__ == "__main__":
    data = [carter(), ford(), johnson(), eisenhower()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote", OUT, [d["turn_count"] for d in data])
