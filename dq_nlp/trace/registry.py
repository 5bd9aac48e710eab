"""The registry of Kazakhstan's bodies, people and programmes (``dq_nlp/data/registry``), and linking of
mentions in any case form and either language to registry ids. An unknown body becomes a candidate id
(``new:<key>``), never a loss."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..lang.terms import term_keys
from ..settings import PACKAGE_DIR

DEFAULT_DIR = PACKAGE_DIR / "data" / "registry"
_DROP = frozenset("ао нао тоо рго ргп ау ак аҚ кеаҚ жшс республика казахстан қазақстан қр рк республикасы the of".split())
_TYPE_RANK = {"icebreaker_project": 0, "national_project": 0, "programme": 1, "direction": 2, "strategy": 3}


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line:
            rows.append(json.loads(line))
    return rows


def mention_key(text: str) -> tuple[str, ...]:
    keys = [k for k in term_keys(text.replace("«", " ").replace("»", " ").replace('"', " ")) if k not in _DROP]
    return tuple(keys)


@dataclass
class Registry:
    bodies: dict[str, dict] = field(default_factory=dict)
    people: dict[str, dict] = field(default_factory=dict)
    programmes: dict[str, dict] = field(default_factory=dict)
    _body_keys: dict[tuple[str, ...], str] = field(default_factory=dict)
    _prog_keys: dict[tuple[str, ...], str] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path) -> Registry:
        reg = cls()
        for row in _read_jsonl(directory / "bodies.jsonl"):
            reg.bodies[row["id"]] = row
            names = [row.get("name_ru"), row.get("name_kk"), row.get("name_en"), *row.get("aliases_ru", []),
                     *row.get("aliases_kk", []), *row.get("former", []), *row.get("head_titles_ru", []),
                     *row.get("head_titles_kk", [])]
            for name in filter(None, names):
                reg._body_keys.setdefault(mention_key(name), row["id"])
        for row in _read_jsonl(directory / "people.jsonl"):
            reg.people[row["id"]] = row
            for name in filter(None, [row.get("name_ru"), row.get("name_kk"), *row.get("aliases_ru", []),
                                      *row.get("aliases_kk", [])]):
                key = mention_key(name)
                if row.get("body"):
                    reg._body_keys.setdefault(key, row["body"])
        for row in _read_jsonl(directory / "programmes.jsonl"):
            reg.programmes[row["id"]] = row
            for name in filter(None, [row.get("name_ru"), row.get("name_kk"), *row.get("aliases_ru", []),
                                      *row.get("aliases_kk", [])]):
                key = mention_key(name)
                if key:
                    reg._prog_keys.setdefault(key, row["id"])
        reg._body_keys.pop((), None)
        return reg

    # ------------------------------------------------------------------ bodies
    def link_body(self, mention: str | None, lang: str | None = None) -> str | None:
        """Registry id of a body named by ``mention`` (any case, either language); ``new:<key>`` if unknown."""
        if not mention:
            return None
        found = self._link_body(mention)
        if found and found.startswith("new:"):
            # names and Kazakh case endings the analysers miss: "Жаслану Мадиеву", "Ұлттық Банкке"
            variant = _NAME_DATIVE.sub(lambda m: m.group(1), mention)
            variant = _KK_CASE_END.sub("", variant)
            if variant != mention:
                again = self._link_body(variant)
                if again and not again.startswith("new:"):
                    return again
        return found

    def _link_body(self, mention: str) -> str | None:
        key = mention_key(mention)
        if not key:
            return None
        if key in self._body_keys:
            return self._body_keys[key]
        # the longest registry name contained in the mention: "Главе МНЭ" → МНЭ, "министру финансов Такиеву" → …
        best: tuple[int, str, str] | None = None  # (terms matched, body id, first matched term)
        n = len(key)
        for size in range(min(n, 12), 0, -1):
            for i in range(0, n - size + 1):
                sub = key[i:i + size]
                if sub in self._body_keys and (size > 1 or len(sub[0]) >= 2):
                    best = (size, self._body_keys[sub], sub[0])
                    break
            if best:
                break
        if best and (best[0] >= 2 or best[0] == n - 1 or mention.strip().split()[-1].isupper() or best[0] == n):
            return best[1]
        if best and best[0] == 1 and n <= 3 and best[2] not in _generic_keys():
            return best[1]
        # fuzzy: most shared terms with any name (≥ 60% of the larger), at least one of them specific — "Комитету
        # противопожарной службы" shares only "комитет" and "служба" with the migration service's committee
        kset = set(key)
        specific = kset - _generic_keys()
        scored = [(len(kset & set(k)) / max(len(kset), len(k)), bid) for k, bid in self._body_keys.items() if specific & set(k)]
        if scored:
            score, bid = max(scored)
            if score >= 0.6:
                return bid
        return "new:" + "_".join(key)

    def link_bodies(self, mention: str | None, lang: str | None = None) -> list[str]:
        """Like ``link_body``, but a coordinated mention names several bodies: "акиматам Карагандинской и
        Павлодарской областей" → both regional akimats; "Абай және Шығыс Қазақстан облыстарының әкімдіктері" → both."""
        if not mention:
            return []
        whole = self.link_body(mention, lang)
        if whole and not whole.startswith("new:") and self.bodies.get(whole, {}).get("type") == "akimats_group":
            if mention_key(mention) in self._body_keys:
                return [whole]  # the registry knows this group by name ("акиматы областей, городов Астаны, …")
        parts = _coordinated_akimats(mention)
        if len(parts) > 1:
            ids = [self.link_body(p, lang) for p in parts]
            known = [i for i in ids if i and not i.startswith("new:")]
            if known:
                return list(dict.fromkeys(ids))
        return [whole] if whole else []

    def body_name(self, body_id: str | None, lang: str = "ru") -> str | None:
        if not body_id:
            return None
        if body_id.startswith("new:"):
            return body_id[4:].replace("_", " ")
        row = self.bodies.get(body_id)
        if not row:
            return body_id
        return row.get(f"name_{'kk' if lang == 'kk' else 'ru'}") or row.get("name_ru")

    # ------------------------------------------------------------------ programmes
    def programme_mentions(self, text: str) -> list[tuple[str, int, int]]:
        """(programme id, first key, number of keys) for each programme named in ``text``, over ``mention_key``."""
        keys = mention_key(text)
        found: list[tuple[str, int, int]] = []
        if not self._prog_keys:
            return found
        max_len = max(len(k) for k in self._prog_keys)
        # the longest name at every position, overlaps included: a programme named inside another's name counts too
        for i in range(len(keys)):
            for size in range(min(max_len, len(keys) - i), 0, -1):
                pid = self._prog_keys.get(keys[i:i + size])
                if pid:
                    found.append((pid, i, size))
                    break
        return found

    def programmes_in(self, text: str) -> list[str]:
        """Ids of programmes named in ``text``, most specific first (projects before directions before strategies)."""
        first: dict[str, int] = {}
        for pid, start, _ in self.programme_mentions(text):
            first.setdefault(pid, start)
        return sorted(first, key=lambda p: (_TYPE_RANK.get(self.programmes[p].get("type", ""), 2), first[p]))

    def programme_name(self, pid: str | None, lang: str = "ru") -> str | None:
        row = self.programmes.get(pid or "")
        if not row:
            return None
        return row.get(f"name_{'kk' if lang == 'kk' else 'ru'}") or row.get("name_ru")

    def programme_chain(self, pid: str | None) -> list[dict]:
        """The programme and its parents up to the strategy: project → direction/strategy."""
        chain = []
        seen = set()
        while pid and pid in self.programmes and pid not in seen:
            seen.add(pid)
            row = self.programmes[pid]
            chain.append({"id": pid, "type": row.get("type"), "name_ru": row.get("name_ru"), "name_kk": row.get("name_kk")})
            pid = row.get("parent")
        return chain


