"""The generic text reader: YAML front matter, 'Key: value' headers, plain text, file-name metadata.

Inputs are real documents copied into tests/data/generic/ (Miller Center speeches, the UN General
Debate corpus); the whole shared corpora are read by the tests that take `shared_corpus`.
"""
from __future__ import annotations

import collections
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from corpus.errors import DateError, NotADocument, ReaderError
from corpus.readers import ReadOptions, frontmatter, pick_reader
from corpus.text import decode_text

GENERIC = Path(__file__).resolve().parent / "data" / "generic"
TABULAR = Path(__file__).resolve().parent / "data" / "tabular"
CUBA_ADDRESS = GENERIC / "1962-10-22-address-buildup-arms-cuba.txt"
UNGDC = GENERIC / "ungdc"
USA_1962 = UNGDC / "TXT" / "Session 17 - 1962" / "USA_17_1962.txt"
TWO_SPEAKERS = Path(__file__).resolve().parent / "data" / "turns" / "ungdc"     # two speeches in one file
PAK_1962 = TWO_SPEAKERS / "TXT" / "Session 17 - 1962" / "PAK_17_1962.txt"
IRQ_1958 = TWO_SPEAKERS / "TXT" / "Session 13 - 1958" / "IRQ_13_1958.txt"
# Held out for measuring speaker attribution (issue 11): never read by these tests.
HELD_OUT_UNGDC = {"RUS_14_1959", "DNK_15_1960", "ETH_15_1960", "IND_15_1960", "GIN_17_1962", "IND_23_1968",
                  "CMR_24_1969"}


def read_one(path: Path, options: ReadOptions | None = None):
    records = list(frontmatter.read(path, decode_text(path.read_bytes()), options or ReadOptions()))
    assert len(records) == 1
    return records[0]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def reason(tmp_path: Path, name: str, text: str) -> str:
    path = write(tmp_path, name, text)
    with pytest.raises(ReaderError) as info:
        list(frontmatter.read(path, text, ReadOptions()))
    return str(info.value)


# ---------------------------------------------------------------- YAML front matter

def test_front_matter_fills_every_field():
    rec = read_one(GENERIC / "cuba-address-front-matter.md")
    assert rec.native_id == "jfk-1962-10-22-cuba"
    assert rec.title == "Radio and Television Report to the American People on the Soviet Arms Buildup in Cuba"
    assert (rec.date.start, rec.date.end, rec.date.precision) == (date(1962, 10, 22), date(1962, 10, 22), "day")
    assert rec.default_speaker == "John F. Kennedy"
    assert rec.source == "miller"
    assert rec.doc_type == "speech"                       # written as 'type:'
    assert (rec.language, rec.original_language) == ("English", "English")
    assert rec.archive == "Miller Center, University of Virginia"
    assert rec.citation == "Public Papers of the Presidents: John F. Kennedy, 1962, item 485"
    assert rec.url == ("https://millercenter.org/the-presidency/presidential-speeches/"
                       "october-22-1962-address-buildup-arms-cuba")
    assert rec.summary.startswith("Kennedy reports the Soviet offensive missile sites in Cuba")
    assert rec.classification == "Unclassified"
    assert rec.place == "Washington, D.C."
    assert rec.extra == {"broadcast": "radio and television"}
    people = [(p.name, p.role, p.as_printed, p.side) for p in rec.participants]
    assert people == [("John F. Kennedy", "author", "John F. Kennedy", None),
                      ("Khrushchev", "recipient", "Chairman Khrushchev", "USSR")]
    paragraphs = rec.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0] == "Good evening, my fellow citizens:"
    assert paragraphs[2].endswith("report this new crisis to you in fullest detail.")


def test_front_matter_source_falls_back_to_the_option(tmp_path):
    path = write(tmp_path, "note.md", "---\ntitle: Quarantine\nspeakers: [John F. Kennedy, Dean Rusk]\n---\n"
                                      "The quarantine is in effect.\n")
    rec = read_one(path, ReadOptions(source="my-notes"))
    assert rec.source == "my-notes"
    assert rec.default_speaker is None                    # two speakers and no sign of who said what
    assert rec.passages is None
    assert rec.extra["speakers"] == ["John F. Kennedy", "Dean Rusk"]
    assert [(p.name, p.role) for p in rec.participants] == [("John F. Kennedy", "author"), ("Dean Rusk", "author")]
    assert rec.date.precision == "undated"
    assert read_one(path).source is None                 # the pipeline names it after the folder


