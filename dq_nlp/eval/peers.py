"""Peer extractors (natasha, Pullenti) wrapped to the evaluator's per-document fact schema.

Both ``natasha_facts`` and ``pullenti_facts`` take one document text and its date and return::

    {"dates": ["YYYY-MM-DD", ...],
     "money": [{"value": float, "currency": "KZT|USD|EUR|RUB|CNY"}, ...],
     "orgs": [surface string, ...],
     "date_ranges": [[start_iso, end_iso], ...]}

Every list is de-duplicated and kept in order of first mention; an org is the surface text of one
occurrence (natasha's ORG span, Pullenti's ``text[begin_char:end_char + 1]``, whitespace runs collapsed). Models are loaded once per process
(lazily, on the first call, under a lock); a failure on odd input gives empty lists, never an exception.
A peer whose package cannot be loaded (Pullenti is the optional ``peers`` extra) also gives empty lists,
after one warning in the log.

Partial dates are resolved like our own deadline rules (``dq_nlp.extract.grammars.deadlines``):
a date without a year gets the document's year, or the next year when that date would fall more
than a month before the document date; a date without a day is the last day of its month; a bare
year is its 31 December; a bare quarter is its last day.  A missing ``doc_date`` means today, as in
our rules.  Range *starts* are resolved to the first day instead (``с января по март 2026 года`` is
``[2026-01-01, 2026-03-31]``).  Relative dates ("в следующем году") and day-only dates are skipped.

What the peers can and cannot do (natasha 1.6, Pullenti 4.1, measured on our genre):

* natasha's ``MoneyExtractor`` knows only roubles, dollars and euros written as words
  (``12,5 млрд рублей``, ``5 млн долларов``, ``300 тыс. евро``): no tenge, no yuan, and no
  currency signs (``$665,5 млн`` gives nothing).  Its ``DatesExtractor`` has no ranges
  (``date_ranges`` is always empty), reads ``с 1 по 15 марта`` as just 15 March, and misses
  ``к марту``.
* Pullenti knows tenge (``тенге``, ``₸``), yuan and ``$``, but not ``трлн`` (``1,2 трлн тенге`` gives
  nothing).  Its ``DateRangeReferent`` gives ranges (``с 1 по 15 марта``, ``2025-2026 годах``,
  ``в первом квартале 2026 года``) and open ones (``до 5 декабря 2025 года``): a range's end (or, for a
  range with only a start, its start) goes into ``dates``; only ranges with both ends go into
  ``date_ranges``.
* Money outside the five currencies of the schema is dropped.
"""

from __future__ import annotations

import calendar
import logging
import threading
import warnings
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

log = logging.getLogger(__name__)

CURRENCIES = frozenset({"KZT", "USD", "EUR", "RUB", "CNY"})

# Pullenti analyzers we need: the four fact types plus the ones organisations are built on
# (same entities on our samples as the full standard processor, about 20% faster).
_PULLENTI_ANALYZERS = frozenset({"DATE", "MONEY", "ORGANIZATION", "GEO", "ADDRESS", "PERSON", "PERSONPROPERTY"})

_init_lock = threading.Lock()
_pullenti_lock = threading.Lock()
_loaded: dict[str, Any] = {}  # name -> models, or the exception loading them raised (not retried)


def _once(name: str, load: Callable[[], Any]) -> Any:
    """Load a peer's models once per process; a failed load is remembered and re-raised, not retried."""
    if name not in _loaded:
        with _init_lock:
            if name not in _loaded:
                try:
                    _loaded[name] = load()
                except Exception as exc:  # e.g. the optional pullenti is not installed: say so, once
                    log.warning("peer %s is unavailable, it will give empty facts: %r", name, exc)
                    _loaded[name] = exc
    got = _loaded[name]
    if isinstance(got, Exception):
        raise RuntimeError(f"{name} is unavailable: {got!r}")
    return got


def _empty() -> dict:
    return {"dates": [], "money": [], "orgs": [], "date_ranges": []}


# ---------------------------------------------------------------- date resolution (our rules)


