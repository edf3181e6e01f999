"""Vietnamese alphabetical order, for lists sorted by name.

Letters: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y; a letter's tone marks
count only after the letters (the dictionary order ngang, huyền, hỏi, ngã, sắc, nặng).
A person is sorted by given name (the last word), then the rest of the name.
"""

from __future__ import annotations

import functools
import unicodedata

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}
# Combining marks: tones (ranked) and the letter-forming marks (breve, circumflex, horn).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_FORMING = {"\u0306", "\u0302", "\u031b"}

SortKey = tuple[tuple[int, ...], tuple[int, ...], str]


@functools.cache
def _rank(char: str) -> tuple[int, int]:
    """A lower-case NFC character's base-letter rank and tone rank."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = next((_TONES[m] for m in decomposed[1:] if m in _TONES), 0)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    if base in _LETTER_RANK:
        return _LETTER_RANK[base], tone
    if base.isalnum():
        return len(ALPHABET) + ord(base), tone  # digits and foreign letters after y
    return -1, tone  # spaces and punctuation before any letter


def _letters(text: str) -> tuple[list[int], list[int]]:
    """Ranks of the base letters and of their tones, for a lower-case text."""
    ranks = [_rank(char) for char in unicodedata.normalize("NFC", text.lower())]
    return [base for base, _tone in ranks], [tone for _base, tone in ranks]


@functools.lru_cache(maxsize=1 << 16)
def text_key(text: str) -> SortKey:
    bases, tones = _letters(text)
    return tuple(bases), tuple(tones), text


def name_key(name: str) -> tuple[SortKey, SortKey]:
    """Given name first, then the family and middle names: 'Nguyễn Văn An' sorts by 'An'."""
    words = name.split()
    if not words:
        return text_key(""), text_key("")
    return text_key(words[-1]), text_key(" ".join(words[:-1]))
