"""Common words, for reading cables typed in capitals (corpus.lexicon)."""
from __future__ import annotations

from corpus.lexicon import WORDS_FILE, build, common_words, mostly_capitals, recased
from tests.conftest import DATA


def test_common_words_hold_the_verbs_of_speech_and_no_surnames_of_the_seeds():
    words = common_words()
    assert {"said", "told", "he", "that", "the", "replied"} <= words
    assert not {"khrushchev", "castro", "lombardo", "kennedy", "mikoyan"} & words


def test_a_cable_line_gets_the_case_a_report_prints():
    line = "LOMBARDO TOLD ROMERO HE WOULD CONTACT HIM ON HIS RETURN FROM BRAZIL. HE SAID THE PRESIDENT KNEW."
    assert recased(line) == ("LOMBARDO told ROMERO he would contact him on his return from BRAZIL. He said the "
                             "president knew.")
    assert len(recased(line)) == len(line)
    assert recased("IN SAN JOSE,. SAID THAT") == "In SAN JOSE,. said that"          # OCR's ',.' ends nothing
    assert recased("BALL SAID", keep=lambda word: word == "BALL") == "BALL said"


def test_mostly_capitals():
    assert mostly_capitals("LOMBARDO TOLD ROMERO HE WANTED")
    assert not mostly_capitals("Lombardo told Romero he wanted")
    assert not mostly_capitals("SECRET")                     # too short to tell


def test_the_word_list_is_what_build_gives_for_the_seeds(tmp_path):
    """The shipped list is rebuilt from seeds/ by `python -m corpus.lexicon seeds`."""
    seeds = DATA.parent.parent / "seeds"
    shipped = [w for w in WORDS_FILE.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
    assert shipped == build(seeds)
    (tmp_path / "a.txt").write_text("The cable said that. The cable said so. Castro", encoding="utf-8")
    assert build(tmp_path) == ["cable", "said"]