def test_bad_yaml_is_rejected_with_its_line(tmp_path):
    text = "---\ntitle: Cuba: the quarantine\ndate: 1962-10-22\n---\nThe quarantine is in effect.\n"
    assert reason(tmp_path, "bad.md", text) == \
        "front matter is not valid YAML: mapping values are not allowed here, line 2"


def test_front_matter_that_is_not_a_mapping(tmp_path):
    text = "---\n- Kennedy\n- Khrushchev\n---\nThe quarantine is in effect.\n"
    assert reason(tmp_path, "list.md", text) == "front matter must be a mapping of fields (title:, date: ...)"


def test_front_matter_date_that_is_not_a_date(tmp_path):
    path = write(tmp_path, "d.md", "---\ndate: the week of the crisis\n---\nThe quarantine is in effect.\n")
    with pytest.raises(DateError) as info:
        list(frontmatter.read(path, path.read_text(), ReadOptions()))
    assert str(info.value) == "not a date: 'the week of the crisis'"


def test_empty_inputs(tmp_path):
    assert reason(tmp_path, "empty.txt", " \n\n\t\n") == "no text: the file is empty"
    assert reason(tmp_path, "only.md", "---\ntitle: Nothing here\n---\n\n  \n") == "no text after the front matter"
    assert reason(tmp_path, "open.md", "---\ntitle: Never closed\nThe text.\n") == \
        "front matter is not closed: no second '---' line"
    assert reason(tmp_path, "header.txt", "President: John F. Kennedy\n\n") == "no text after the header"


def test_bad_field_values(tmp_path):
    assert reason(tmp_path, "t.md", "---\ntitle: [a, b]\n---\nText.\n") == \
        "front matter field 'title' must be text, not a list"
    assert reason(tmp_path, "r.md", "---\nparticipants:\n  - name: Dean Rusk\n    role: chair\n---\nText.\n") == \
        "participant role 'chair' is not one of: author, recipient, participant, present"


def test_yaml_dates_and_unknown_fields(tmp_path):
    path = write(tmp_path, "x.md", "---\ndate: 1962-10-27\nreviewed: 2024-01-05\nfolder: 7\n"
                                   "original language: Russian\n---\nText.\n")
    rec = read_one(path)
    assert (rec.date.start, rec.date.text) == (date(1962, 10, 27), "1962-10-27")
    assert rec.original_language == "Russian"
    assert rec.extra == {"reviewed": "2024-01-05", "folder": 7}


# ---------------------------------------------------------------- Miller Center speeches

def test_miller_speech_from_header_and_file_name():
    rec = read_one(CUBA_ADDRESS)
    assert rec.native_id == "1962-10-22-address-buildup-arms-cuba"
    assert rec.title == "Address Buildup Arms Cuba"
    assert (rec.date.start, rec.date.precision, rec.date.text) == (date(1962, 10, 22), "day", "1962-10-22")
    assert rec.doc_type == "speech"
    assert rec.default_speaker == "John F. Kennedy"
    assert rec.extra == {"president": "John F. Kennedy"}
    assert rec.source is None
    assert not rec.text.startswith("President:")          # the header is metadata, not text
    paragraphs = rec.text.split("\n\n")
    assert paragraphs[0] == "Good evening, my fellow citizens:"
    assert paragraphs[-1].endswith("Thank you and good night.")
    assert len(paragraphs) == 31


def test_miller_q_and_a_is_a_transcript():
    rec = read_one(GENERIC / "1981-08-03-remarks-air-traffic-controllers-strike.txt")
    assert rec.doc_type == "transcript"                   # 'remarks' in the slug, but Q. / The President. turns
    assert rec.default_speaker == "Ronald Reagan"
    assert rec.title == "Remarks Air Traffic Controllers Strike"
    assert "\n\nQ. Mr. President, are you going to order any union members" in rec.text


