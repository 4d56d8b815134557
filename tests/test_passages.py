"""A speaker alone, with no words: the search lists that speaker's passages (engine, CLI, site,
CSV, document view); a search with no hits says how many documents the filters left; the corpus
coverage on the home and browse pages; short citations (corpus/citation.py) on hits, documents
and CSV rows. All on the bundled seeds."""
from __future__ import annotations

import csv
import io
import re

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from corpus.citation import cite, source_title
from corpus.models import Document, Passage, Person
from corpus.text import tokenize
from search.engine import Scope, SearchRequest
from search.errors import SearchError
from web import create_app
from web.cli import cli

BLAS_ROCA_STARTS = [432, 751, 868, 1139, 1812, 2600, 2941, 3367, 3543, 3763, 3857, 4180, 5001, 5618, 6217, 6329,
                    6756]
WILSON_300041 = ("“Summary of a Conversation between Cde. A. M. Rumyantsev, Editor-in-Chief of the journal 'Problemy "
                 "Mira i Sotsializma', and Cde. Blas Roca, Member of the Secretariat of the National Leadership of "
                 "the United Revolutionary Organizations”, Wilson Center Digital Archive, record 300041")


@pytest.fixture(scope="module")
def engine(corpus_index):
    return corpus_index[2]


@pytest.fixture(scope="module")
def client(corpus_index):
    return create_app({"INSTANCE": str(corpus_index[1]), "TESTING": True}).test_client()


def speaker_passages(catalog, name: str) -> list[tuple[str, int, int]]:
    """(document, start, end) of every passage the catalog gives to `name`, in text order."""
    with catalog.session() as s:
        rows = s.execute(select(Passage.document_id, Passage.start, Passage.end).join(Person)
                         .where(Person.name == name).order_by(Passage.document_id, Passage.start))
        return [(doc_id, start, end) for doc_id, start, end in rows]


def speaker_texts(catalog, name: str) -> list[tuple[str, int, int, str]]:
    """(document, start, end, the document's text) of every passage the catalog gives to `name`."""
    with catalog.session() as s:
        rows = s.execute(select(Passage.document_id, Passage.start, Passage.end, Document.text).join(Person)
                         .join(Document, Document.id == Passage.document_id).where(Person.name == name))
        return [(doc_id, start, end, text) for doc_id, start, end, text in rows]


# ---------------------------------------------------------------- the engine

def test_a_speaker_alone_lists_every_passage_of_that_speaker(engine, corpus_index):
    result = engine.search(SearchRequest(query="", speaker="Blas Roca", limit=50))
    assert (result.kind, result.total_hits, result.total_documents) == ("passages", 17, 1)
    assert [(h.doc_id, h.start) for h in result.hits] == [(d, a) for d, a, _ in speaker_passages(corpus_index[0],
                                                                                               "Blas Roca")]
    assert [h.start for h in result.hits] == BLAS_ROCA_STARTS
    first = result.hits[0]
    assert first.match == ("Cde. Blas Roca warned that in this conversation he was expressing his purely personal "
                           "opinion based on information of the European press He has not had an opportunity to "
                           "consult with members of the National Leadership and quickly left for Havana on Sunday "
                           "after receiving a telegraphed call from the Cuban government.")
    assert (first.left, first.right, first.end, first.speaker, first.date) == ("", "", 749, "Blas Roca", "1962-11-02")
    assert result.facets["speaker"] == {"Blas Roca": 17} and result.facets["year"] == {"1962": 17}


def test_a_speaker_filter_in_the_query_with_dates_lists_passages_in_document_order(engine):
    result = engine.search(SearchRequest(query="speaker:Kennedy", date_from="1961-06", date_to="1961-06", limit=3,
                                         sort="document"))
    # 70 passages: d91's 'Senator Russell asked how long ... The President said we would answer' and
    # 'The President discussed privately with Senator Fulbright' are the President's.
    assert (result.kind, result.total_hits, result.total_documents) == ("passages", 70, 8)
    assert [(h.doc_id, h.date, h.match[:40], h.right) for h in result.hits] == [
        ("frus1961-63v05:d83", "1961-06-03", "The President said he wanted to express ", "…"),
        ("frus1961-63v05:d83", "1961-06-03", "The President replied that he also remem", ""),
        ("frus1961-63v05:d83", "1961-06-03", "The President stated that as President, ", "…")]


def test_a_long_passage_is_cut_at_sixty_words(engine, corpus_index):
    hits = engine.search(SearchRequest(query="", speaker="Nikita Khrushchev", limit=200)).hits
    cut = [h for h in hits if h.right == "…"]
    lengths = {(d, a): len(tokenize(text[a:e]))
               for d, a, e, text in speaker_texts(corpus_index[0], "Nikita Khrushchev")}
    assert len(hits) == len(lengths)
    assert {(h.doc_id, h.start) for h in cut} == {key for key, n in lengths.items() if n > 60}
    assert all(len(tokenize(h.match)) == 60 for h in cut)
    assert (cut[0].doc_id, cut[0].start, cut[0].end) == ("frus1961-63v05:d10", 34, 432)
    assert cut[0].match.endswith("on as appropriate notification received from US that we were")


