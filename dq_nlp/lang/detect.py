"""Language of a text: Russian, Kazakh or mixed. Kazakh Cyrillic has letters Russian lacks (ә ғ қ ң ө ұ ү һ і)
and very frequent function words; both signals are cheap and reliable on press-release sentences."""

from __future__ import annotations

import re

_KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_KK_WORDS = frozenset(
    "және мен бен пен үшін туралы бойынша жылы жылғы жылдың дейін тиіс керек болып болды бұл осы бар жоқ "
    "мұнда сондай-ақ оның олар біз қажет тапсырды тапсырылды жүктелді министрлігі үкімет әкімдігі".split()
)
_RU_WORDS = frozenset(
    "и в во на с со по для что это как не из за от до к ко о об при года году также который которые "
    "будет были было поручил поручено министерство правительство".split()
)


def detect_lang(text: str) -> str:
    """``ru``, ``kk`` or ``unknown`` for one sentence or short text."""
    words = _WORD.findall(text.lower())
    if not words:
        return "unknown"
    kk_score = 0.0
    ru_score = 0.0
    for w in words:
        if any(c in _KK_LETTERS for c in w):
            kk_score += 1
        elif w in _KK_WORDS:
            kk_score += 1
        elif w in _RU_WORDS:
            ru_score += 1
        elif w.isascii():
            continue
        else:
            ru_score += 0.35  # a Cyrillic word with no Kazakh letter leans Russian
    if kk_score == 0 and ru_score == 0:
        return "unknown"
    return "kk" if kk_score >= ru_score * 0.6 else "ru"


def document_lang(sentence_langs: list[tuple[str, int]]) -> str:
    """A document's language from its sentences' languages weighted by length: ``mixed`` when the minority
    language holds at least 20% of the text."""
    totals = {"ru": 0, "kk": 0}
    for lang, length in sentence_langs:
        if lang in totals:
            totals[lang] += length
    total = totals["ru"] + totals["kk"]
    if not total:
        return "unknown"
    minority = min(totals.values()) / total
    if minority >= 0.2:
        return "mixed"
    return max(totals, key=totals.get)