def _doc_day(doc_date: str | None) -> date:
    if doc_date:
        try:
            return date.fromisoformat(str(doc_date).strip()[:10])
        except ValueError:
            pass
    return date.today()


def _infer_year(month: int, day: int, doc: date) -> int:
    candidate = date(doc.year, month, min(day, calendar.monthrange(doc.year, month)[1]))
    return doc.year + 1 if candidate < doc - timedelta(days=31) else doc.year


def _resolve(year: int | None, month: int | None, day: int | None, doc: date,
             quarter: int | None = None, start: bool = False) -> str | None:
    """ISO date for a partial (year, month, day); ``start`` resolves missing parts to the first day."""
    try:
        year, month, day = int(year or 0), int(month or 0), int(day or 0)
        if not month and quarter and 1 <= int(quarter) <= 4:
            month, day = (3 * int(quarter) - 2, 1) if start else (3 * int(quarter), 0)
        if not month:
            if not year or day:
                return None  # nothing, or a bare day without a month
            return date(year, 1, 1).isoformat() if start else date(year, 12, 31).isoformat()
        if not 1 <= month <= 12:
            return None
        if not year:
            year = _infer_year(month, day or 28, doc)
        if not day:
            day = 1 if start else calendar.monthrange(year, month)[1]
        return date(year, month, day).isoformat()
    except (ValueError, TypeError, OverflowError):
        return None


def _unique(items: Iterable) -> list:
    out: list = []
    for item in items:
        if item is not None and item not in out:
            out.append(item)
    return out


def _money(value: Any, currency: Any) -> dict | None:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    cur = str(currency or "").upper()
    if cur not in CURRENCIES or v != v:  # unknown currency or NaN
        return None
    return {"value": v, "currency": cur}


def _safe(fn: Callable[[str, str | None], dict]) -> Callable[[str, str | None], dict]:
    def wrapper(text: str, doc_date: str | None = None) -> dict:
        if not isinstance(text, str) or not text.strip():
            return _empty()
        try:
            return fn(text, doc_date)
        except Exception as exc:  # a peer must never break an evaluation run (RecursionError included)
            log.debug("%s failed on a %d-char text: %r", fn.__name__, len(text), exc)
            return _empty()

    wrapper.__name__ = fn.__name__
    wrapper.__qualname__ = fn.__qualname__
    wrapper.__doc__ = fn.__doc__
    return wrapper


# ---------------------------------------------------------------- natasha


def _load_natasha() -> dict:
    morph_log = logging.getLogger("pymorphy2")
    level = morph_log.level
    morph_log.setLevel(logging.WARNING)  # its dictionary-loading INFO lines
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from natasha import (
                DatesExtractor,
                MoneyExtractor,
                MorphVocab,
                NewsEmbedding,
                NewsNERTagger,
                Segmenter,
            )

            vocab = MorphVocab()
            return {
                "dates": DatesExtractor(vocab),
                "money": MoneyExtractor(vocab),
                "segmenter": Segmenter(),
                "ner": NewsNERTagger(NewsEmbedding()),
            }
    finally:
        morph_log.setLevel(level)


def _natasha() -> dict:
    return _once("natasha", _load_natasha)


@_safe
def natasha_facts(text: str, doc_date: str | None) -> dict:
    """Dates, money and ORG spans found by natasha (``DatesExtractor``, ``MoneyExtractor``, news NER)."""
    from natasha import Doc

    m = _natasha()
    doc = _doc_day(doc_date)
    dates = [_resolve(x.fact.year, x.fact.month, x.fact.day, doc) for x in m["dates"](text)]
    money = [_money(x.fact.amount, x.fact.currency) for x in m["money"](text)]
    nd = Doc(text)
    nd.segment(m["segmenter"])
    nd.tag_ner(m["ner"])
    orgs = [s.text.strip() for s in nd.spans if s.type == "ORG" and s.text.strip()]
    return {"dates": _unique(dates), "money": _unique(money), "orgs": _unique(orgs), "date_ranges": []}


# ---------------------------------------------------------------- Pullenti


