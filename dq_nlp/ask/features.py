"""Evidence that a retrieved directive answers a question, as numbers the confidence model weighs.

- ``action``: cosine of the question's core (frame stripped) with the directive's action alone — short against short,
  which the 4-bit e5 model compares far better than a short question against a long sentence, and across languages.
- ``sentence``: cosine of the whole question with the directive's sentence (the retriever's dense score).
- ``sentence_gap``: the best *non-directive* sentence's cosine with the core minus ``action``. When a negation, a
  completed order or a foreign government's decision matches the question better than any directive, the question is
  a near-miss and the bot should abstain.
- ``coverage``: share of the question's content terms (IDF-weighted) the directive contains — by lemma/stem, by a
  5-letter prefix (Kazakh suffix chains), or through a one-word glossary translation (the other language).
- ``programme``: the question names a programme the directive belongs to (+1), or one it does not (−1).
- ``place_miss``: share of the regions and cities the question names (in either language) that the directive does
  not name — "остановки в Алматы" is not answered by a directive about Astana's stops.
- ``rank``: the directive's rank in hybrid retrieval, scaled to 0..1.
- ``nd_gap``: coverage of the question by the best *non-directive* sentence that BM25 finds for it, minus the
  directive's ``coverage``. The lexical twin of ``sentence_gap``: the trap sentence of a near-miss ("Премьер-министр
  не поручал закрывать ЦОНы", "решение не принято") repeats the question's words better than any directive does.
- ``name_miss``: share of the names the question gives that the registry does not know as a body, a place or a
  programme ("Балхаша", "Байконура", "Курык", "России") and that neither the directive's sentence, its neighbours nor
  its owners mention (Kazakh letters folded to Russian, 4-letter prefix). Like ``place_miss``, a wrong-detail veto.
- ``owner_hit``: the question names a body (``link_body`` on capitalised words: "Минфин", "Министерству юстиции")
  that is among the directive's owners (+1), or names bodies none of which is (−1); 0 when it names none.
- ``recurrence``: the question asks about a recurring task ("каждый месяц", "ай сайын", "раз в квартал") and the
  directive recurs (+1) or does not (−1); a recurring directive for a question that does not say so: −0.5.
- ``rare_hit``: the question's rarest content word (highest IDF) is in the directive's sentence or action (1) or not
  (0). The fitted trust model gives it a *negative* weight: among picks that every other feature rates alike, the
  dev near-misses are the ones that share the question's most specific word — its topic, "ЦОНы", "киберқауіпсіздік
  министрлігі" — and differ in what is to be done; right answers are mostly paraphrases that rate higher on the rest.
- ``year``: the question names a year that is the directive's deadline year or is in its sentence (+1), or not (−1).
- ``date``: the question gives a deadline ("до конца 2026 года", "бірінші тоқсанда", "в течение месяца") that,
  read by the extraction's deadline grammar against the directive's document date, is the directive's deadline (+1),
  is a whole year that holds it (+0.5), or is another date (−1; also when the directive has no date). Twin directives
  on one subject differ in exactly this detail; a contradicting date vetoes the answer (``confidence.vetoed``).
- ``rcov``: the reverse of ``coverage`` — the IDF-weighted share of the directive *action*'s content words that the
  question contains (lemma, prefix or glossary translation). A near-miss about another object ("компьютеры для
  школ" against "… для фельдшерско-акушерских пунктов") leaves the action's own object unsaid.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from functools import lru_cache

import numpy as np

from ..index.glossary import translations
from ..lang.terms import TOKEN, term_key

FEATURES = ("action", "sentence", "sentence_gap", "coverage", "programme", "place_miss", "rank", "nd_gap", "name_miss",
            "owner_hit", "recurrence", "year", "rare_hit", "date", "rcov")


@dataclass
class HitFeatures:
    action: float
    sentence: float
    sentence_gap: float
    coverage: float
    programme: float
    place_miss: float
    rank: float
    nd_gap: float = 0.0
    name_miss: float = 0.0
    owner_hit: float = 0.0
    recurrence: float = 0.0
    year: float = 0.0
    rare_hit: float = 0.0
    date: float = 0.0
    rcov: float = 0.0

    def as_dict(self) -> dict:
        return {k: round(v, 4) for k, v in asdict(self).items()}


def _prefix(word: str) -> str:
    return "~" + word.lower()[:5]


def _lang(lang: str | None) -> str | None:
    return lang if lang in ("ru", "kk") else None


def unit_terms(text: str, lang: str | None = None) -> set[str]:
    """Term keys and 5-letter prefixes of a text, the two ways a question term may be found in it."""
    words = [m.group() for m in TOKEN.finditer(text) if len(m.group()) > 1]
    return {term_key(w, _lang(lang)) for w in words} | {_prefix(w) for w in words}


def coverage(question_words: list[str], text_terms: set[str], idf, lang: str | None = None) -> float:
    """IDF-weighted share of ``question_words`` (in ``lang``) found in ``text_terms`` (key, prefix or translation)."""
    trans = translations()
    total = found = 0.0
    for word in question_words:
        key = term_key(word, _lang(lang))
        alts = trans.get(key, frozenset())
        weights = [w for w in (idf(key), idf(_prefix(word)), *(idf(a) for a in alts)) if w]
        weight = max(weights) if weights else math.log(50.0)  # a term no unit has: as rare as it gets
        total += weight
        if key in text_terms or _prefix(word) in text_terms or alts & text_terms:
            found += weight
    return found / total if total else 0.0


def rarest_hit(question_words: list[str], text_terms: set[str], idf, lang: str | None = None) -> float:
    """1 when the question's rarest content word (highest IDF, as ``coverage`` weighs it; the first of equally rare
    ones) is in ``text_terms``."""
    trans = translations()
    best, hit = -1.0, 0.0
    for word in question_words:
        key = term_key(word, _lang(lang))
        alts = trans.get(key, frozenset())
        weights = [w for w in (idf(key), idf(_prefix(word)), *(idf(a) for a in alts)) if w]
        weight = max(weights) if weights else math.log(50.0)
        if weight > best:
            best = weight
            hit = float(key in text_terms or _prefix(word) in text_terms or bool(alts & text_terms))
    return hit


def best_sentence(core_vector: np.ndarray, index, k: int = 5) -> float | None:
    """Cosine of the question's core with the closest non-directive sentence (``sentence_gap`` = this − ``action``)."""
    best = index.dense.query("", k, vector=core_vector, kind="sentence")
    return max(score for _, score in best) if best else None


