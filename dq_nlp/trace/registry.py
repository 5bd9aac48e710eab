"""The registry of Kazakhstan's bodies, people and programmes (``dq_nlp/data/registry``), and linking of
mentions in any case form and either language to registry ids. An unknown body becomes a candidate id
(``new:<key>``), never a loss."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..lang.ru import morph
from ..lang.terms import TOKEN, term_keys
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


def _clean(text: str) -> str:
    return text.replace("«", " ").replace("»", " ").replace('"', " ")


def mention_key(text: str) -> tuple[str, ...]:
    keys = [k for k in term_keys(_clean(text)) if k not in _DROP]
    return tuple(keys)


def _mention_terms(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(keys, surface words) in parallel, as ``mention_key`` has them."""
    text = _clean(text)
    pairs = [(k, m.group()) for k, m in zip(term_keys(text), TOKEN.finditer(text)) if k not in _DROP]
    return tuple(k for k, _ in pairs), tuple(w for _, w in pairs)


_KK_PLURAL = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ы|і)?(?:ға|ге|қа|ке|на|не|ны|ні|ның|нің|дың|дің|мен|бен|пен|"
                        r"нан|нен|дан|ден|да|де|н)?$")


def _is_kk(words: tuple[str, ...] | list[str]) -> bool:
    return any(re.search("[әғқңөұүһі]", w.lower()) for w in words)


def _plural(words: tuple[str, ...] | list[str], name: bool = False) -> bool:
    """Is the phrase plural? Its head decides: the first word in Russian ("акимам областей", "областные акиматы"),
    the last in Kazakh ("облыс әкімдеріне"). Registry names are nominative: "аким" is no plural, "министерства" is."""
    if not words:
        return False
    head = words[-1] if _is_kk(words) else words[0]
    if head.isupper() or not re.search("[а-яё]", head.lower()):
        return False  # abbreviations and Latin names
    if _is_kk(words):
        return bool(_KK_PLURAL.search(head.lower()))
    parses = morph().parse(head.lower())[:4]
    return any("plur" in p.tag and (not name or "nomn" in p.tag) for p in parses)


