"""A suffix-stripping Kazakh stemmer for search: peels inflectional endings, outermost first, until none applies.

Kazakh is agglutinative: ``министрліктерінің`` = министрлік + тер (plural) + і (possessive) + нің (genitive).
Search needs one stem shared by all inflected forms of a word, not a linguistically perfect lemma. Each pass
strips at most one ending per layer — case, possessive, plural, then verbal — and passes repeat until nothing
changes, so ``stem(stem(w)) == stem(w)`` and all forms of a word converge on the same string.

Phonotactics keep it from eating word bodies: an ending is removed only after the sound it can follow
(``ны`` after a vowel, ``ды``/``ты`` after a consonant, ``на``/``н``/``нда`` only after a 3rd-person possessive
``ы``/``і``, plural ``лар`` only after a vowel or р/й/у, …). A stem keeps at least ``MIN_STEM`` letters and a vowel.
Word-final voiced ``г``/``ғ``/``б`` are written voiceless (``министрлігі`` → ``министрліг`` → ``министрлік``)
so that the two spellings a stem takes before and after a vowel meet.
"""

from __future__ import annotations

from functools import lru_cache

MIN_STEM = 3

VOWELS = frozenset("аәеиоөуұүыіэюяё")
VOICELESS = frozenset("пфкқтсшщхцчһ")
CONSONANTS = frozenset("бвгғджзйклмнңпрстфхһцчшщ")
_V = VOWELS
_C = CONSONANTS
_VL = VOICELESS
_VOICED = CONSONANTS - VOICELESS
_VL_PLUS = VOICELESS | frozenset("бвгд")  # take the voiceless variant of an ending (Тоқаевтың, клубтың)
_VOICED_ORAL = _VOICED - _VL_PLUS - frozenset("мнң")  # л р й у з ж: take д-endings
_POSS3 = frozenset("ыі")
_NASAL = frozenset("мнң")
_PLURAL_L = VOWELS | frozenset("рйу")
_ANY: frozenset[str] = frozenset()  # empty = no constraint

# (ending, set of letters allowed right before it)
_CASE: list[tuple[str, frozenset[str]]] = [
    # genitive
    *((e, _V | _NASAL) for e in ("ның", "нің")),
    *((e, _VOICED_ORAL | frozenset("у")) for e in ("дың", "дің")),
    *((e, _VL_PLUS) for e in ("тың", "тің")),
    # dative
    *((e, _V | _VOICED) for e in ("ға", "ге")),
    *((e, _VL_PLUS) for e in ("қа", "ке")),
    *((e, _POSS3) for e in ("на", "не")),
    # accusative
    *((e, _V) for e in ("ны", "ні")),
    *((e, (_VOICED - _VL_PLUS) | frozenset("у")) for e in ("ды", "ді")),
    *((e, _VL_PLUS) for e in ("ты", "ті")),
    ("н", _POSS3),
    # locative (+ attributive -ғы/-гі)
    *((e, _V | _VOICED) for e in ("да", "де", "дағы", "дегі")),
    *((e, _VL_PLUS) for e in ("та", "те", "тағы", "тегі")),
    *((e, _POSS3) for e in ("нда", "нде", "ндағы", "ндегі")),
    # ablative
    *((e, _V | _VOICED) for e in ("дан", "ден")),
    *((e, _VL_PLUS) for e in ("тан", "тен")),
    *((e, _POSS3 | _NASAL) for e in ("нан", "нен")),
    # instrumental
    *((e, _ANY) for e in ("мен", "бен", "пен", "менен", "бенен", "пенен")),
    *((e, _POSS3) for e in ("мен",)),
    # equative / similative
    *((e, _ANY) for e in ("ша", "ше", "дай", "дей", "тай", "тей")),
]
_POSSESSIVE: list[tuple[str, frozenset[str]]] = [
    *((e, _C) for e in ("ымыз", "іміз", "ыңыз", "іңіз", "ым", "ім", "ың", "ің", "ы", "і")),
    *((e, _V) for e in ("мыз", "міз", "ңыз", "ңіз", "сы", "сі", "м", "ң")),
    *((e, frozenset("у")) for e in ("ы", "і")),  # дамуы → даму
]
_PLURAL: list[tuple[str, frozenset[str]]] = [
    *((e, _PLURAL_L) for e in ("лар", "лер")),
    *((e, frozenset("лмнңзж")) for e in ("дар", "дер")),
    *((e, _VL_PLUS) for e in ("тар", "тер")),
]
# finite verb forms are peeled before case endings (береді is бер+еді, not беред+і)
_FINITE: list[tuple[str, frozenset[str]]] = [
    *((e, _C) for e in ("атын", "етін", "ады", "еді")),
    *((e, _V) for e in ("йтын", "йтін", "йды", "йді")),
]
_VERBAL: list[tuple[str, frozenset[str]]] = [
    *((e, _ANY) for e in ("ылған", "ілген", "ған", "ген", "қан", "кен")),
    *((e, _C) for e in ("ып", "іп")),
    ("п", _V),
    *((e, _ANY) for e in ("уға", "уге")),
    ("у", _C | _V),
]
_FINAL_DEVOICE = {"г": "к", "ғ": "қ", "б": "п"}


def _by_length(layer: list[tuple[str, frozenset[str]]]) -> list[tuple[str, frozenset[str]]]:
    return sorted(layer, key=lambda x: len(x[0]), reverse=True)


_LAYERS = [_by_length(layer) for layer in (_FINITE, _CASE, _POSSESSIVE, _PLURAL, _VERBAL)]
# words whose ending only looks like a suffix (…стан is a root, not stem + ablative -тан)
_PROTECTED_ENDINGS = ("стан", "теңге")
_SHORT_SUFFIX_NEEDS_MORE = frozenset("мңн")


def _has_vowel(s: str) -> bool:
    return any(ch in VOWELS for ch in s)


def _strip_one(word: str, layer: list[tuple[str, frozenset[str]]]) -> str:
    if word.endswith(_PROTECTED_ENDINGS):
        return word
    for ending, before in layer:
        if not word.endswith(ending):
            continue
        rest = word[: -len(ending)]
        need = MIN_STEM + (1 if ending in _SHORT_SUFFIX_NEEDS_MORE else 0)
        if len(rest) < need or not _has_vowel(rest):
            continue
        if before and rest[-1] not in before:
            continue
        return rest
    return word


def _devoice(word: str) -> str:
    if len(word) > MIN_STEM and word[-1] in _FINAL_DEVOICE:
        return word[:-1] + _FINAL_DEVOICE[word[-1]]
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The search stem of a Kazakh word form (lower-cased). Non-Cyrillic or short words come back lower-cased."""
    w = word.lower().replace("’", "'")
    if "-" in w:  # 2025-жылы, ҚР-ның: stem the part after the hyphen only when the head is a number/acronym
        head, _, tail = w.partition("-")
        if head.isdigit() or head.upper() == word.partition("-")[0]:
            return head
        return "-".join(stem(p) for p in w.split("-"))
    if len(w) <= MIN_STEM or not any("а" <= ch <= "я" or ch in "әғқңөұүһі" for ch in w):
        return w
    for _ in range(4):
        before = w
        for layer in _LAYERS:
            w = _strip_one(w, layer)
        w = _devoice(w)
        if w == before:
            break
    return w