def programme_signal(question_programmes: set[str], directive, registry) -> float:
    if not question_programmes:
        return 0.0
    chain = {c["id"] for c in registry.programme_chain(directive.project_id)}
    in_sentence = set(registry.programmes_in(directive.sentence.text))
    return 1.0 if question_programmes & (chain | in_sentence) else -1.0


_GENERIC = frozenset("акимат акиматы акимата области область город города городов облысының облысы облыстардың "
                     "қаласының қаласы қалаларының әкімдігі әкімдіктері и және".split())

_GENERIC_PREFIXES = frozenset("~облыс ~облак ~қазақ ~казах ~город ~қалас ~респу ~столи".split())


@lru_cache(maxsize=1)
def _place_prefixes() -> dict[str, str]:
    """5-letter prefixes of region and city names (ru and kk, from the registry's akimats) → a place key."""
    from ..trace.registry import load_registry

    out: dict[str, str] = {}
    for body in load_registry().bodies.values():
        if not body["id"].startswith("akimat_"):
            continue
        place = body["id"].removeprefix("akimat_").removesuffix("_region")
        names = [body.get("name_ru", ""), body.get("name_kk", ""), *body.get("aliases_ru", []), *body.get("aliases_kk", [])]
        for name in names:
            for m in TOKEN.finditer(name):
                word = m.group().lower()
                prefix = _prefix(word.split("-")[0])
                if word not in _GENERIC and len(word) > 3 and prefix not in _GENERIC_PREFIXES:
                    out.setdefault(prefix, place)
    return out


def places_in(text: str) -> set[str]:
    prefixes = _place_prefixes()
    return {prefixes[p] for p in (_prefix(m.group().split("-")[0]) for m in TOKEN.finditer(text)) if p in prefixes}


def place_miss(question_places: set[str], directive_text: str) -> float:
    if not question_places:
        return 0.0
    return len(question_places - places_in(directive_text)) / len(question_places)


# bodies a question may name without meaning one owner: they say nothing about which directive is meant
_GENERIC_BODIES = frozenset({"central_state_bodies", "state_bodies", "akimats_all", "government",
                             "presidential_administration"})
_WORD = re.compile(r"«?[^\W_]+(?:-[^\W_]+)*»?")
_NAME = re.compile(r"\b[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]{3,}")
_FOLD = str.maketrans("қғңәөүұһіё", "кгнаоууhие")


def _capitalised(word: str) -> bool:
    return word.strip("«»")[:1].isupper()


def question_bodies(registry, question: str, lang: str | None = None) -> set[str]:
    """Registry ids of the specific bodies a question names ("Минфин", "Министерству юстиции", "«Зерде»"): the
    longest run of up to three words from a capitalised one that links to a known body."""
    words = [m.group() for m in _WORD.finditer(question)]
    out: set[str] = set()
    for i, word in enumerate(words):
        if not _capitalised(word):
            continue
        for n in (3, 2, 1):
            oid = registry.link_body(" ".join(words[i:i + n]), lang)
            if oid and not oid.startswith("new:") and oid not in _GENERIC_BODIES:
                out.add(oid)
                break
    return out