def test_extension_less_file_keeps_its_whole_name(tmp_path):
    path = tmp_path / "1962-10-22-address-buildup-arms-cuba"
    shutil.copy(CUBA_ADDRESS, path)
    assert pick_reader(path, path.read_text()[:1000]) is frontmatter
    rec = read_one(path)
    assert rec.native_id == "1962-10-22-address-buildup-arms-cuba"
    assert rec.date.start == date(1962, 10, 22)


@pytest.mark.parametrize("slug, title, doc_type", [
    ("press-conference-gays-military", "Press Conference Gays Military", "news-conference"),
    ("first-inaugural-address", "First Inaugural Address", "speech"),
    ("state-union-address", "State of the Union Address", "speech"),
    ("debate-richard-nixon-new-york", "Debate Richard Nixon New York", "debate"),
    ("message-regarding-us-cuban-commercial", "Message Regarding U.S. Cuban Commercial", "message"),
    ("proclamation-day-public-humiliation-and-prayer", "Proclamation Day Public Humiliation and Prayer", "proclamation"),
    ("remarks-un-delegation-women", "Remarks UN Delegation Women", "speech"),
])
def test_miller_slugs(slug, title, doc_type):
    assert frontmatter.title_from_slug(slug) == title
    assert frontmatter.doc_type_from_slug(slug) == doc_type


def test_key_value_header(tmp_path):
    path = write(tmp_path, "statement.txt",
                 "Title: Statement on Cuba\nDate: October 28, 1962\nSpeaker: John F. Kennedy\nPlace: Washington\n\n"
                 "I welcome Chairman Khrushchev's statesmanlike decision to stop building bases in Cuba.\n")
    rec = read_one(path)
    assert (rec.title, rec.date.start, rec.default_speaker, rec.place, rec.doc_type) == \
        ("Statement on Cuba", date(1962, 10, 28), "John F. Kennedy", "Washington", "speech")
    assert rec.text == "I welcome Chairman Khrushchev's statesmanlike decision to stop building bases in Cuba."


def test_unknown_header_keys_are_text(tmp_path):
    path = write(tmp_path, "memo.txt", "Subject: Cuba\n\nThe blockade began at 10 a.m.\n")
    rec = read_one(path)
    assert rec.text == "Subject: Cuba\n\nThe blockade began at 10 a.m."
    assert rec.default_speaker is None and rec.doc_type is None


# ---------------------------------------------------------------- UN General Debate

def test_ungdc_speech_with_speaker_from_the_session_table():
    rec = read_one(USA_1962, ReadOptions(root=UNGDC))
    assert rec.native_id == "USA_17_1962"
    assert rec.title == "UN General Debate, session 17 (1962): United States of America"
    assert (rec.date.start, rec.date.end, rec.date.precision) == (date(1962, 1, 1), date(1962, 12, 31), "year")
    assert rec.doc_type == "speech"
    assert rec.default_speaker == "Stevenson"             # 'Mr. STEVENSON ' in the table
    assert rec.extra == {"country": "USA", "session": 17, "country_name": "United States of America"}
    paragraphs = rec.text.split("\n\n")
    assert len(paragraphs) == 74                          # one line per paragraph in the file
    assert paragraphs[1].startswith("38. I should like to begin by reaffirming")


def test_ungdc_speakers_in_the_tables_order_once_each():
    meta = frontmatter.filename_metadata("PAK_17_1962", PAK_1962, TWO_SPEAKERS)
    assert meta.fields["speakers"] == ["Mohammad Ayub Khan", "Ali"]       # 'Mr. Mohammad Ayub KHAN', 'Mr. ALI'
    assert "post" not in meta.extra                                     # 'President' is Ayub Khan's only
    same_man_twice = frontmatter.filename_metadata("RUS_13_1958", PAK_1962, TWO_SPEAKERS)
    assert same_man_twice.fields["speakers"] == ["Gromyko"]            # 'Mr. Gromyko', 'Mr. GROMYKO '
    assert frontmatter.filename_metadata("CUB_17_1962", USA_1962, UNGDC).fields["speakers"] == ["Osvaldo Dorticós"]