_NAME_DATIVE = re.compile(r"\b([А-ЯЁ][а-яё]+?(?:ов|ев|ин|ан|ат|ет|ер|ул|ир|ик))(?:у|ым|а|е)\b")
_KK_CASE_END = re.compile(r"(?<=[а-яәғқңөұүһі]{3})(?:ға|ге|қа|ке|на|не|ны|ні|ның|нің|ды|ді|ты|ті|дан|ден|тан|тен|нан|нен|мен|бен|пен)\b")
_RU_REGIONS = re.compile(r"(?P<list>(?:[А-ЯЁ][\w-]+(?:ской|цкой)(?:,\s*|\s+и\s+))+[А-ЯЁ][\w-]+(?:ской|цкой))\s+(?:областей|области)")
_RU_CITIES = re.compile(r"(?:городов|гг\.|г\.)\s+(?P<list>(?:[А-ЯЁ][\w-]+(?:,\s*|\s+и\s+))+[А-ЯЁ][\w-]+)")
_RU_CITY_AND_REGION = re.compile(r"(?:г\.|города)\s+(?P<city>[А-ЯЁ][\w-]+)\s+и\s+(?P<region>[А-ЯЁ][\w-]+(?:ской|цкой))\s+области")
_KK_REGIONS = re.compile(r"(?P<list>(?:[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+(?:\s[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+)?(?:,\s*|\s+және\s+))+"
                         r"[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+(?:\s[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+)?)\s+облыстары\w*")