@dataclass
class Registry:
    bodies: dict[str, dict] = field(default_factory=dict)
    people: dict[str, dict] = field(default_factory=dict)
    programmes: dict[str, dict] = field(default_factory=dict)
    _body_keys: dict[tuple[str, ...], str] = field(default_factory=dict)
    _plural_only: set[tuple[str, ...]] = field(default_factory=set)  # keys known only from plural names ("акиматы")
    _prog_keys: dict[tuple[str, ...], str] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path) -> Registry:
        reg = cls()
        number: dict[tuple[str, ...], set[bool]] = defaultdict(set)
        for row in _read_jsonl(directory / "bodies.jsonl"):
            reg.bodies[row["id"]] = row
            names = [row.get("name_ru"), row.get("name_kk"), row.get("name_en"), *row.get("aliases_ru", []),
                     *row.get("aliases_kk", []), *row.get("former", []), *row.get("head_titles_ru", []),
                     *row.get("head_titles_kk", [])]
            for name in filter(None, names):
                key, words = _mention_terms(name)
                reg._body_keys.setdefault(key, row["id"])
                number[key].add(_plural(words, name=True))
        for row in _read_jsonl(directory / "people.jsonl"):
            reg.people[row["id"]] = row
            for name in filter(None, [row.get("name_ru"), row.get("name_kk"), *row.get("aliases_ru", []),
                                      *row.get("aliases_kk", [])]):
                key = mention_key(name)
                if row.get("body"):
                    reg._body_keys.setdefault(key, row["body"])
                    number[key].add(False)
        for row in _read_jsonl(directory / "programmes.jsonl"):
            reg.programmes[row["id"]] = row
            for name in filter(None, [row.get("name_ru"), row.get("name_kk"), *row.get("aliases_ru", []),
                                      *row.get("aliases_kk", [])]):
                key = mention_key(name)
                if key:
                    reg._prog_keys.setdefault(key, row["id"])
        reg._body_keys.pop((), None)
        reg._plural_only = {k for k, nums in number.items() if nums == {True}}
        return reg

    # ------------------------------------------------------------------ bodies
    def link_body(self, mention: str | None, lang: str | None = None) -> str | None:
        """Registry id of a body named by ``mention`` (any case, either language); ``new:<key>`` if unknown.

        A deputy names the body of the head ("вице-министру энергетики" → the ministry); a body of another state
        ("МИД Российской Федерации") is never one of ours."""
        if not mention:
            return None
        mention = _DEPUTY.sub("", mention)
        key = mention_key(mention)
        if not key:
            return None
        if _FOREIGN.search(mention):
            return "new:" + "_".join(key)
        # names and Kazakh case endings the analysers miss: "Жаслану Мадиеву", "Ұлттық Банкке", "Цифрлық штабына"
        variant = _KK_CASE_END.sub("", _NAME_DATIVE.sub(lambda m: m.group(1), mention))
        tries = [mention] if variant == mention else [mention, variant]
        for text in tries:  # a whole name first, in any of the forms; only then a name inside the mention
            found = self._exact(text)
            if found:
                return found
        for text in tries:
            found = self._inexact(text)
            if found:
                return found
        return "new:" + "_".join(key)

    def _number_ok(self, name_key: tuple[str, ...], words: tuple[str, ...]) -> bool:
        """A name known only in the plural ("акиматы областей", "министерства") is a group: a singular mention
        ("заместителю акима области", "министерству") names one unspecified member of it, not the group."""
        return name_key not in self._plural_only or _plural(words)

    def _exact(self, mention: str) -> str | None:
        key, words = _mention_terms(mention)
        if key in self._body_keys and self._number_ok(key, words):
            return self._body_keys[key]
        return None

    def _inexact(self, mention: str) -> str | None:
        key, words = _mention_terms(mention)
        if not key:
            return None
        kinds = _head_kinds(key, words)
        generic = _generic_keys()
        # the longest registry name contained in the mention: "Главе МНЭ" → МНЭ, "министру финансов Такиеву" → …
        # The name must be of the mention's kind: "управлению сельского хозяйства" is no ministry, "акимат города
        # Актобе" no regional akimat, "департаментам полиции областей" not the police as a whole.
        best: tuple[int, str, str] | None = None  # (terms matched, body id, first matched term)
        n = len(key)
        for size in range(min(n, 12), 0, -1):
            for i in range(0, n - size + 1):
                sub = key[i:i + size]
                if (sub in self._body_keys and (size > 1 or len(sub[0]) >= 2) and not (kinds - _kinds(sub))
                        and self._number_ok(sub, words[i:i + size])):
                    best = (size, self._body_keys[sub], sub[0])
                    break
            if best:
                break
        specific_match = best is not None and not (best[0] == 1 and best[2] in generic)
        if best and specific_match and (best[0] >= 2 or best[0] == n - 1 or mention.strip().split()[-1].isupper()
                                        or best[0] == n):
            return best[1]
        if best and best[0] == 1 and n <= 3 and best[2] not in generic:
            return best[1]
        # fuzzy: most shared terms with any name (≥ 60% of the larger), at least one of them specific — "Комитету
        # противопожарной службы" shares only "комитет" and "служба" with the migration service's committee
        kset = set(key)
        specific = kset - generic
        # A partial overlap is weak evidence: there the kinds must agree both ways ("Су шаруашылығы ұйымдары" are
        # organisations, not the water committee)
        all_kinds = _kinds(key)
        scored = [(len(kset & set(k)) / max(len(kset), len(k)), bid) for k, bid in self._body_keys.items()
                  if specific & set(k) and not (kinds - _kinds(k)) and not (_kinds(k) - _TERRITORY - all_kinds)
                  and self._number_ok(k, words)]
        if scored:
            score, bid = max(scored)
            if score >= 0.6:
                return bid
        return None

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
        if not (whole and mention_key(mention) in self._body_keys):
            # "Министерствам финансов и национальной экономики", "Қаржы және Ұлттық экономика министрліктеріне",
            # "Центральным и местным исполнительным органам": one plural head shared by coordinated names
            ids = [self.link_body(p, lang) for p in _coordinated_heads(mention)]
            if ids and all(i and not i.startswith("new:") for i in ids) and len(set(ids)) > 1:
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
_RU_REGION_AND_CITY = re.compile(r"(?P<region>[А-ЯЁ][\w-]+(?:ской|цкой))\s+области\s+и\s+(?:г\.|города)\s*(?P<city>[А-ЯЁ][\w-]+)")
_RU_REGIONS_NAMED = re.compile(r"\bобластей\s+(?P<list>(?:[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:,\s*|\s+и\s+))+[А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)")
_KK_REGION_AND_CITY = re.compile(r"(?P<region>[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+(?:\s[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+)?)\s+облысы\s+(?:мен|және)\s+"
                                 r"(?P<city>[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+)\s+қаласы")
_KK_REGIONS = re.compile(r"(?P<list>(?:[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+(?:\s[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+)?(?:,\s*|\s+және\s+))+"
                         r"[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+(?:\s[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+)?)\s+облыстары\w*")
_KK_CITIES = re.compile(r"(?P<list>(?:[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+(?:,\s*|\s+және\s+))+[А-ЯӘҒҚҢӨҰҮҺІ][\w-]+)\s+қалалары\w*")


_RU_HEAD_FIRST = re.compile(r"\s*(?P<head>\S+)\s+(?P<a>\S.*?)\s+и\s+(?P<b>\S.*?)\s*")
_RU_SHARED_REST = re.compile(r"\s*(?P<a>\S+)\s+и\s+(?P<b>\S+)\s+(?P<rest>\S.*?)\s*")
_KK_HEAD_LAST = re.compile(r"\s*(?P<a>\S.*?)\s+(?:және|мен|пен|бен)\s+(?P<b>\S.*?)\s+(?P<head>\S+)\s*")


