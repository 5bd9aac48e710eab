"""The records every stage speaks: one definition shared by the store, the CLI's --json and the API.

Offsets are character offsets into the *normalised* document text (see ``dq_nlp.ingest.normalize``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["ru", "kk", "mixed", "unknown"]
Granularity = Literal["day", "month", "quarter", "half", "year"]


class Record(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="ignore")


class Span(Record):
    text: str
    start: int
    end: int


class Deadline(Record):
    """A deadline: the last day of the period it names, or a recurrence (``ежеквартально``) with no date."""

    text: str
    date: str | None = None  # ISO YYYY-MM-DD, the last day of the period
    granularity: Granularity | None = None
    recurrence: Literal["daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly"] | None = None
    start: int | None = None
    end: int | None = None


class Money(Record):
    text: str
    value: float
    currency: str  # ISO 4217: KZT, USD, RUB, EUR, CNY …
    start: int
    end: int


class Kpi(Record):
    """A measured indicator: ``доля безналичных платежей выросла с 30% до 89%``."""

    metric: str
    from_: float | None = Field(default=None, alias="from")
    to: float | None = None
    unit: str | None = None  # "%", "p.p.", "x", "place", a currency, or a count noun
    period: str | None = None  # "2018–2024", "к 2029", …
    kind: Literal["achieved", "target", "value"] = "value"
    text: str
    start: int | None = None
    end: int | None = None

    def dump(self) -> dict:
        return self.model_dump(by_alias=True)


class Entity(Record):
    text: str
    label: str
    start: int
    end: int
    canonical_id: str | None = None


class Directive(Record):
    id: str
    doc_id: str | None = None
    issuer: str | None = None
    issuer_id: str | None = None
    owners: list[str] = Field(default_factory=list)
    owner_ids: list[str | None] = Field(default_factory=list)
    action: str
    deadline: Deadline | None = None
    sentence: Span
    project: str | None = None
    project_id: str | None = None
    lang: Lang = "ru"


class Sentence(Record):
    doc_id: str
    idx: int
    start: int
    end: int
    lang: Lang
    text: str


class Document(Record):
    id: str
    url: str | None = None
    title: str | None = None
    date: str | None = None  # ISO date of publication, when known
    lang: Lang = "unknown"
    text: str
    hash: str
    source: str | None = None  # the path or URL it was read from


class Extraction(Record):
    """What ``dq extract --json`` prints for one document."""

    lang: Lang
    doc_date: str | None = None
    directives: list[Directive] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    money: list[Money] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)

    def dump(self) -> dict:
        return self.model_dump(by_alias=True)