_KK_CITIES = re.compile(r"(?P<list>(?:[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+(?:,\s*|\s+және\s+))+[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+)\s+қалалары\w*")


def _coordinated_akimats(mention: str) -> list[str]:
    """Split coordinated regions/cities into one canonical name each (nominative, as the registry has them)."""
    if not re.search(r"акимат|аким|әкімдік|әкім", mention, re.IGNORECASE):
        return []
    out: list[str] = []
    m = _RU_CITY_AND_REGION.search(mention)
    if m:
        return [f"акимат города {m.group('city')}", f"акимат {m.group('region')} области"]
    m = _RU_REGIONS.search(mention)
    if m:
        out += [f"акимат {adj} области" for adj in re.split(r",\s*|\s+и\s+", m.group("list"))]
    m = _RU_CITIES.search(mention)
    if m:
        out += [f"акимат города {city}" for city in re.split(r",\s*|\s+и\s+", m.group("list"))]
    elif out:
        one = re.search(r"\bи\s+(?:г\.|города)\s*([А-ЯЁ][\w-]+)", mention)
        if one:
            out.append(f"акимат города {one.group(1)}")
    m = _KK_REGIONS.search(mention)
    if m:
        out += [f"{name} облысының әкімдігі" for name in re.split(r",\s*|\s+және\s+", m.group("list"))]
    m = _KK_CITIES.search(mention)
    if m:
        out += [f"{name} қаласының әкімдігі" for name in re.split(r",\s*|\s+және\s+", m.group("list"))]
    return out


_GENERIC_WORDS = ("комитет служба министерство агентство акимат аким управление департамент район область город орган "
                  "ведомство центр фонд компания общество комитеті қызмет министрлік агенттік әкімдік әкім басқарма "
                  "аудан облыс қала орталық қор")


@lru_cache(maxsize=1)
def _generic_keys() -> frozenset[str]:
    """Heads that name a kind of body, not a body: alone they never identify one."""
    return frozenset(mention_key(_GENERIC_WORDS))


@lru_cache(maxsize=4)
def _load_cached(directory: str) -> Registry:
    return Registry.load(Path(directory))


def load_registry(directory: Path | None = None) -> Registry:
    return _load_cached(str(directory or DEFAULT_DIR))