def test_filters_without_a_speaker_are_still_refused(engine):
    with pytest.raises(SearchError) as err:
        engine.search(SearchRequest(query="source:wilson year:1962"))
    assert str(err.value) == ("the query has only filters; add a word or phrase to search for "
                              "(or a speaker filter alone, to list that speaker's passages)")
    with pytest.raises(SearchError) as empty:
        engine.search(SearchRequest(query=""))
    assert str(empty.value) == ("the query is empty; give a word or phrase to search for, or a speaker to list "
                                "that speaker's passages")


def test_statistics_need_words_even_with_a_speaker(engine):
    from search.stats import collocates
    with pytest.raises(SearchError) as err:
        collocates(engine, SearchRequest(query="speaker:Kennedy"))
    assert str(err.value) == ("a speaker filter alone lists that speaker's passages in a search, but there is "
                              "nothing to count here; add a word or phrase")


def test_documents_in_scope_counts_what_the_filters_leave(engine):
    assert engine.documents_in_scope(SearchRequest(query="zzqx", source="wilson")) == Scope(12, True)
    assert engine.documents_in_scope(SearchRequest(query="zzqx year:1962")) == Scope(84, True)
    assert engine.documents_in_scope(SearchRequest(query="zzqx")) == Scope(402, False)
    assert engine.documents_in_scope(SearchRequest(query="zzqx", date_from="1800", date_to="1801")) == Scope(0, True)


# ---------------------------------------------------------------- the command line

def test_corpus_search_with_only_a_speaker_prints_passages(corpus_index):
    result = CliRunner().invoke(cli, ["--instance", str(corpus_index[1]), "search", "--speaker", "Blas Roca",
                                      "--limit", "2"])
    lines = result.output.splitlines()
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"17 passages in 1 document \(\d+ ms\)", lines[0])
    assert lines[2] == ("1962-11-02  wilson:300041                 Blas Roca           In the opinion of Cde. Blas "
                        "Roca the recent events connected with the Cuban problem ought to be viewed as a defeat.")
    assert lines[3] == "Passages 1–2 of 17; --offset 2 for more."
    empty = CliRunner().invoke(cli, ["--instance", str(corpus_index[1]), "search"])
    assert (empty.exit_code, empty.output) == (2, "Error: the query is empty; give a word or phrase to search for, "
                                                  "or a speaker to list that speaker's passages\n")


# ---------------------------------------------------------------- the site

def test_the_search_page_lists_a_speakers_passages(client):
    body = client.get("/search?speaker=Blas+Roca").get_data(as_text=True)
    assert re.search(r'<p id="totals">(.*?)</p>', body).group(1) == "17 passages of Blas Roca in 1 document"
    links = re.findall(r'class="passage-link" href="([^"]+)">', body)
    assert links[:2] == ["/doc/wilson:300041?speaker=Blas+Roca#hit-432", "/doc/wilson:300041?speaker=Blas+Roca#hit-751"]
    assert len(links) == 17
    assert 'id="coverage"' not in body


def test_the_document_view_marks_the_speakers_passages(client, corpus_index):
    body = client.get("/doc/wilson:300041?speaker=Blas+Roca").get_data(as_text=True)
    marked = [int(n) for n in re.findall(r'<mark class="hit" id="hit-(\d+)">', body)]
    assert marked == [a for _d, a, _e in speaker_passages(corpus_index[0], "Blas Roca")] == BLAS_ROCA_STARTS
    assert re.search(r'class="hit-count">(.*?)</span>', body).group(1) == "17 passages of Blas Roca"
    assert "← back to the passages of Blas Roca" in body
    filters_only = client.get("/doc/wilson:300041?q=source:wilson").get_data(as_text=True)
    assert re.findall(r'<p class="warning">(.*?)</p>', filters_only) == [
        "The hits of this query cannot be marked: the query has only filters; add a word or phrase to search for "
        "(or a speaker filter alone, to list that speaker&#39;s passages)"]
    assert '<mark class="hit"' not in filters_only


def test_a_search_with_no_hits_says_how_many_documents_were_searched(client):
    def scope(url):
        return re.search(r'<p id="scope" class="scope">(.*?)</p>', client.get(url).get_data(as_text=True)).group(1)
    assert scope("/search?q=zzqx") == "The whole corpus was searched: 402 documents."
    assert scope("/search?q=zzqx&source=wilson") == "12 documents lie within these filters."
    assert scope("/search?q=zzqx+year:1962") == "84 documents lie within these filters."
    assert scope("/search?q=zzqx&from=1800&to=1801") == "0 documents lie within these filters: widen them first."


