"""Find a service by Hindi words, English words or romanised spellings, tolerant of small typos, over a fixed index."""

from __future__ import annotations

import heapq
import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from kiosk.catalogue import Catalogue, Service

# Weights: a word of the service's own name counts most, then its keywords and spellings, then its category.
NAME, KEYWORD, CATEGORY = 3.0, 2.0, 1.0
EXACT, PREFIX, TYPO = 1.0, 0.8, 0.6
SHORT_PREFIX = 2  # query words this short are answered from merged postings built with the index
# Little words that would match half the catalogue ("ka bill", "की नकल").
STOPWORDS = frozenset({"ka", "ki", "ke", "ko", "the", "of", "a", "का", "की", "के", "को", "(", ")"})
_WORD = re.compile(r"[\w\u0900-\u097f]+")
# Folding of common romanised spelling variants, applied to index and query alike ("bijlee" = "bijli").
_LATIN_FOLDS = (("aa", "a"), ("ee", "i"), ("oo", "u"), ("ph", "f"), ("sh", "s"), ("w", "v"), ("z", "j"), ("y", "i"))


def normalise_word(word: str) -> str:
    word = unicodedata.normalize("NFC", word.lower())
    word = word.replace("\u093c", "").replace("\u0901", "\u0902")  # nukta dropped; chandrabindu read as anusvara
    if word.isascii():
        for old, new in _LATIN_FOLDS:
            word = word.replace(old, new)
    return word


def words(text: str) -> list[str]:
    found = (normalise_word(w) for w in _WORD.findall(text))
    return [w for w in found if w and w not in STOPWORDS]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@dataclass(frozen=True, slots=True)
class Hit:
    service: Service
    score: float


class SearchIndex:
    """Built once per catalogue; each query touches only the postings of the words it matches."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.services = catalogue.services
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)
        category_names = {c.id: f"{c.name_hi} {c.name_en}" for c in catalogue.categories}
        for index, service in enumerate(catalogue.services):
            self._add(index, f"{service.name_hi} {service.name_en}", NAME)
            extra = " ".join((*service.keywords_hi, *service.keywords_en, *service.romanised))
            self._add(index, extra, KEYWORD)
            self._add(index, category_names.get(service.category, ""), CATEGORY)
        self.vocabulary = sorted(self.postings)
        # The first key or two match a large part of the vocabulary: merge those postings once, here.
        self.short_prefixes: dict[str, dict[int, float]] = defaultdict(dict)
        for word in self.vocabulary:
            for length in range(1, min(SHORT_PREFIX, len(word)) + 1):
                merged = self.short_prefixes[word[:length]]
                quality = EXACT if length == len(word) else PREFIX
                for index, weight in self.postings[word].items():
                    if weight * quality > merged.get(index, 0.0):
                        merged[index] = weight * quality
        self.typo_map: dict[str, set[str]] = defaultdict(set)
        for word in self.vocabulary:
            if len(word) >= 4:
                for deleted in _deletes(word):
                    self.typo_map[deleted].add(word)

    def _add(self, index: int, text: str, weight: float) -> None:
        for word in words(text):
            posting = self.postings[word]
            posting[index] = max(posting.get(index, 0.0), weight)

    def _matches(self, query_word: str) -> dict[str, float]:
        """Vocabulary words this query word may mean, with how well they match."""
        found: dict[str, float] = {}
        start = bisect_left(self.vocabulary, query_word)
        for word in self.vocabulary[start:]:
            if not word.startswith(query_word):
                break
            found[word] = EXACT if word == query_word else PREFIX
        if len(query_word) >= 4:
            # Damerau-ish distance 1 via shared deletions: an extra, a missing or a wrong letter.
            candidates = set(self.typo_map.get(query_word, ()))
            for deleted in _deletes(query_word):
                candidates |= self.typo_map.get(deleted, set())
                if deleted in self.postings:
                    candidates.add(deleted)
            for word in candidates:
                found.setdefault(word, TYPO)
        return found

    def _best(self, query_word: str) -> dict[int, float]:
        """Each service's best score for this one query word."""
        if len(query_word) <= SHORT_PREFIX:
            return self.short_prefixes.get(query_word, {})
        best: dict[int, float] = {}
        for word, quality in self._matches(query_word).items():
            for index, weight in self.postings[word].items():
                score = weight * quality
                if score > best.get(index, 0.0):
                    best[index] = score
        return best

    def search(self, query: str, *, limit: int = 20) -> list[Hit]:
        query_words = words(query)
        if not query_words:
            return []
        totals: dict[int, float] = defaultdict(float)
        matched: dict[int, int] = defaultdict(int)
        for query_word in query_words:
            best = self._best(query_word)
            for index, score in best.items():
                totals[index] += score
                matched[index] += 1
        # Services matching every word come first; the rest follow as "maybe" results.
        needed = len(query_words)
        services = self.services
        ranked = heapq.nsmallest(
            limit, totals, key=lambda i: (matched[i] < needed, -totals[i], services[i].rank, len(services[i].name_en))
        )
        return [Hit(services[i], totals[i]) for i in ranked]


def naive_search(catalogue: Catalogue, query: str, *, limit: int = 20) -> list[Service]:
    """The baseline the benchmark compares against: case-folded substring scan of every name and keyword."""
    needle = query.strip().lower()
    found = []
    for service in catalogue.services:
        haystack = " ".join(
            (service.name_hi, service.name_en, *service.keywords_hi, *service.keywords_en, *service.romanised)
        ).lower()
        if needle and needle in haystack:
            found.append(service)
    return found[:limit]