def test_ungdc_second_speech_after_the_blank_line():
    """PAK 1962: President Ayub Khan's speech, a blank line, then Mr. Ali's (numbers restart: 164.)."""
    rec = read_one(PAK_1962, ReadOptions(root=TWO_SPEAKERS))
    assert rec.default_speaker is None
    assert rec.extra["speakers"] == ["Mohammad Ayub Khan", "Ali"]
    assert [(p.name, p.role) for p in rec.participants] == [("Mohammad Ayub Khan", "author"), ("Ali", "author")]
    speeches = [(rec.text[p.start:p.start + 24], p.speaker) for p in rec.passages]
    assert speeches == [("Mr. President, for Pakis", "Mohammad Ayub Khan"),
                        ("3. In 1945, when this Or", "Mohammad Ayub Khan"),
                        ("4. However, even at the ", "Mohammad Ayub Khan"),
                        ("The Pakistan delegation ", "Ali"),
                        ("164. The main problems r", "Ali")]


def test_ungdc_record_label_names_the_speaker():
    """IRQ 1958: 'Mr. JAWAD (Iraq):' opens the first speech; Mr. Jomard's starts again at '1.'."""
    rec = read_one(IRQ_1958, ReadOptions(root=TWO_SPEAKERS))
    assert [p.speaker for p in rec.passages] == ["Jawad"] * 3 + ["Jomard"] * 2
    # without the blank line only the record's labels can tell: here they name both speakers
    text = "1. Mr. JAWAD (Iraq): First.\n\n2. More.\n\n1. Mr. JOMARD (Iraq): Second.\n\n2. Again."
    assert frontmatter.speaker_sections(text, text, ["Jawad", "Jomard"]) == [(0, "Jawad"), (39, "Jomard")]
    assert frontmatter.speaker_sections(text.replace("JOMARD", "X"), text.replace("JOMARD", "X"),
                                        ["Jawad", "Jomard"]) is None


def test_a_blank_line_inside_one_speech_is_no_second_speaker(tmp_path):
    body = "1.\tFirst paragraph.\n2.\tSecond paragraph.\n\n3.\tThird paragraph.\n4.\tFourth paragraph.\n"
    path = write(tmp_path, "speech.md", "---\nspeakers: Mr. JAWAD; Mr. JOMARD\n---\n" + body)
    rec = read_one(path)
    assert rec.passages is None and rec.default_speaker is None       # numbers run on: 2. then 3.
    assert rec.extra["speakers"] == ["Mr. JAWAD", "Mr. JOMARD"]          # as written
    assert [p.name for p in rec.participants] == ["Jawad", "Jomard"]


def test_ungdc_without_the_session_table(tmp_path):
    path = tmp_path / "USA_17_1962.txt"
    shutil.copy(USA_1962, path)
    rec = read_one(path, ReadOptions(root=tmp_path))
    assert rec.title == "UN General Debate, session 17 (1962): USA"
    assert rec.default_speaker is None
    assert rec.extra == {"country": "USA", "session": 17}


# ---------------------------------------------------------------- plain text

def test_plain_text_with_a_title_line():
    rec = read_one(GENERIC / "ich_bin_ein_berliner.txt")
    assert rec.native_id == "ich_bin_ein_berliner"
    assert rec.title == "Remarks in the Rudolph Wilde Platz, Berlin"
    assert rec.date.precision == "undated" and rec.date.start is None
    assert rec.doc_type is None and rec.default_speaker is None
    paragraphs = rec.text.split("\n\n")
    assert paragraphs[2] == ('Two thousand years ago the proudest boast was "civis Romanus sum." '
                             'Today, in the world of freedom, the proudest boast is "Ich bin ein Berliner."')


def test_plain_text_without_a_title_line(tmp_path):
    path = write(tmp_path, "notes_on_cuba.txt",
                 "This Government, as promised, has maintained the closest surveillance of the Soviet "
                 "military buildup on the island of Cuba.\n\nWithin the past week, unmistakable evidence "
                 "has established the fact.\n")
    rec = read_one(path)
    assert (rec.native_id, rec.title, rec.date.precision) == ("notes_on_cuba", "Notes on Cuba", "undated")


def test_trailing_year_in_the_file_name(tmp_path):
    rec = read_one(write(tmp_path, "cuba_memo_1962.txt", "Notes on the crisis.\n\nMore notes.\n"))
    assert (rec.date.start, rec.date.end, rec.date.precision) == (date(1962, 1, 1), date(1962, 12, 31), "year")


