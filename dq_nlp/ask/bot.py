"""Answer "Кто отвечает за …?", "… кім жауапты?", "Какой срок у …?", "Что поручено акиматам?" from stored
directives. Retrieval proposes directives; ``features`` measures how well each one answers (the question's core
against the directive's action, near-miss sentences, places); ``confidence`` picks one and decides whether to trust
it. Otherwise the bot abstains — a confident wrong answer is worse than none."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel

from ..index.search import SearchFilters
from ..lang.detect import detect_lang
from ..lang.terms import TOKEN, term_key, term_keys
from ..records import Deadline
from ..trace.graph import status_of
from ..trace.registry import mention_key
from .confidence import ConfidenceModel, pick_score
from .features import (
    HitFeatures,
    action_coverage,
    asks_recurrence,
    best_sentence,
    coverage,
    date_signal,
    name_miss,
    nondirective_coverage,
    owner_signal,
    place_miss,
    places_in,
    programme_signal,
    question_bodies,
    question_dates,
    rarest_hit,
    recurrence_signal,
    unit_terms,
    unknown_names,
    year_signal,
    years_in,
)
from .question import question_core

QUESTION_WORDS = frozenset(term_keys(
    "кто кого кому какой какая какие каков когда что чем где сколько ли отвечать ответственный отвечает ответственен "
    "за поручить поручение поручено поручен срок сроки у по до в на и о об с задача задачи вопрос выполнение исполнение "
    "кім кімге қашан қандай не неше жауапты жауап береді тапсыру тапсырма тапсырылды мерзім мерзімі үшін туралы бойынша "
    "және мен бен пен ма ме ба бе па пе ғой", None)) | frozenset(
    "кім кімге қашан қандай не жауапты жауапт мерзімі мерзім тапсыр тапсырма тапсырылды".split())
# words that only say "the programme" ("проекты-ледоколы", "по программе …", "жобасы бойынша"): a question made of a
# programme's name and these asks who owns the programme as a whole
PROGRAMME_WORDS = frozenset(term_keys(
    "проект проекты проектов проектам программа программы программе программу направление стратегия реализация "
    "реализацию реализации внедрение жоба жобасы жобалар жобаларына жобаларға бағдарлама бағдарламасы бағыт стратегия "
    "стратегиясы іске асыру асыруға", None))
_DEADLINE_Q = re.compile(r"\b(?:какой срок|каков срок|когда|до какого|к какому|в какой срок|сроки?)\b|қашан|мерзім", re.I)
_WHAT_Q = re.compile(r"^\s*(?:что|какие задачи|какие поручения)\s+(?:было\s+)?(?:поручено|поручили|поставлено|рекомендовано)\s+(?P<owner>.+?)\??$|"
                     r"^\s*(?P<owner_kk>.+?)\s+(?:не|қандай тапсырма(?:лар)?)\s+(?:тапсырылды|жүктелді|берілді|ұсынылды)\??$",
                     re.I)


class Evidence(BaseModel):
    doc_id: str
    doc_title: str | None = None
    doc_date: str | None = None
    directive_id: str | None = None
    sentence: str
    start: int
    end: int


class Answer(BaseModel):
    question: str
    lang: str
    answer: str
    owners: list[str] = []
    owner_ids: list[str | None] = []
    deadline: Deadline | None = None
    status: str | None = None
    evidence: Evidence | None = None
    confidence: float
    abstained: bool
    also: list[str] = []  # other directive ids that support the answer
    signals: dict[str, float] = {}  # the evidence features behind ``confidence`` (ask/features.py)


def _abstain(question: str, lang: str, confidence: float = 0.0, features: HitFeatures | None = None) -> Answer:
    text = ("Жауап жоқ: бұл сұраққа жауап беретін тапсырма табылмады." if lang == "kk"
            else "Нет ответа: не найдено поручение, которое отвечает на этот вопрос.")
    return Answer(question=question, lang=lang, answer=text, confidence=round(confidence, 3), abstained=True,
                  signals=features.as_dict() if features else {})


def _format(lang: str, owners: list[str], directive, deadline: Deadline | None, status: dict, title: str | None,
            date: str | None, kind: str) -> str:
    who = ", ".join(owners) if owners else ("көрсетілмеген" if lang == "kk" else "не указан")
    if deadline and deadline.date:
        when = deadline.date
    elif deadline and deadline.recurrence:
        when = {"quarterly": "тоқсан сайын", "monthly": "ай сайын", "yearly": "жыл сайын"}.get(deadline.recurrence, deadline.recurrence) \
            if lang == "kk" else {"quarterly": "ежеквартально", "monthly": "ежемесячно", "yearly": "ежегодно"}.get(
                deadline.recurrence, deadline.recurrence)
    else:
        when = "белгіленбеген" if lang == "kk" else "не установлен"
    src = f"«{title}»" + (f", {date}" if date else "") if title else (date or "")
    if lang == "kk":
        state = {"overdue": "мерзімі өтіп кетті", "open": "орындалуда", "recurring": "тұрақты"}.get(status["status"], "")
        if kind == "deadline":
            return f"Мерзімі — {when} ({state}); жауаптылар: {who}. Дереккөз: {src}."
        return f"Жауаптылар: {who}; мерзімі — {when} ({state}). Тапсырма: {directive.action}. Дереккөз: {src}."
    state = {"overdue": "просрочено", "open": "в работе", "recurring": "регулярно"}.get(status["status"], "")
    if kind == "deadline":
        return f"Срок — {when} ({state}); ответственные: {who}. Источник: {src}."
    return f"Ответственные: {who}; срок — {when} ({state}). Поручение: {directive.action}. Источник: {src}."


@lru_cache(maxsize=1)
def trust_model() -> ConfidenceModel:
    """The fitted model from ``ask/confidence.json``, read once (``trust_model.cache_clear()`` after a refit)."""
    return ConfidenceModel.load()


@dataclass
class Assessment:
    """Everything the bot knows about a question before it decides: the retrieved directives, each one's evidence
    features, and which one it would answer with."""

    lang: str
    kind: str
    owner_filter: str | None
    hits: list = field(default_factory=list)
    features: list[HitFeatures] = field(default_factory=list)
    pick: int | None = None
    programme: str | None = None  # the programme the whole question is about ("Кто отвечает за проекты-ледоколы?")


def whole_programme(registry, core: str) -> str | None:
    """The programme a question is about when the question names it and nothing else: then its directives answer,
    whoever they are, and the registry link (not a similarity) decides."""
    mentions = registry.programme_mentions(core)
    if not mentions:
        return None
    covered = {i for _, start, size in mentions for i in range(start, start + size)}
    rest = [k for i, k in enumerate(mention_key(core)) if i not in covered and k not in QUESTION_WORDS
            and k not in PROGRAMME_WORDS]
    return None if rest else registry.programmes_in(core)[0]


def _neighbours(store, directive, cache: dict[str, list]) -> str:
    """The sentences before and after the directive's own (a place or a name is often said there)."""
    if directive.doc_id not in cache:
        cache[directive.doc_id] = store.sentences(directive.doc_id)
    sentences = cache[directive.doc_id]
    at = next((i for i, s in enumerate(sentences) if s.start == directive.sentence.start), None)
    if at is None:
        return ""
    return " ".join(s.text for s in sentences[max(0, at - 1):at + 2] if s.start != directive.sentence.start)


