"""Normalise text so that grammars and offsets see one form of quotes, dashes and spaces."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"), " ")
_QUOTES = {ord(c): '"' for c in "“”„‟″"}
_QUOTES.update({ord(c): "'" for c in "‘’‚‛′`"})
_LONG_DASHES = re.compile(r"[‒–—―]")
_SHORT_DASHES = re.compile(r"[‐‑−]")
_RANGE_DASH = re.compile(r"(?<=\d)\s?—\s?(?=\d)")
_HYPHENS_IN_WORD = re.compile(r"(?<=\w)[‐‑](?=\w)")
_MANY_SPACES = re.compile(r" {2,}")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFC; one kind of space, quote and dash; no invisible characters; paragraphs kept."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_INVISIBLE).translate(_SPACES).translate(_QUOTES)
    text = _HYPHENS_IN_WORD.sub("-", text)
    text = _SHORT_DASHES.sub("-", text)
    text = _LONG_DASHES.sub("—", text)
    text = _RANGE_DASH.sub("–", text)  # ranges keep an en dash: 2018–2024, 4–6%
    text = _MANY_SPACES.sub(" ", text)
    text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()