def test_sniff_takes_text_and_leaves_structured_files(tmp_path):
    assert frontmatter.sniff(Path("a.txt"), "President: John F. Kennedy\n\nGood evening")
    assert frontmatter.sniff(Path("notes"), "Good evening")
    assert not frontmatter.sniff(Path("a.txt"), "PK\x03\x04\x00\x00binary")
    assert not frontmatter.sniff(Path("a.xml"), "<TEI>broken")
    assert not frontmatter.sniff(Path("a"), '<?xml version="1.0"?><TEI>')


def test_a_text_that_a_metadata_table_reads_is_skipped():
    text_file = TABULAR / "miller" / "texts" / "1963-06-26-ich-bin-ein-berliner-speech.txt"
    with pytest.raises(NotADocument) as info:
        read_one(text_file, ReadOptions(root=TABULAR / "miller"))
    assert str(info.value) == "read as row 3 of the table metadata.csv"
    assert read_one(text_file).default_speaker == "John F. Kennedy"    # named alone, it is read


# ---------------------------------------------------------------- the shared corpora

def test_all_miller_center_speeches(shared_corpus):
    folder = shared_corpus / "miller-center-speeches" / "data"
    records = [read_one(path, ReadOptions(root=folder.parent)) for path in sorted(folder.iterdir())]
    assert len(records) == 1010
    assert all(r.date.precision == "day" and r.default_speaker for r in records)
    assert len({r.default_speaker for r in records}) == 44
    types = collections.Counter(r.doc_type for r in records)
    assert types["news-conference"] == 37 and types["debate"] == 13 and types["transcript"] == 5
    by_id = {r.native_id: r for r in records}
    assert by_id["1962-01-11-state-union-address"].title == "State of the Union Address"
    assert by_id["2020-08-08-press-conference-executive-orders"].doc_type == "news-conference"
    jfk = [r for r in records if r.default_speaker == "John F. Kennedy"]
    assert len(jfk) == 46


def test_ungdc_session_17(shared_corpus):
    root = shared_corpus / "ungdc"
    folder = root / "TXT" / "Session 17 - 1962"
    paths = [p for p in sorted(folder.glob("*.txt")) if p.stem not in HELD_OUT_UNGDC]
    records = {r.native_id: r for r in (read_one(p, ReadOptions(root=root)) for p in paths)}
    assert len(records) == 91                             # 92 speeches, GIN_17_1962 held out
    assert records["USA_17_1962"].default_speaker == "Stevenson"
    assert records["RUS_17_1962"].default_speaker == "Gromyko"            # 'Mir. GROMYKO' in the table
    assert records["CUB_17_1962"].default_speaker == "Osvaldo Dorticós"
    assert records["CUB_17_1962"].extra["post"] == "President"
    assert records["RUS_17_1962"].title == "UN General Debate, session 17 (1962): Union of Soviet Socialist Republics"
    assert all(r.date.precision == "year" and r.date.start == date(1962, 1, 1) for r in records.values())


def test_two_speeches_without_a_blank_line_are_told_apart_by_their_signs():
    """Issue 11, round 2: no blank line between the speeches, yet the text shows the change --
    an unnumbered opening paragraph whose next number does not continue the run (PAK 1962, dev),
    numbers starting again at 1 (IRQ 1958, dev), or a later speech that speaks of the first
    speaker in the third person and opens by congratulating the President."""
    pak = PAK_1962.read_text(encoding="utf-8").replace("\n\n", "\n")
    text = frontmatter.paragraph_text(pak)
    sections = frontmatter.speaker_sections(pak, text, ["Mohammad Ayub Khan", "Ali"], ("Pakistan",))
    assert [(text[s:s + 24], name) for s, name in sections] == [
        ("Mr. President, for Pakis", "Mohammad Ayub Khan"), ("The Pakistan delegation ", "Ali")]
    numbered = "\n".join(f"{n}.\tPoint {n} of the first speech." for n in range(1, 8)) + "\n" + \
        "\n".join(f"{n}.\tPoint {n} of the second speech." for n in range(1, 4))
    text = frontmatter.paragraph_text(numbered)
    assert frontmatter.speaker_sections(numbered, text, ["A", "B"])[1] == (text.index("1.\tPoint 1 of the second")
                                                                          if "\t" in text else
                                                                          text.index("1. Point 1 of the second"), "B")
    plain = ("Mr. President, I congratulate you on your election.\nWe ask for peace.\nWe ask for trade.\n"
             "We ask for aid.\nI thank you, Mr. President, for your kind words of welcome to my delegation.\n"
             "The President of Pakistan, Mohammad Ayub Khan, in his address has set forth our view.\nMore.\n")
    text = frontmatter.paragraph_text(plain)
    sections = frontmatter.speaker_sections(plain, text, ["Mohammad Ayub Khan", "Ali"], ("Pakistan",))
    assert sections == [(0, "Mohammad Ayub Khan"), (text.index("I thank you"), "Ali")]
    # one speech, numbers running on, a congratulation in its middle: no sign of a second speaker
    one = "\n".join(f"{n}.\tPoint {n}." for n in range(1, 9)) + "\n9.\tI congratulate the President on his election.\n"
    assert frontmatter.speaker_sections(one, frontmatter.paragraph_text(one), ["A", "B"]) is None