def assess(services, question: str, k: int = 8) -> Assessment:
    question = question.strip()
    lang = detect_lang(question)
    lang = lang if lang in ("ru", "kk") else "ru"
    registry = services.registry
    index = services.index
    kind = "deadline" if _DEADLINE_Q.search(question) else "owner"

    owner_filter = None
    what = _WHAT_Q.match(question)
    if what:
        oid = registry.link_body(what.group("owner") or what.group("owner_kk"), lang)
        if oid and not oid.startswith("new:"):
            owner_filter = oid
    core = question_core(question)
    programme = None if owner_filter else whole_programme(registry, core)
    result = Assessment(lang=lang, kind=kind, owner_filter=owner_filter, programme=programme)
    hits = [h for h in index.search(question, k=k, filters=SearchFilters(kind="directive"), owner_id=owner_filter)
            if h.directive is not None]
    if programme and not any(programme_signal({programme}, h.directive, registry) > 0 for h in hits):
        seen = {h.id for h in hits}
        hits += [h for h in index.search(question, k=k, filters=SearchFilters(kind="directive", project=programme))
                 if h.directive is not None and h.id not in seen]
    if not hits:
        return result
    core_vector = index.embedder.embed([core], kind="query")[0]
    action_sims = index.action_vectors([h.id for h in hits]) @ core_vector
    closest_sentence = best_sentence(core_vector, index)
    words = [m.group() for m in TOKEN.finditer(core) if len(m.group()) > 2 and term_key(m.group(), lang) not in QUESTION_WORDS]
    q_programmes = set(registry.programmes_in(question))
    q_places = places_in(core)
    q_bodies = question_bodies(registry, question, lang)
    q_names = unknown_names(registry, question, lang)
    q_recurring = asks_recurrence(question)
    q_years = years_in(question)
    nd_coverage = nondirective_coverage(index, question, words, lang)
    q_terms = unit_terms(question, lang)
    doc_sentences: dict[str, list] = {}
    for rank, (hit, action_sim) in enumerate(zip(hits, action_sims)):
        d = hit.directive
        terms = unit_terms(d.sentence.text + " " + d.action, hit.lang)
        cover = coverage(words, terms, index.lexical.idf, lang)
        owners = " ".join(d.owners)
        result.features.append(HitFeatures(
            action=float(action_sim), sentence=float(hit.dense or 0.0),
            sentence_gap=float(closest_sentence - action_sim) if closest_sentence is not None else -1.0,
            coverage=cover, programme=programme_signal(q_programmes, d, registry),
            place_miss=place_miss(q_places, d.sentence.text + " " + owners), rank=rank / k,
            nd_gap=nd_coverage - cover,
            name_miss=name_miss(q_names, " ".join([d.sentence.text, _neighbours(services.store, d, doc_sentences), owners]))
            if q_names else 0.0,
            owner_hit=owner_signal(q_bodies, d.owner_ids), recurrence=recurrence_signal(q_recurring, d.deadline),
            year=year_signal(q_years, d.deadline, d.sentence.text), rare_hit=rarest_hit(words, terms, index.lexical.idf, lang),
            date=date_signal(question_dates(question, hit.doc_date), d.deadline),
            rcov=action_coverage(d.action, hit.lang, q_terms, index.lexical.idf, QUESTION_WORDS)))
    result.hits = hits
    candidates = range(len(hits))
    if programme:
        candidates = [i for i in candidates if result.features[i].programme > 0] or candidates
    result.pick = max(candidates, key=lambda i: pick_score(result.features[i]))
    return result