def _coordinated_heads(mention: str) -> list[str]:
    """Split "<heads> A и B" / "A и B <rest>" (Russian) and "A және B <heads>" (Kazakh) when the head is plural —
    one plural head shared by several names. The caller keeps the split only if every part is a known body."""
    words = tuple(mention.split())
    if len(words) < 3 or not _plural(words):
        return []
    if _is_kk(words):
        m = _KK_HEAD_LAST.fullmatch(mention)
        return [f"{m.group('a')} {m.group('head')}", f"{m.group('b')} {m.group('head')}"] if m else []
    m = _RU_SHARED_REST.fullmatch(mention)
    if m:
        return [f"{m.group('a')} {m.group('rest')}", f"{m.group('b')} {m.group('rest')}"]
    m = _RU_HEAD_FIRST.fullmatch(mention)
    return [f"{m.group('head')} {m.group('a')}", f"{m.group('head')} {m.group('b')}"] if m else []


def _coordinated_akimats(mention: str) -> list[str]:
    """Split coordinated regions/cities into one canonical name each (nominative, as the registry has them)."""
    if not re.search(r"акимат|аким|әкімдік|әкім", mention, re.IGNORECASE):
        return []
    out: list[str] = []
    m = _RU_CITY_AND_REGION.search(mention)
    if m:
        return [f"акимат города {m.group('city')}", f"акимат {m.group('region')} области"]
    m = _RU_REGION_AND_CITY.search(mention)
    if m:
        return [f"акимат {m.group('region')} области", f"акимат города {m.group('city')}"]
    m = _KK_REGION_AND_CITY.search(mention)
    if m:
        return [f"{m.group('region')} облысының әкімдігі", f"{m.group('city')} қаласының әкімдігі"]
    m = _RU_REGIONS_NAMED.search(mention)  # "областей Абай, Жетісу и Ұлытау"
    if m:
        return [f"акимат области {name}" for name in re.split(r",\s*|\s+и\s+", m.group("list"))]
    m = _RU_REGIONS.search(mention)
    if m:
        out += [f"акимат {adj} области" for adj in re.split(r",\s*|\s+и\s+", m.group("list"))]
        named = re.search(r"\bи\s+области\s+([А-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)", mention[m.end():])  # "… областей и области Жетісу"
        if named:
            out.append(f"акимат области {named.group(1)}")
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


_DEPUTY = re.compile(r"(?i)\bвице-(?=министр)")
_FOREIGN = re.compile(r"(?i)\b(?:Российской Федерации|России|Ресей|Кыргызск|Қырғыз|Узбекистан|Өзбекстан|Таджикистан|"
                      r"Тәжікстан|Туркменистан|Түрікменстан|Китай|Китайской Народной|Қытай|Турци|Түркия|Түрік|США|"
                      r"АҚШ|Беларус|Азербайджан|Әзірбайжан|Украин|Германи|Герман|Франци|Япони|Жапония|Корея|Кореи)")
# the kind of body a word names, in either language: a mention of one kind never links to a name of another
_KIND_WORDS = {
    "department": "управление управления басқарма басқармасы басқармасына басқармасын басқармалары басқармаларына",
    "directorate": "департамент департаменты департаменті департаментін департаменттері департаменттеріне",
    "committee": "комитет комитеті комитетіне комитетін комитеттері",
    "ministry": "министерство министерства министрлік министрлігі министрлігін министрлігіне министрліктері",
    "agency": "агентство агенттік агенттігі агенттігін агенттігіне",
    "akimat": "акимат әкімдік әкімдігі әкімдігін әкімдігіне әкімдіктері",
    "inspection": "инспекция инспекциясы",
    "office": "аппарат аппараты",
    "region": "область областей облыс облысы облысының облыстары облыстардың",
    "city": "город города қала қаласы қаласының қалалары",
    "district": "район района аудан ауданы ауданының аудандары",
}


@lru_cache(maxsize=1)
def _kind_of() -> dict[str, str]:
    return {k: kind for kind, forms in _KIND_WORDS.items() for k in mention_key(forms)}


def _kinds(key: tuple[str, ...]) -> frozenset[str]:
    kind_of = _kind_of()
    return frozenset(kind_of[k] for k in key if k in kind_of)


_TERRITORY = frozenset({"region", "city", "district"})


def _head_kinds(key: tuple[str, ...], words: tuple[str, ...]) -> frozenset[str]:
    """What a name must be to be this mention: the kind of its head (the first kind word in Russian, the last in
    Kazakh: "министрліктің Ақпараттық қауіпсіздік комитеті" is a committee) and every territory it names."""
    kind_of = _kind_of()
    kinds = [kind_of[k] for k in key if k in kind_of]
    heads = [k for k in kinds if k not in _TERRITORY]
    head = heads[-1:] if _is_kk(words) else heads[:1]
    return frozenset(head) | (frozenset(kinds) & _TERRITORY)


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
