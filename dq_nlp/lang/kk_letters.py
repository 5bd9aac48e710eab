"""Kazakh typed without its own letters ("Укимет басшысы … тапсырды", "министрлигине", "дейин") — common on regional
sites, in reposts and on keyboards without a Kazakh layout — restored letter by letter, so that language detection
and the Kazakh grammars can read it. Folding maps one letter to one letter, so a restored text keeps every offset
of the original.

The word list ``dq_nlp/data/kk_words.txt`` (Kazakh word forms with a Kazakh letter, and their counts) is built from
this project's own Kazakh texts and the registry's Kazakh names: ``python -m dq_nlp.lang.kk_letters --build``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .detect import detect_lang

_KK_ONLY = "әғқңөұүһі"
FOLD = str.maketrans(_KK_ONLY + _KK_ONLY.upper(), "агкноуухи" + "агкноуухи".upper())
WORDS = Path(__file__).resolve().parents[1] / "data" / "kk_words.txt"
_WORD = re.compile(r"[а-яёәғқңөұүһі]+", re.IGNORECASE)
_FRONT = set("еэіәөүи")
_MIN_STEM = 5


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], dict[str, str]]:
    """Folded word → its most frequent Kazakh spelling, and folded stem (first 5+ letters) → its spelling."""
    if not WORDS.exists():
        return {}, {}
    words: Counter[str] = Counter()
    for line in WORDS.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition("\t")
        words[word] += int(count or 1)
    whole: dict[str, str] = {}
    stems: dict[str, Counter[str]] = {}
    for word, _ in words.most_common():
        key = word.translate(FOLD)
        whole.setdefault(key, word)
        for n in range(_MIN_STEM, len(word) + 1):
            stems.setdefault(key[:n], Counter())[word[:n]] += words[word]
    return whole, {k: c.most_common(1)[0][0] for k, c in stems.items()}


def _with_case(restored: str, original: str) -> str:
    return "".join(r.upper() if o.isupper() else r for r, o in zip(restored, original))


def _restore_word(word: str) -> str:
    low = word.lower()
    if any(c in _KK_ONLY for c in low):
        return word  # already written with Kazakh letters
    whole, stems = _lexicon()
    if low in whole:
        return _with_case(whole[low], word)
    for n in range(len(low) - 1, _MIN_STEM - 1, -1):
        stem = stems.get(low[:n])
        if stem and any(c in _KK_ONLY for c in stem):
            # the ending follows the stem's vowel harmony: "…лиги|не" after a front stem is "…лігі|не"
            # ("у" is no guide: the verbal noun's "-у" ends front and back stems alike)
            front = next((c in _FRONT for c in reversed(stem) if c in "аеёиоыэяәөұүі"), False)
            tail = low[n:].translate(str.maketrans("и", "і") if front else str.maketrans("гк", "ғқ"))
            return _with_case(stem + tail, word)
    return word


def restore(text: str) -> str:
    """``text`` with Kazakh letters put back where a known Kazakh word was typed without them; same length."""
    return _WORD.sub(lambda m: _restore_word(m.group()), text)


def folded_kazakh(text: str) -> str | None:
    """The restored text when ``text`` is Kazakh typed without Kazakh letters; None otherwise (Russian, or Kazakh
    that already has its letters)."""
    if any(c in _KK_ONLY for c in text.lower()):
        return None
    restored = restore(text)
    changed = sum(a != b for a, b in zip(_WORD.findall(text), _WORD.findall(restored)))
    return restored if changed >= 2 and detect_lang(restored) == "kk" else None


def build(sources: list[Path], out: Path = WORDS) -> int:
    """Count the Kazakh word forms (with a Kazakh letter) of ``sources`` (text files and the registry's names)."""
    import json

    counts: Counter[str] = Counter()
    for path in sources:
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line) if line.strip() else {}
                names = [row.get("name_kk") or ""] + list(row.get("aliases_kk") or [])
                counts.update(w.lower() for n in names for w in _WORD.findall(n))
        else:
            text = path.read_text(encoding="utf-8", errors="replace")
            if detect_lang(text[:2000]) == "kk":
                counts.update(w.lower() for w in _WORD.findall(text))
    rows = sorted((w, c) for w, c in counts.items() if any(ch in _KK_ONLY for ch in w) and len(w) > 1)
    out.write_text("".join(f"{w}\t{c}\n" for w, c in rows), encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    if sys.argv[1:] == ["--build"]:
        root = Path(__file__).resolve().parents[2]
        files = sorted((root / "corpora" / "gold" / "kk" / "dev").glob("*.txt")) + sorted((root / "corpora" / "samples").rglob("*.txt"))
        files += sorted((root / "dq_nlp" / "data" / "registry").glob("*.jsonl"))
        print(f"{build(files)} Kazakh word forms → {WORDS}")
    else:
        print(restore(sys.stdin.read()), end="")
