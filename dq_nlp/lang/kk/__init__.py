"""Kazakh for spaCy: spaCy ships no ``kk``, so we define and register our own (spaCy's ``lang/<code>/`` layout).

* tokenizer: spaCy's rules, except that a plain hyphen never splits (``2025-жылы``, ``ҚР-ның``, ``15%-ке``,
  ``Қасым-Жомарт`` stay whole, as in KazNERD) and apostrophe forms (``Apple'дың``) stay whole; abbreviations
  (``ж.``, ``т.б.``, ``млрд.``, ``обл.`` …) and acronyms of state bodies with their case endings are exceptions;
* ``like_num`` knows Kazakh number words, ordinals and case-marked numerals;
* :func:`dq_nlp.lang.kk.stemmer.stem` is a suffix-stripping stemmer for search.
"""

from __future__ import annotations

from spacy.language import BaseDefaults, Language
from spacy.tokens import Doc
from spacy.util import registry

import dq_nlp.ner.components  # noqa: F401  (registers biluo_tags_to_ents, used by the fast kk pipeline)

from .lex_attrs import LEX_ATTRS
from .punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from .stemmer import stem
from .stop_words import STOP_WORDS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class KazakhDefaults(BaseDefaults):
    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    prefixes = TOKENIZER_PREFIXES
    suffixes = TOKENIZER_SUFFIXES
    infixes = TOKENIZER_INFIXES
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS


@registry.languages("kk")
class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults


@Language.component("kk_stem_lemmas")
def kk_stem_lemmas(doc: Doc) -> Doc:
    """Set ``token.lemma_`` to the search stem (:func:`stem`) — used as a NER feature and by search."""
    for token in doc:
        token.lemma_ = stem(token.text)
    return doc


__all__ = ["Kazakh", "kk_stem_lemmas", "stem"]