DNK_1960 = TWO_SPEAKERS / "TXT" / "Session 15 - 1960" / "DNK_15_1960.txt"
ETH_1960 = TWO_SPEAKERS / "TXT" / "Session 15 - 1960" / "ETH_15_1960.txt"


def test_a_blank_line_is_one_sign_of_a_second_speech_never_enough_alone():
    """Issue 11, round 3. DNK 1960: after Mr. Krag's '84.' come blank lines, an unnumbered paragraph
    thanking the President 'for his kind words of welcome to the Queen and me', then '4.': the King's
    speech, with the blank lines or without them. ETH 1960: a quoted message, a blank line, then one
    speech numbered on from '20.': two blocks, but no second sign, so no sections."""
    dnk = read_one(DNK_1960, ReadOptions(root=TWO_SPEAKERS))
    assert dnk.extra["speakers"] == ["Krag", "Frederik IX"]     # 'H.M. King FREDERIK IX': no style, no title
    assert [(dnk.text[p.start:p.start + 12], p.speaker) for p in dnk.passages] == [
        ("Disarmament ", "Krag"), ("83. This may", "Krag"), ("84. It is on", "Krag"),
        ("First, I sho", "Frederik IX"), ("4. It is a g", "Frederik IX"),
        ("5. Denmark, ", "Frederik IX")]
    joined = re.sub(r"\n\s*\n", "\n", DNK_1960.read_text(encoding="utf-8"))
    text = frontmatter.paragraph_text(joined)
    assert frontmatter.speaker_sections(joined, text, ["Krag", "Frederik IX"]) == [
        (0, "Krag"), (text.index("First, I should like"), "Frederik IX")]
    eth = read_one(ETH_1960, ReadOptions(root=TWO_SPEAKERS))
    assert eth.extra["speakers"] == ["Haile Selassie X", "Abte Wold"]
    assert eth.passages is None and eth.default_speaker is None
    assert [p.name for p in eth.participants] == ["Haile Selassie X", "Abte Wold"]


# --- round 4 (issue 11): a memorandum for the record in an OCR'd archive release ---------------------

def test_jfk_release_memorandum_for_the_record():
    """jfk_doc_1103.md (the National Archives' 2025 release, OCR): the text reader reads it, the
    text stays as the OCR gave it; the dateline above the heading is the date (the meeting was on
    7 December), the SUBJECT line the title, the body starts after the heading."""
    path = Path(__file__).parent / "data" / "jfk" / "jfk_doc_1103.md"
    text = path.read_text(encoding="utf-8")
    assert pick_reader(path, text[:65536]) is frontmatter
    (record,) = frontmatter.read(path, text, ReadOptions(root=path.parent))
    assert (record.doc_type, record.date.start) == ("memorandum", date(1962, 12, 10))
    assert record.title.startswith("DCI Presentation to the Pre sident's Foreign intelligence")
    assert record.extra["for_the_record"] and record.extra["home_side"] == "US"
    assert record.text[record.extra["body_span"][0]:].startswith("1. After concluding the discussion on Cuba")
    assert record.text.startswith("# Document\n\n## Page 1")              # nothing is cut from the text
    assert record.participants == []                                       # no signer, no initials


# --- round 5 (issue 11): several memoranda in one release file -----------------------------------------