def unknown_names(registry, question: str, lang: str | None = None) -> list[str]:
    """Capitalised words after the first that are no known body, place or programme: "Балхаша", "Байконура"."""
    out = []
    for m in _NAME.finditer(question.strip()):
        word = m.group()
        if m.start() == 0:
            continue
        oid = registry.link_body(word, lang)
        if oid and oid.startswith("new:") and not places_in(word) and not registry.programmes_in(word):
            out.append(word)
    return out


def _fold(text: str) -> str:
    return text.lower().translate(_FOLD)


def name_miss(names: list[str], text: str) -> float:
    """Share of ``names`` that ``text`` does not mention (4-letter prefix, Kazakh letters folded to Russian)."""
    if not names:
        return 0.0
    folded = _fold(text)
    return sum(_fold(n)[:4] not in folded for n in names) / len(names)


def owner_signal(question_bodies: set[str], owner_ids: list[str | None]) -> float:
    if not question_bodies:
        return 0.0
    return 1.0 if question_bodies & {o for o in owner_ids if o} else -1.0


# how a question says a task recurs → the ``Deadline.recurrence`` it means (None: "regularly", any period)
_RECURRING_Q = (
    (re.compile(r"ежемесяч|кажд\w* месяц|ай сайын|раз в месяц", re.I), "monthly"),
    (re.compile(r"раз в квартал|ежекварт|тоқсан сайын", re.I), "quarterly"),
    (re.compile(r"ежегод|кажд\w* год|жыл сайын|раз в год", re.I), "yearly"),
    (re.compile(r"еженедел|кажд\w* недел|апта сайын|раз в неделю", re.I), "weekly"),
    (re.compile(r"ежеднев|кажд\w* день|күн сайын", re.I), "daily"),
    (re.compile(r"мезгіл-мезгіл|регулярно|периодическ|үнемі", re.I), None),
)
_YEAR = re.compile(r"\b(20\d\d)\b")


def asks_recurrence(question: str) -> tuple[bool, str | None]:
    """Whether the question asks about a recurring task, and which period it names (None: any)."""
    for pattern, period in _RECURRING_Q:
        if pattern.search(question):
            return True, period
    return False, None


def recurrence_signal(asks: tuple[bool, str | None], deadline) -> float:
    """+1 the directive recurs as the question says; −1 it does not recur, or recurs with another period;
    −0.5 it recurs and the question does not say so."""
    recurring, period = asks
    recurs = deadline.recurrence if deadline else None
    if recurring:
        return 1.0 if recurs and (period is None or recurs == period) else -1.0
    return -0.5 if recurs else 0.0


def years_in(question: str) -> set[str]:
    return set(_YEAR.findall(question))


def year_signal(years: set[str], deadline, sentence: str) -> float:
    if not years:
        return 0.0
    due = (deadline.date if deadline else None) or ""
    return 1.0 if any(due.startswith(y) or y in sentence for y in years) else -1.0


def nondirective_coverage(index, question: str, words: list[str], lang: str | None, k: int = 8) -> float:
    """The best ``coverage`` of the question's content words by a non-directive sentence BM25 retrieves for it."""
    from ..index.search import SearchFilters

    hits = index.search(question, k=k, filters=SearchFilters(kind="sentence"), mode="lexical")
    return max((coverage(words, unit_terms(h.text, h.lang), index.lexical.idf, lang) for h in hits), default=0.0)


@lru_cache(maxsize=4096)
def question_dates(question: str, doc_date: str | None) -> tuple[tuple[str, str], ...]:
    """The deadlines a question gives, as (date, granularity), resolved against a document date (relative ones —
    "в течение месяца", "бір ай ішінде" — depend on it)."""
    from ..extract.grammars.deadlines import find_deadlines

    return tuple((d.date, d.granularity or "") for d in find_deadlines(question, doc_date) if d.date)


def date_signal(dates: tuple[tuple[str, str], ...], deadline) -> float:
    """+1: a date the question gives is the directive's deadline; +0.5: the question names a whole year that holds
    it; −1: the question gives a date and the directive has another one or none; 0: the question gives none."""
    if not dates:
        return 0.0
    due = deadline.date if deadline and deadline.date else None
    if due is None:
        return -1.0
    if any(d == due for d, _ in dates):
        return 1.0
    if any(g == "year" and d[:4] == due[:4] for d, g in dates):
        return 0.5
    return -1.0


def action_coverage(action: str, action_lang: str | None, question_terms: set[str], idf, skip: frozenset = frozenset()) -> float:
    """``rcov``: the IDF-weighted share of the action's content words (longer than two letters, ``skip`` left out)
    found among ``question_terms`` (``unit_terms`` of the question)."""
    lang = _lang(action_lang)
    words = [m.group() for m in TOKEN.finditer(action) if len(m.group()) > 2 and term_key(m.group(), lang) not in skip]
    return coverage(words, question_terms, idf, lang)
