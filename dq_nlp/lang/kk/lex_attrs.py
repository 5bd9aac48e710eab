"""Lexical attributes for Kazakh: numerals (words, digits, ordinals, case-marked forms) make ``like_num`` true."""

from spacy.attrs import LIKE_NUM

_num_words = [
    "нөл",
    # 1–9
    "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз",
    # tens
    "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан",
    # powers
    "жүз", "мың", "миллион", "миллиард", "триллион", "млн", "млрд", "трлн",
    # fractions / approximate
    "жарым", "жарты", "ширек",
    # collective numerals
    "екеу", "үшеу", "төртеу", "бесеу", "алтау", "жетеу", "сегізеу", "тоғызау", "онау",
]
NUM_WORDS = frozenset(_num_words)
_ordinal_suffixes = ("ыншы", "інші", "ншы", "нші", "сыншы", "сінші")
_case_suffixes = (
    "дың", "дің", "тың", "тің", "ның", "нің", "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді", "ты",
    "ті", "да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен",
    "ден", "деген", "ы", "і", "сы", "сі",
)


# case forms of "он" (ten) that are far more often forms of the pronoun "ол" (онда "there", оны "it")
_PRONOUN_CLASH = frozenset({"онда", "оны", "оның", "оған", "одан", "онымен", "онан", "онша"})


def _strip_num_suffix(low: str) -> str:
    if low in _PRONOUN_CLASH:
        return low
    for suffixes in (_ordinal_suffixes, _case_suffixes):
        for suffix in sorted(suffixes, key=len, reverse=True):
            if low.endswith(suffix) and low[: -len(suffix)] in NUM_WORDS:
                return low[: -len(suffix)]
    return low


def like_num(text: str) -> bool:
    """True for 12, 1 500, 3,5, 1/2, 15%-ке, 2025-жылы-style digit forms and Kazakh number words (бір, жүзінші)."""
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    if "-" in text:  # 2025-жылы, 1-інші, 15%-ке: a number with a hyphenated ending
        head, _, _tail = text.partition("-")
        if head.rstrip("%").replace(",", "").replace(".", "").isdigit():
            return True
    text = text.replace(",", "").replace(".", "").replace(" ", "").replace("\u00a0", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    low = text.lower()
    if low in NUM_WORDS:
        return True
    return _strip_num_suffix(low) in NUM_WORDS


LEX_ATTRS = {LIKE_NUM: like_num}