def _load_pullenti() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pullenti imports the deprecated pkg_resources
        from pullenti.morph.MorphLang import MorphLang
        from pullenti.ner.address.AddressAnalyzer import AddressAnalyzer
        from pullenti.ner.date.DateAnalyzer import DateAnalyzer
        from pullenti.ner.geo.GeoAnalyzer import GeoAnalyzer
        from pullenti.ner.money.MoneyAnalyzer import MoneyAnalyzer
        from pullenti.ner.org.OrganizationAnalyzer import OrganizationAnalyzer
        from pullenti.ner.person.PersonAnalyzer import PersonAnalyzer
        from pullenti.ner.ProcessorService import ProcessorService

        # The part of Sdk.initialize_all() we need (about 8 s instead of 11 s); idempotent, so a
        # process that has already called Sdk.initialize_all() is fine too.
        ProcessorService.initialize(MorphLang.RU | MorphLang.EN)
        for analyzer in (MoneyAnalyzer, DateAnalyzer, GeoAnalyzer, AddressAnalyzer, OrganizationAnalyzer,
                         PersonAnalyzer):
            analyzer.initialize()
        proc = ProcessorService.create_empty_processor()
        for a in ProcessorService.get_analyzers():
            if a.name in _PULLENTI_ANALYZERS:
                proc.add_analyzer(a.clone())
        return proc


def _pullenti() -> Any:
    return _once("pullenti", _load_pullenti)


def _pullenti_date(ref: Any, doc: date, start: bool = False) -> str | None:
    if ref is None or ref.is_relative:
        return None
    return _resolve(ref.year, ref.month, ref.day, doc, quarter=ref.quartal, start=start)


def _contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and outer != inner


@_safe
def pullenti_facts(text: str, doc_date: str | None) -> dict:
    """Dates, date ranges, money and organisations found by Pullenti's referents."""
    from pullenti.ner.SourceOfAnalysis import SourceOfAnalysis

    proc = _pullenti()
    with _pullenti_lock:  # one shared processor; Pullenti is pure Python, so this costs no parallelism
        result = proc.process(SourceOfAnalysis(text))
    doc = _doc_day(doc_date)

    # Pullenti makes a referent for every level of a date ("2025 год" inside "декабрь 2025 года" inside
    # "5 декабря 2025 года" inside the range "до 5 декабря 2025 года"): keep only the outermost mentions.
    spans: list[tuple[int, int, str, Any]] = []
    money: list[tuple[int, dict | None]] = []
    orgs: list[tuple[int, str]] = []
    for ent in result.entities:
        occ = sorted((o.begin_char, o.end_char + 1) for o in ent.occurrence)
        if not occ:
            continue
        kind = ent.type_name
        if kind in ("DATE", "DATERANGE"):
            spans.extend((b, e, kind, ent) for b, e in occ)
        elif kind == "MONEY":
            money.append((occ[0][0], _money(ent.real_value, ent.currency)))
        elif kind == "ORGANIZATION":
            orgs.extend((b, " ".join(text[b:e].split())) for b, e in occ)

    ranges_spans = [(b, e) for b, e, kind, _ in spans if kind == "DATERANGE"]
    dates: list[tuple[int, str | None]] = []
    ranges: list[tuple[int, list[str]]] = []
    for b, e, kind, ent in spans:
        if any(_contains(r, (b, e)) for r in ranges_spans):
            continue
        if kind == "DATERANGE":
            lo = _pullenti_date(ent.date_from, doc, start=True)
            hi = _pullenti_date(ent.date_to, doc)
            if lo and hi:
                ranges.append((b, [lo, hi]))
            dates.append((b, hi or lo))
        elif not any(_contains((b2, e2), (b, e)) for b2, e2, k2, _ in spans if k2 == "DATE"):
            dates.append((b, _pullenti_date(ent, doc)))

    def ordered(pairs: list) -> list:
        return _unique(v for _, v in sorted(pairs, key=lambda p: p[0]))

    return {
        "dates": ordered(dates),
        "money": ordered(money),
        "orgs": [o for o in ordered(orgs) if o],
        "date_ranges": ordered(ranges),
    }


PEERS: dict[str, Callable[[str, str | None], dict]] = {"natasha": natasha_facts, "pullenti": pullenti_facts}
