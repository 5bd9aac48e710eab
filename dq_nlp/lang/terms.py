"""Language-neutral term keys: Russian words → pymorphy3 lemmas, Kazakh words → stems. Search and linking both
compare these keys, so "Министерству финансов" and "Министерство финансов", "министрлігіне" and "министрлігі" meet."""

from __future__ import annotations

import re
from functools import lru_cache

from .kk.stemmer import stem
from .ru import lemma

TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)
_KK_LETTERS = set("әғқңөұүһі")
_ABBR_WITH_CASE = re.compile(
    r"[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]{2,}-(?:ға|ге|қа|ке|на|не|а|е|ның|нің|дың|дің|тың|тің|ны|ні|ды|ді|ты|ті|да|де|та|те|"
    r"дан|ден|тан|тен|нан|нен|мен|бен|пен|ы|і|сы|сі|ның|ге|тер|тар|лер|лар|дер|дар)")


@lru_cache(maxsize=500_000)
def term_key(word: str, lang: str | None = None) -> str:
    if word.isupper():
        return word.lower()
    w = word.lower()
    if re.fullmatch(r"[a-z0-9-]+", w):
        return w
    is_kk = lang == "kk" or any(c in _KK_LETTERS for c in w)
    if is_kk:
        return stem(w)
    return lemma(w)


def term_keys(text: str, lang: str | None = None) -> list[str]:
    out = []
    for m in TOKEN.finditer(text):
        tok = m.group()
        # abbreviations keep their case-free form; Kazakh case endings after a hyphen are dropped: ЖИЦДМ-ге → жицдм
        if _ABBR_WITH_CASE.fullmatch(tok):
            tok = tok.split("-")[0]
        out.append(term_key(tok, lang))
    return out