def test_the_home_page_lists_what_each_source_covers(client):
    body = client.get("/").get_data(as_text=True)
    table = re.search(r'<table id="coverage".*?</table>', body, re.S).group(0)
    rows = re.findall(r'<tr data-source="([^"]+)">\s*<td class="source"><a href="[^"]+">(.*?)</a></td>\s*'
                      r'<td class="range">(.*?)</td>\s*<td class="count">(\d[\d,]*)', table)
    assert rows == [("frus1961-63v05", "Foreign Relations of the United States, 1961-63, Volume V",
                     "1960-12-01 – 1963-12-31", "390"),
                    ("wilson", "Wilson Center Digital Archive", "1949-04-01 – 1997-10-31", "12")]


def test_the_document_page_gives_its_citation(client):
    body = client.get("/doc/frus1961-63v05:d85").get_data(as_text=True)
    assert re.search(r'<dd class="meta-cite" id="cite">(.*?)</dd>', body).group(1) == "FRUS 1961-63, vol. V, doc. 85"
    wilson = client.get("/doc/wilson:300041").get_data(as_text=True)
    assert re.search(r'<dd class="meta-cite" id="cite">(.*?)</dd>', wilson).group(1) == (
        WILSON_300041.replace("'", "&#39;"))


def test_the_spreadsheet_csv_has_no_notes_rows_and_starts_with_a_bom(client):
    response = client.get("/export.csv?speaker=Blas+Roca&excel=1")
    data = response.get_data(as_text=True)
    assert response.headers["Content-Disposition"] == 'attachment; filename="passages-blas-roca.csv"'
    assert data.startswith("\ufeffn,doc_id,date,speaker,left,match,right,title,citation,start,end,link,cite\r\n")
    rows = list(csv.reader(io.StringIO(data[1:])))
    assert len(rows) == 18 and not any(r[0].startswith("#") for r in rows)
    assert rows[2][:6] == ["2", "wilson:300041", "1962-11-02", "Blas Roca", "",
                           "In the opinion of Cde. Blas Roca the recent events connected with the Cuban problem "
                           "ought to be viewed as a defeat."]
    assert rows[2][12] == WILSON_300041
    plain = client.get("/export.csv?q=blockade&per=5").get_data(as_text=True)
    assert plain.startswith("# query: blockade\r\n")
    hit_rows = [r for r in csv.reader(io.StringIO(plain)) if r and r[0].isdigit()]
    assert hit_rows[0][1] == "frus1961-63v05:d87" and hit_rows[0][12] == "FRUS 1961-63, vol. V, doc. 87"


# ---------------------------------------------------------------- citations by rule

@pytest.mark.parametrize("doc_id, title, source, expected", [
    ("frus1961-63v05:d85", "Memorandum of Conversation", "frus1961-63v05", "FRUS 1961-63, vol. V, doc. 85"),
    ("frus1918Russiav03:d139", "The Ambassador in Russia", "frus1918Russiav03", "FRUS 1918, Russia, vol. III, doc. 139"),
    ("frus1894Nicaragua:d79", "Mr. Baker to Mr. Gresham", "frus1894Nicaragua", "FRUS 1894, Nicaragua, doc. 79"),
    ("frus1936v03:d85", "Memorandum", "frus1936v03", "FRUS 1936, vol. III, doc. 85"),
    ("wilson:300242", "The Chancellor's Meeting", "wilson",
     "“The Chancellor's Meeting”, Wilson Center Digital Archive, record 300242"),
    ("speeches:1962-10-22", "Address on the Buildup of Arms in Cuba", "miller-center-speeches",
     "Address on the Buildup of Arms in Cuba, Miller center speeches"),
])
def test_short_citations(doc_id, title, source, expected):
    assert cite(doc_id, title, source) == expected


def test_source_titles():
    assert source_title("frus1961-63v05") == "Foreign Relations of the United States, 1961-63, Volume V"
    assert source_title("frus1919Parisv11") == "Foreign Relations of the United States, 1919, Paris, Volume XI"
    assert source_title("wilson") == "Wilson Center Digital Archive"
    assert source_title("presidential-news-conferences-debates") == "Presidential news conferences debates"
    assert source_title("MyArchive") == "MyArchive"


def test_a_speakers_passages_can_be_saved_from_the_page(corpus_index, tmp_path):
    import shutil
    instance = tmp_path / "instance"
    shutil.copytree(corpus_index[1], instance)
    client = create_app({"INSTANCE": str(instance), "TESTING": True}).test_client()
    body = client.get("/search?speaker=Blas+Roca").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', body).group(1)
    saved = client.post("/saved", data={"csrf_token": token, "speaker": "Blas Roca", "name": "Roca"},
                        follow_redirects=True)
    page = saved.get_data(as_text=True)
    assert saved.status_code == 200
    assert "Saved as &#39;Roca&#39;: 17 hits in 1 document at corpus version" in page
    assert '<a class="results-link" href="/search?speaker=Blas+Roca">the speaker\'s passages</a>' in page
