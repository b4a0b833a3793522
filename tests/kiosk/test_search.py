"""Search by Hindi, English or romanised words, with small typos, ranked sensibly over 1,200 services."""

from __future__ import annotations

import pytest

from kiosk.catalogue import DEFAULT_CATALOGUE, Catalogue, load_catalogue
from kiosk.catalogue_gen import scaled_catalogue
from kiosk.search import SearchIndex, naive_search, normalise_word


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return scaled_catalogue(load_catalogue(DEFAULT_CATALOGUE), 1200)


@pytest.fixture(scope="module")
def index(catalogue: Catalogue) -> SearchIndex:
    return SearchIndex(catalogue)


def top(index: SearchIndex, query: str, n: int = 3) -> list[str]:
    return [hit.service.id for hit in index.search(query)[:n]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bijli bill", "jvvnl-bill"),
        ("बिजली बिल", "jvvnl-bill"),
        ("electricity", "jvvnl-bill"),
        ("bijlee", "jvvnl-bill"),
        ("pani ka bill", "phed-water"),
        ("जाति प्रमाण पत्र", "caste-cert"),
        ("jati praman patra", "caste-cert"),
        ("jamabandi", "jamabandi-copy"),
        ("mool niwas", "domicile-cert"),
    ],
)
def test_common_words_find_the_right_service_first(index: SearchIndex, query: str, expected: str) -> None:
    assert top(index, query, 1) == [expected]


@pytest.mark.parametrize(("typo", "expected"), [("electrcity", "jvvnl-bill"), ("jamabndi", "jamabandi-copy")])
def test_one_letter_typos_still_find_the_service(index: SearchIndex, typo: str, expected: str) -> None:
    assert expected in top(index, typo)


def test_partial_word_while_typing_already_finds_the_service(index: SearchIndex) -> None:
    assert "jamabandi-copy" in top(index, "jamab")
    assert top(index, "बिज", 1) == ["jvvnl-bill"]


def test_district_words_narrow_generated_services(index: SearchIndex) -> None:
    hits = index.search("kota widow pension")
    assert hits[0].service.id.startswith("widow-pension-kota")


def test_sample_service_outranks_generated_ones_on_a_tie(index: SearchIndex) -> None:
    assert top(index, "pension", 1) == ["pension-status"]


def test_gibberish_and_empty_queries_find_nothing(index: SearchIndex) -> None:
    assert index.search("") == []
    assert index.search("   ") == []
    assert index.search("qqqqxz") == []


def test_romanised_spelling_variants_fold_together() -> None:
    assert normalise_word("bijlee") == normalise_word("bijli")
    assert normalise_word("paani") == normalise_word("pani")


def test_naive_baseline_misses_a_romanised_typo_the_index_finds(catalogue: Catalogue, index: SearchIndex) -> None:
    assert naive_search(catalogue, "electrcity") == []
    assert index.search("electrcity")
