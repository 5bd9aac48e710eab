"""Bytes → text. Press releases arrive as UTF-8, UTF-16 (Word exports) and cp1251 (old Windows sites)."""

from __future__ import annotations

import codecs

from ..errors import InputError

_CYRILLIC = range(0x0400, 0x0500)


def _cyrillic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if ord(c) in _CYRILLIC) / len(letters)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``InputError`` for binary data that is no text in any encoding."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty — nothing to ingest.")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    # UTF-16 without BOM: every other byte is the high byte of the code point — 0x00 for Latin, punctuation and
    # spaces, 0x04 for Cyrillic (Kazakh letters included).
    half = min(len(data), 4096) // 2
    if half >= 8 and len(data) % 2 == 0:
        odd, even = data[1:4096:2], data[0:4096:2]
        high_odd = sum(odd.count(b) for b in (0, 4)) / len(odd)
        high_even = sum(even.count(b) for b in (0, 4)) / len(even)
        if high_odd > 0.9 and high_even < 0.5:
            return data.decode("utf-16-le", errors="replace"), "utf-16-le"
        if high_even > 0.9 and high_odd < 0.5:
            return data.decode("utf-16-be", errors="replace"), "utf-16-be"
    try:
        text = data.decode("utf-8")
        if _looks_binary(data):
            raise InputError(f"{name}: this looks like a binary file, not text — check the file type.")
        return text, "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise InputError(f"{name}: this looks like a binary file, not text — check the file type.")
    # Single-byte Cyrillic: cp1251 is by far the most common on .kz sites; koi8-r as a fallback.
    best = None
    for enc in ("cp1251", "koi8-r"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        share = _cyrillic_share(text)
        if best is None or share > best[2]:
            best = (text, enc, share)
    if best and best[2] > 0.3:
        return best[0], best[1]
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data).best()
        if match is not None:
            return str(match), match.encoding
    except Exception:  # noqa: BLE001 — detection is best effort, the error below says what to do
        pass
    raise InputError(f"{name}: cannot detect the text encoding (tried UTF-8, UTF-16, cp1251, koi8-r); "
                     "convert it to UTF-8 and ingest again.")
