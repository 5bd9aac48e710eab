"""Side by side with natasha and Pullenti on the fields they have (Russian gold only): deadline dates, money,
and organisations as owners (recall of the gold owners among the organisations a system finds)."""

from __future__ import annotations

from ..ingest.prepare import prepare
from .extract import Counter, greedy_match, money_match


def compare_peers(docs, extractor, registry) -> dict:
    from .peers import PEERS

    systems = {"dq-nlp": None, **PEERS}
    counters = {name: {"deadline_dates": Counter(), "money": Counter(), "owner_recall": Counter()} for name in systems}
    for _path, ann, raw in docs:
        if ann.get("lang", "ru") != "ru":
            continue
        prepared = prepare(raw)
        text, date = prepared.document.text, prepared.document.date
        gold_dates = {(d.get("deadline") or {}).get("date") for d in ann.get("directives", [])} - {None}
        gold_owners = {registry.link_body(o, "ru") for d in ann.get("directives", []) for o in d.get("owners", [])}
        for name, fn in systems.items():
            if fn is None:
                ours = extractor.extract(prepared)
                facts = {"dates": [d.date for d in ours.deadlines if d.date],
                         "money": [m.model_dump() for m in ours.money],
                         "orgs": [e.text for e in ours.entities if e.label.startswith("ORG")]
                         + [o for d in ours.directives for o in d.owners]}
            else:
                facts = fn(text, date)
            dates = set(facts["dates"])
            c = counters[name]
            c["deadline_dates"].add(tp=len(dates & gold_dates), fp=len(dates - gold_dates), fn=len(gold_dates - dates))
            pairs, missed, false = greedy_match(ann.get("money", []), facts["money"], money_match)
            c["money"].add(tp=len(pairs), fp=len(false), fn=len(missed))
            found = {registry.link_body(o, "ru") for o in facts["orgs"]}
            c["owner_recall"].add(tp=len(found & gold_owners), fn=len(gold_owners - found))
    return {name: {field: c.scores() for field, c in fields.items()} for name, fields in counters.items()}
