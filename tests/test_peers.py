"""Peer extractors (natasha, Pullenti) on short sentences of the genre.

What each peer really supports, and what the tests therefore assert:

* natasha (``DatesExtractor``/``MoneyExtractor``/news NER): full and partial dates
  (``5 декабря 2025 года``, ``15 марта``, ``в ноябре 2025 года``, ``в 2026 году``); money only for
  roubles, dollars and euros written as words (``12,5 млрд рублей``, ``5 млн долларов``).  It does
  not parse currency signs or tenge: ``$665,5 млн`` and ``1,5 млрд тенге`` give nothing, so those are
  not asserted for it.  It has no date ranges.
* Pullenti 4.1: dates, ranges (``с 1 по 15 марта 2026 года``), ``$200 млн``/``$665,5 млн`` in units
  (665 500 000), tenge, full organisation names.  It does not know ``трлн``.

Loading: natasha about 1 s, Pullenti about 5-8 s (so these tests are not marked slow).
"""

from __future__ import annotations

import pytest

from dq_nlp.eval.peers import PEERS, _resolve, natasha_facts, pullenti_facts

DOC_DATE = "2025-11-26"
TEXT = (
    "Премьер-министр поручил МИИЦР до 5 декабря 2025 года сформировать проекты. "
    "Инвестиции выросли с $200 млн до $665,5 млн."
)
KEYS = {"dates", "money", "orgs", "date_ranges"}


def _check_schema(facts: dict) -> None:
    assert set(facts) == KEYS
    assert all(isinstance(d, str) and len(d) == 10 for d in facts["dates"])
    for m in facts["money"]:
        assert set(m) == {"value", "currency"}
        assert isinstance(m["value"], float)
        assert m["currency"] in {"KZT", "USD", "EUR", "RUB", "CNY"}
    assert all(isinstance(o, str) and o for o in facts["orgs"])
    assert all(len(r) == 2 and r[0] <= r[1] for r in facts["date_ranges"])


def _money(facts: dict) -> set[tuple[float, str]]:
    return {(m["value"], m["currency"]) for m in facts["money"]}


# ---------------------------------------------------------------- resolution rules (no models)


@pytest.mark.parametrize(
    ("ymd", "expected"),
    [
        ((2025, 12, 5), "2025-12-05"),
        ((None, 3, 15), "2026-03-15"),  # more than a month before the document date: next year
        ((None, 11, 20), "2025-11-20"),  # within a month: the document's year
        ((2025, 11, None), "2025-11-30"),  # no day: the month's last day
        ((2028, None, None), "2028-12-31"),  # a bare year
        ((None, 2, None), "2026-02-28"),
        ((2025, 2, 30), None),  # impossible date
        ((None, None, 5), None),  # a bare day
    ],
)
def test_resolution_rules(ymd, expected):
    from datetime import date

    assert _resolve(*ymd, date(2025, 11, 26)) == expected


def test_resolution_of_range_starts_and_quarters():
    from datetime import date

    doc = date(2025, 11, 26)
    assert _resolve(2026, 1, None, doc, start=True) == "2026-01-01"
    assert _resolve(2018, None, None, doc, start=True) == "2018-01-01"
    assert _resolve(2026, None, None, doc, quarter=2) == "2026-06-30"


def test_registry():
    assert PEERS == {"natasha": natasha_facts, "pullenti": pullenti_facts}


# ---------------------------------------------------------------- natasha


def test_natasha_dates_and_orgs():
    facts = natasha_facts(TEXT, DOC_DATE)
    _check_schema(facts)
    assert "2025-12-05" in facts["dates"]
    assert "МИИЦР" in facts["orgs"]
    assert facts["date_ranges"] == []


def test_natasha_partial_dates_resolved_like_our_rules():
    facts = natasha_facts("Работы начнутся 15 марта, отчёт представлен в ноябре 2025 года, запуск в 2026 году.",
                          DOC_DATE)
    assert facts["dates"] == ["2026-03-15", "2025-11-30", "2026-12-31"]


def test_natasha_money_in_words():
    facts = natasha_facts("На проект выделено 12,5 млрд рублей, ещё 5 млн долларов привлекут инвесторы.", DOC_DATE)
    _check_schema(facts)
    assert _money(facts) == {(12_500_000_000.0, "RUB"), (5_000_000.0, "USD")}


# ---------------------------------------------------------------- Pullenti

@pytest.fixture(scope="module")
def pt():
    pytest.importorskip("pullenti")  # the optional "peers" extra; the natasha tests run without it
    return pullenti_facts


def test_pullenti_dates_and_money_in_units(pt):
    facts = pt(TEXT, DOC_DATE)
    _check_schema(facts)
    assert facts["dates"] == ["2025-12-05"]  # "до 5 декабря 2025 года": an open range, its end as a date
    assert facts["date_ranges"] == []  # no start, so not a range
    assert _money(facts) == {(200_000_000.0, "USD"), (665_500_000.0, "USD")}


def test_pullenti_tenge_ranges_and_orgs(pt):
    text = (
        "С 1 по 15 марта 2026 года Министерство финансов Республики Казахстан и АО «Казахтелеком» "
        "направят на проект 1,5 млрд тенге и 10 млн юаней."
    )
    facts = pt(text, DOC_DATE)
    _check_schema(facts)
    assert facts["date_ranges"] == [["2026-03-01", "2026-03-15"]]
    assert facts["dates"] == ["2026-03-15"]
    assert _money(facts) == {(1_500_000_000.0, "KZT"), (10_000_000.0, "CNY")}
    assert "Министерство финансов Республики Казахстан" in facts["orgs"]
    assert "АО «Казахтелеком»" in facts["orgs"]


# ---------------------------------------------------------------- robustness


@pytest.mark.parametrize("name", ["natasha", "pullenti"])
@pytest.mark.parametrize(
    "text",
    ["", "   \n", "\x00\x01\ufeff", "%" * 2000, "1" * 3000,
     "Үкімет 2025 жылғы 5 желтоқсанға дейін 500 млн теңге бөлді."],
)
def test_odd_text_never_raises(name, text):
    if name == "pullenti":
        pytest.importorskip("pullenti")
    facts = PEERS[name](text, None)
    _check_schema(facts)
    assert PEERS[name](text, "not a date") is not None