def trusted(a: Assessment, model: ConfidenceModel) -> bool:
    """Whether the bot answers with its pick. A body named in the question ("Что поручено акиматам?") selects its
    directives: the owner is certain; so does a question about a whole programme answered by one of its own
    directives. Otherwise the trust model decides (``ConfidenceModel.trusts``: veto, then threshold)."""
    if a.pick is None:
        return False
    features = a.features[a.pick]
    in_programme = a.programme is not None and features.programme > 0
    return a.owner_filter is not None or in_programme or model.trusts(features)


def ask(services, question: str, as_of: str | None = None, model: ConfidenceModel | None = None) -> Answer:
    question = question.strip()
    model = model or trust_model()
    a = assess(services, question)
    if a.pick is None:
        return _abstain(question, a.lang)
    features = a.features[a.pick]
    confidence = model.probability(features)
    if not trusted(a, model):
        return _abstain(question, a.lang, confidence, features)
    hit = a.hits[a.pick]
    d = hit.directive
    registry = services.registry
    lang = a.lang
    owners_named = [registry.body_name(i, lang) if i and not i.startswith("new:") else m for m, i in zip(d.owners, d.owner_ids)]
    status = status_of(d, as_of)
    also = [h.id for h in a.hits if h.id != d.id and h.directive.project_id == d.project_id and d.project_id][:3]
    return Answer(question=question, lang=lang,
                  answer=_format(lang, owners_named, d, d.deadline, status, hit.doc_title, hit.doc_date, a.kind),
                  owners=owners_named, owner_ids=d.owner_ids, deadline=d.deadline, status=status["label"],
                  evidence=Evidence(doc_id=d.doc_id, doc_title=hit.doc_title, doc_date=hit.doc_date, directive_id=d.id,
                                    sentence=d.sentence.text, start=d.sentence.start, end=d.sentence.end),
                  confidence=round(confidence, 3), abstained=False, also=also, signals=features.as_dict())
