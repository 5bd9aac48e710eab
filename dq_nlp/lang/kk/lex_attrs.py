"""Lexical attributes for Kazakh: number words make ``like_num`` true."""

from spacy.attrs import LIKE_NUM

_num_words = [
    "нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз",
    "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан",
    "жүз", "мың", "миллион", "миллиард", "триллион", "млн", "млрд", "трлн", "жарым",
]
_ordinal_suffixes = ("інші", "ыншы", "нші", "ншы")


def like_num(text: str) -> bool:
    text = text.replace(",", "").replace(".", "").replace(" ", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    low = text.lower()
    if low in _num_words:
        return True
    for suffix in _ordinal_suffixes:
        if low.endswith(suffix) and low[: -len(suffix)] in _num_words:
            return True
    return False


LEX_ATTRS = {LIKE_NUM: like_num}
