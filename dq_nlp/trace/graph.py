"""The trace of a directive (document → directive → owners → project → strategy, with status) and the whole
graph for analysts (JSON, GraphML, Mermaid)."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from ..errors import NotFound
from ..records import Directive
from .registry import Registry


def status_of(directive: Directive, as_of: str | None = None) -> dict:
    today = date.fromisoformat(as_of) if as_of else date.today()
    dl = directive.deadline
    if dl is None:
        return {"status": "open", "label": "no deadline", "days_left": None}
    if dl.recurrence:
        return {"status": "recurring", "label": dl.recurrence, "days_left": None}
    if not dl.date:
        return {"status": "open", "label": "no date", "days_left": None}
    left = (date.fromisoformat(dl.date) - today).days
    if left < 0:
        return {"status": "overdue", "label": f"overdue by {-left} days", "days_left": left}
    return {"status": "open", "label": f"due in {left} days", "days_left": left}


def _body(registry: Registry, mention: str, body_id: str | None) -> dict:
    row = registry.bodies.get(body_id or "", {})
    return {"mention": mention, "id": body_id, "name_ru": row.get("name_ru") or registry.body_name(body_id, "ru"),
            "name_kk": row.get("name_kk"), "type": row.get("type", "candidate" if (body_id or "").startswith("new:") else None)}


def same_directive_key(d: Directive) -> tuple:
    """Two reports of one directive: same owners, same deadline, same first action word."""
    first = (d.action.split() or [""])[0].lower()[:6]
    return (tuple(sorted(filter(None, d.owner_ids))), d.deadline.date if d.deadline else None, first)


def trace(store, registry: Registry, directive_id: str, as_of: str | None = None) -> dict:
    directive = store.directive(directive_id)
    if directive is None:
        raise NotFound(f"no directive {directive_id!r}; list them with `dq search` or GET /directives")
    doc = store.document(directive.doc_id)
    key = same_directive_key(directive)
    sources = []
    if key[0]:
        for other in store.directives(owner_id=key[0][0]):
            if other.id != directive.id and same_directive_key(other) == key:
                odoc = store.document(other.doc_id)
                sources.append({"directive_id": other.id, "doc_id": other.doc_id, "title": odoc.title if odoc else None,
                                "date": odoc.date if odoc else None})
    return {
        "directive": directive.model_dump(),
        "issuer": _body(registry, directive.issuer, directive.issuer_id) if directive.issuer else None,
        "owners": [_body(registry, m, i) for m, i in zip(directive.owners, directive.owner_ids)],
        "project": registry.programme_chain(directive.project_id),
        "status": status_of(directive, as_of),
        "source": {"doc_id": doc.id if doc else directive.doc_id, "title": doc.title if doc else None,
                   "date": doc.date if doc else None, "url": doc.url if doc else None, "path": doc.source if doc else None,
                   "sentence": directive.sentence.model_dump()},
        "other_sources": sources,
    }


def graph(store, registry: Registry, as_of: str | None = None) -> dict:
    nodes: dict[str, dict] = {}
    edges: list[dict] = []
    for doc in store.documents():
        nodes[f"doc:{doc['id']}"] = {"id": f"doc:{doc['id']}", "type": "document", "label": doc["title"] or doc["id"],
                                     "date": doc["date"]}
    for d in store.directives():
        nid = f"dir:{d.id}"
        st = status_of(d, as_of)
        nodes[nid] = {"id": nid, "type": "directive", "label": d.action[:80],
                      "deadline": d.deadline.date if d.deadline else None, "status": st["status"]}
        edges.append({"source": f"doc:{d.doc_id}", "target": nid, "type": "contains"})
        for mention, oid in zip(d.owners, d.owner_ids):
            bid = f"body:{oid or mention}"
            nodes.setdefault(bid, {"id": bid, "type": "body", "label": registry.body_name(oid, "ru") or mention})
            edges.append({"source": nid, "target": bid, "type": "owned_by"})
        chain = registry.programme_chain(d.project_id)
        prev = nid
        for link in chain:
            pid = f"prog:{link['id']}"
            nodes.setdefault(pid, {"id": pid, "type": link["type"] or "programme", "label": link["name_ru"]})
            edge = {"source": prev, "target": pid, "type": "part_of"}
            if edge not in edges:
                edges.append(edge)
            prev = pid
    return {"nodes": list(nodes.values()), "edges": edges}


def to_graphml(g: dict) -> str:
    keys = ["type", "label", "date", "deadline", "status"]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    out += [f'  <key id="{k}" for="node" attr.name="{k}" attr.type="string"/>' for k in keys]
    out.append('  <key id="etype" for="edge" attr.name="type" attr.type="string"/>')
    out.append('  <graph id="dq" edgedefault="directed">')
    for n in g["nodes"]:
        data = "".join(f'<data key="{k}">{escape(str(n[k]))}</data>' for k in keys if n.get(k) is not None)
        out.append(f'    <node id="{escape(n["id"])}">{data}</node>')
    for e in g["edges"]:
        out.append(f'    <edge source="{escape(e["source"])}" target="{escape(e["target"])}"><data key="etype">{e["type"]}</data></edge>')
    out += ["  </graph>", "</graphml>"]
    return "\n".join(out)


def to_mermaid(g: dict) -> str:
    ids = {n["id"]: f"n{i}" for i, n in enumerate(g["nodes"])}
    lines = ["graph LR"]
    for n in g["nodes"]:
        label = str(n["label"]).replace('"', "'")[:60]
        lines.append(f'  {ids[n["id"]]}["{n["type"]}: {label}"]')
    for e in g["edges"]:
        lines.append(f'  {ids[e["source"]]} -->|{e["type"]}| {ids[e["target"]]}')
    return "\n".join(lines)