COMPILATION = """# Document

## Page 1

```text
104-10306-10001 | 2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992

19 December 1963

MEMORANDUM FOR THE RECORD

SUBJECT: Meeting with the President on Cuba

1. The President asked that the raids be postponed.

2. I said that the Agency would comply.

Marshall S, Carter
Lieutenant General, USA
Acting Director

14-00000

2 December 1963

MEMORANDUM FOR THE RECORD
EYES ONLY

SUBJECT: Discussion with the President, 30 November 1963

1. He indicated that there must be some Cabinet changes. He asked the DCI to stay.

JAM:mcm

(tape)
14-0000

14 November 1962

MEMORANDUM OF CONVERSATION WITH THE ATTORNEY GENERAL
CONCERNING THE PRISONERS

I told the Attorney General that the negotiation must wait.

Copy to General Carter w/
covering memo - JQHN A. McCONE |

Director

Notes on Remarks by the President

I will start by reviewing areas of policy.
```
"""


def test_a_compilation_of_memoranda_lists_each_with_its_date_writer_and_close():
    """Each heading in capitals opens a memorandum; its dateline is its date, its signature block
    ('Marshall S, Carter / Lieutenant General, USA / Acting Director', 'JQHN A. McCONE' with an
    OCR slip) or the initials of its typist's line ('JAM:mcm': the DCI, John A. McCone) its writer;
    what follows the close (a transcript of remarks) is in no memorandum's body."""
    (record,) = frontmatter.read(Path("jfk_doc_2.md"), COMPILATION, ReadOptions())
    sections = record.extra["memoranda"]
    assert [(s["date"], s["writer"]) for s in sections] == [
        ("1963-12-19", "Marshall S. Carter"), ("1963-12-02", "John McCone"), ("1962-11-14", "John McCone")]
    assert [s["title"] for s in sections[:2]] == ["Meeting with the President on Cuba",
                                                  "Discussion with the President, 30 November 1963"]
    text = record.text
    assert [text[s["body"]:s["body"] + 14] for s in sections] == ["1. The Preside", "1. He indicate", "I told the Att"]
    assert text[:sections[2]["end"]].endswith("McCONE |") and "I will start" in text[sections[2]["end"]:]
    assert record.extra["for_the_record"] and record.date.start == date(1963, 12, 19)   # the first one's


def test_one_memorandum_is_no_compilation():
    path = Path(__file__).parent / "data" / "jfk" / "jfk_doc_1103.md"
    (record,) = frontmatter.read(path, path.read_text(encoding="utf-8"), ReadOptions(root=path.parent))
    assert "memoranda" not in record.extra


# --- OCR'd release files: contact and informant reports (issue 11, round 6) ----------------------

JFK = Path(__file__).resolve().parent / "data" / "jfk"


def test_a_case_officer_signs_with_his_office_symbol():
    """'Alfonso Rodriguez SAS/SO' (a memorandum for the record) and 'Louis De Santi SAS/CI/CP' (one
    memorandum of a compilation): the name before a CIA component's office symbol is the writer."""
    meeting = read_one(JFK / "jfk_doc_482_excerpt.md", ReadOptions(root=JFK))
    assert [(p.name, p.role, p.as_printed) for p in meeting.participants] == [
        ("Alfonso Rodriguez", "author", "Alfonso Rodriguez SAS/SO")]
    assert frontmatter._signature_name("Louis De Santi SAS/CI/CP") == "Louis De Santi"
    assert frontmatter._signature_name("Distribution: 1 - C/SAS") is None


def test_an_fbi_report_is_marked_and_its_body_starts_after_the_address():
    """An SAC's letter to the Director ('DIRECTOR, FBI' / 'SAC, NEW YORK') is a `letter`, a letterhead
    memorandum ('This memorandum is loaned to you by the FBI') a `memorandum`; both report what
    sources said (`source_report`), and the body starts after the reference line."""
    letter = read_one(JFK / "jfk_doc_981_excerpt.md", ReadOptions(root=JFK))
    assert (letter.doc_type, letter.extra["source_report"]) == ("letter", True)
    assert letter.text[letter.extra["body_span"][0]:].startswith("MICHAEL J, P; MALONE")
    memo = read_one(JFK / "jfk_doc_828_excerpt.md", ReadOptions(root=JFK))
    assert (memo.doc_type, memo.extra["source_report"]) == ("memorandum", True)
    assert "The April 9, 1963, issue" in memo.text[memo.extra["body_span"][0]:][:40]


