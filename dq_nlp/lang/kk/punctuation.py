"""Kazakh tokenizer punctuation: like spaCy's defaults, but a plain hyphen never splits a word.

Kazakh writes case endings on numbers, abbreviations and symbols with a hyphen (``2025-жылы``, ``ҚР-ның``,
``15%-ке``, ``1-інші``) and has many hyphenated compounds (``Қасым-Жомарт``, ``сондай-ақ``, ``іс-шара``);
KazNERD keeps all of these as one token, so do we. Dashes (–, —, --) still split.
"""

from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER, CONCAT_QUOTES, LIST_ELLIPSES, LIST_ICONS
from spacy.lang.punctuation import TOKENIZER_PREFIXES as BASE_PREFIXES
from spacy.lang.punctuation import TOKENIZER_SUFFIXES as BASE_SUFFIXES

_infixes = (
    LIST_ELLIPSES
    + LIST_ICONS
    + [
        rf"(?<=[{ALPHA_LOWER}{CONCAT_QUOTES}])\.(?=[{ALPHA_UPPER}{CONCAT_QUOTES}])",
        rf"(?<=[{ALPHA}]),(?=[{ALPHA}])",
        rf"(?<=[{ALPHA}0-9])(?:–|—|--|---|——|~)(?=[{ALPHA}])",
        rf"(?<=[{ALPHA}0-9])[:<>=/](?=[{ALPHA}])",
        r"(?<=[0-9])[+\*^](?=[0-9-])",
    ]
)

TOKENIZER_PREFIXES = BASE_PREFIXES
# "'" as a suffix would cut Apple'дың / O'Брайен-style apostrophe forms; keep the closing-quote rules otherwise
TOKENIZER_SUFFIXES = [s for s in BASE_SUFFIXES if s not in ("'s", "'S", "’s", "’S")]
TOKENIZER_INFIXES = _infixes
