"""Kazakh for spaCy: spaCy ships no ``kk``, so we define and register our own (spaCy's ``lang/<code>/`` layout)."""

from __future__ import annotations

from spacy.language import BaseDefaults, Language
from spacy.util import registry

from .lex_attrs import LEX_ATTRS
from .stop_words import STOP_WORDS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class KazakhDefaults(BaseDefaults):
    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS


@registry.languages("kk")
class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults


__all__ = ["Kazakh"]
