"""Key phrases: the subjects a document discusses in its own words, beyond the topic vocabulary.

The vocabulary (ontology/reference/topics.ttl) links what it knows; a meeting report also discusses things
no vocabulary foresaw ('fast-track approval', 'equivalent use of languages'). A classic keyword extractor
(RAKE: Rose et al., 2010) finds them without any model: the text is cut into candidate phrases at stop words
(ontology/reference/keyphrase-stopwords.txt) and punctuation, each word scores its degree over its frequency,
a phrase the sum of its words. Only phrases of two to four words with a lower-case word (so not the name of
an organization, person or place), that the vocabulary does not already name, are kept, best first.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from functools import lru_cache

from ..facts import Span
from ..reference import Reference, fold
from ..resources import reference_dir
from .text import sentences

_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w’'-]*[A-Za-z0-9]|[A-Za-z0-9]{2,}|\d+[A-Za-z]+")
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_VERB_END = re.compile(r"\w{3,}ed$", re.IGNORECASE)
#: Words in -ly that are not adverbs.
_NOT_ADVERBS = {"assembly", "family", "supply", "apply", "reply", "anomaly", "italy", "july", "monopoly", "rally",
                "ally", "fly", "only", "early", "daily", "weekly", "monthly", "quarterly", "yearly", "friendly"}


def _adverb(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly") and word not in _NOT_ADVERBS


@lru_cache(maxsize=8)
def word_list(name: str) -> frozenset[str]:
    """A list of words (or patterns) in ontology/reference, one a line, '#' comments."""
    path = reference_dir() / name
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines()
                     if w.strip() and not w.startswith("#"))


def stopwords() -> frozenset[str]:
    return word_list("keyphrase-stopwords.txt")


def nonsubjects() -> frozenset[str]:
    return word_list("keyphrase-nonsubjects.txt")


def _about_the_meeting(ref: Reference, words: list[str]) -> bool:
    """'virtual meeting', 'outgoing vice-chairs', 'Bangkok ahead', 'Japanese delegation': the meeting's own format,
    people or place, or whose they are (a demonym)."""
    from .places import is_demonym
    return any(w.lower() in nonsubjects() or (w[:1].isupper() and (ref.lookup(w, ref.place_kinds) is not None
                                                                  or is_demonym(w)))
               for w in words)


def _candidates(text: str, start: int, end: int, skip) -> list[tuple[int, int, list[str]]]:
    """Runs of content words inside one clause, with their offsets."""
    stop = stopwords()
    spans = sorted(skip)
    starts = [a for a, _ in spans]
    ends = list(itertools.accumulate((b for _, b in spans), max))  # the furthest end of any span starting before
    out = []

    def flush(run: list[re.Match]) -> None:
        while run and _VERB_END.search(run[-1].group()):
            run.pop()  # '... partnerships using', '... standards remains': a verb ends no subject
        if run:
            out.append((run[0].start(), run[-1].end(), [m.group() for m in run]))
        run.clear()

    for s, e in sentences(text, start, end):
        run: list[re.Match] = []
        last_end = s

        for m in _WORD.finditer(text, s, e):
            word = m.group()
            gap = text[last_end:m.start()]
            if run and re.search(r"[^\s]", gap.replace("-", "")):
                flush(run)  # punctuation between the words: another phrase
            last_end = m.end()
            low = word.lower().replace("’", "'")  # ('can’t' is 'can't')
            i = bisect.bisect_right(starts, m.start()) - 1
            # '12-person', 'a two-day forum': a count, or a length, is no subject ('six languages' is one)
            counted = bool(re.search(r"\d-$", text[max(0, m.start() - 2):m.start()])) \
                or bool(re.fullmatch(r"\w+-(?:day|week|month|year|hour)s?(?:-long)?", low))
            if counted or low in stop or low in _MONTHS or word.isdigit() or _ORDINAL.fullmatch(low) or _adverb(low) \
                    or (i >= 0 and m.start() < ends[i]):
                flush(run)
                continue
            run.append(m)
        flush(run)
    return out


def find_keyphrases(ref: Reference, text: str, skip=(), limit: int | None = None) -> list[tuple[str, Span]]:
    """The document's best key phrases as (phrase in lower case, span of its first mention).

    `skip` holds spans that are names (people, organizations, places): a phrase never runs into them.
    """
    cands = _candidates(text, 0, len(text), skip)
    freq: Counter = Counter()
    degree: Counter = Counter()
    for _, _, words in cands:
        for w in words:
            freq[w.lower()] += 1
            degree[w.lower()] += len(words) - 1
    scores: dict[str, float] = defaultdict(float)
    first: dict[str, Span] = {}
    for s, e, words in cands:
        if not 2 <= len(words) <= 4:
            continue
        if all(w[0].isupper() or w.isupper() for w in words):
            continue  # a name ('Example Regulatory Authority'), not a subject
        if sum(len(w) >= 3 for w in words) < 2 or _about_the_meeting(ref, words):
            continue
        phrase = " ".join(w.lower() if not w.isupper() else w for w in words)
        if ref.lookup(phrase, {"Topic"}) is not None:
            continue  # the vocabulary names it: the topic is linked instead
        score = sum((degree[w.lower()] + freq[w.lower()]) / freq[w.lower()] for w in words)
        key = fold(phrase)
        scores[key] = max(scores[key], score) + (0.5 if key in first else 0)  # said again: a bit more telling
        first.setdefault(key, Span.of(text, s, e))
    limit = limit if limit is not None else max(4, min(15, len(text.split()) // 60))
    best = sorted(scores, key=lambda k: (-scores[k], first[k].start))[:limit]
    out = []
    for k in sorted(best, key=lambda k: first[k].start):
        span = first[k]
        words = span.quote.split()
        out.append((" ".join(w.lower() if not w.isupper() else w for w in words), span))
    return out
