"""Abbreviations that end in a period or must stay one token in Kazakh official texts."""

from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.symbols import NORM, ORTH
from spacy.util import update_exc

_exc: dict = {}

for orth, norm in [
    ("ж.", "жыл"),
    ("жж.", "жылдар"),
    ("т.б.", "тағы басқа"),
    ("т.с.с.", "тағы сол сияқты"),
    ("млн.", "миллион"),
    ("млрд.", "миллиард"),
    ("трлн.", "триллион"),
    ("мың.", "мың"),
    ("тг.", "теңге"),
    ("обл.", "облыс"),
    ("қ.", "қала"),
]:
    _exc[orth] = [{ORTH: orth, NORM: norm}]

for orth in ["ҚР", "ҚР-ның", "ҚР-да", "ЖИ", "ҰҚК", "ІІМ", "БҰҰ", "АҚ", "ЖШС"]:
    _exc[orth] = [{ORTH: orth}]

TOKENIZER_EXCEPTIONS = update_exc(BASE_EXCEPTIONS, _exc)