def test_an_fbi_address_run_into_one_line_or_a_loaned_notice_marks_a_report():
    """The OCR runs an airtel's address into one line ('TO: DIRECTOR, FBI 4 FROM: SAC, MIAME', jfk_doc_971;
    the form's 'FROM: SAC, MM TO: DIRECTOR, FBI', jfk_doc_962): an SAC writing to the Director; 'It is
    the property of the FBI and is loaned to your agency' (jfk_doc_1015) is the letterhead's notice."""
    found = {}
    for number in ("971", "962", "1015"):
        record = read_one(JFK / f"jfk_doc_{number}.md", ReadOptions(root=JFK))
        found[number] = (record.doc_type, record.extra.get("source_report"))
    assert found == {"971": ("letter", True), "962": ("letter", True), "1015": ("memorandum", True)}


def test_a_contact_or_interview_report_names_its_subject_and_its_source():
    """'Subject' and 'Source' in contact and interview reports (round 7): the person the SUBJECT line
    names, its OCR'd surname written as the text prints it often ('Rodrigues' once, 'RODRIGUEZ' often),
    is `report_subject`; the person 'On <date>, <name>, ..., was interviewed' names is `report_source`,
    also on a page without the release stamp (jfk_doc_384); both are reports of what their man said
    (`source_report`), as an airtel ('FD-36', 'Reference Buairtel') is. A SUBJECT line that names no
    person ('Meeting with AMBANG-1') gives none; a title is not read as a name."""
    contact = read_one(JFK / "jfk_doc_321_excerpt.md", ReadOptions(root=JFK))
    assert (contact.extra["report_subject"], contact.extra["source_report"]) == ("Jose Antonlo Casas Rodriguez", True)
    interview = read_one(JFK / "jfk_doc_386_excerpt.md", ReadOptions(root=JFK))
    assert interview.extra["report_source"] == "Ignacio Pla Vartinez"
    unstamped = read_one(JFK / "jfk_doc_384.md", ReadOptions(root=JFK))
    assert (unstamped.extra["report_source"], unstamped.extra["source_report"]) == ("Juan Rodriguez Jobolea", True)
    airtel = read_one(JFK / "jfk_doc_996_excerpt.md", ReadOptions(root=JFK))
    assert airtel.extra["source_report"] is True and "report_subject" not in airtel.extra
    meeting = read_one(JFK / "jfk_doc_482_excerpt.md", ReadOptions(root=JFK))
    assert "report_subject" not in meeting.extra and "report_source" not in meeting.extra
    assert frontmatter._printed_person("[Jose Antonlo CASAS Rodrigues) 201 {327702)|_", "RODRIGUEZ " * 3) == (
        "Jose Antonlo Casas Rodriguez")
    assert frontmatter._printed_person("Requirements Briefing to FBI Informant", "") is None


def test_an_addressed_memorandum_is_read_as_its_writers_record():
    """'MEMORANDUM FOR: Chief, Support Branch DATE: ... FROM. : Mr. Ramon R. Hart : SUBJECT : ...' run
    together in one paragraph (jfk_doc_200): a memorandum, its body after that heading."""
    memo = read_one(JFK / "jfk_doc_200_excerpt.md", ReadOptions(root=JFK))
    assert (memo.doc_type, memo.extra.get("for_the_record")) == ("memorandum", True)
    assert memo.text[memo.extra["body_span"][0]:].startswith("#210 838\n\n1. On 24 June 1963")


def test_a_release_stamp_whose_first_word_the_ocr_lost_still_marks_a_release():
    """'2025 — UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT OF 1992' (jfk_doc_902: OCR
    lost 'RELEASE') is the release stamp: the record is marked `archive_release`, read as a record of
    the release (corpus.speakers.is_labelled_release), with the US side as its home."""
    log = read_one(JFK / "jfk_doc_902_excerpt.md", ReadOptions(root=JFK))
    assert "RELEASE UNDER" not in log.text and "UNDER THE PRESIDENT JOHN F. KENNEDY" in log.text
    assert log.extra.get("archive_release") is True and log.extra.get("home_side") == "US"
    assert "for_the_record" not in log.extra                              # no memorandum heading
