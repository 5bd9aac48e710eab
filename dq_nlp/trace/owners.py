"""`dq owners`: each body with its open directives and nearest deadline."""

from __future__ import annotations

from .graph import status_of


def owners_report(services, as_of: str | None = None) -> list[dict]:
    registry = services.registry
    rows: dict[str, dict] = {}
    for d in services.store.directives():
        st = status_of(d, as_of)
        for mention, oid in zip(d.owners, d.owner_ids):
            key = oid or f"new:{mention}"
            row = rows.setdefault(key, {"owner_id": key, "name": registry.body_name(key, "ru") or mention, "open": 0,
                                        "overdue": 0, "nearest_deadline": None, "directives": []})
            row["directives"].append({"id": d.id, "deadline": d.deadline.date if d.deadline else None, "status": st["label"]})
            if st["status"] == "overdue":
                row["overdue"] += 1
            else:
                row["open"] += 1
                if d.deadline and d.deadline.date and st["status"] == "open":
                    if row["nearest_deadline"] is None or d.deadline.date < row["nearest_deadline"]:
                        row["nearest_deadline"] = d.deadline.date
    return sorted(rows.values(), key=lambda r: (-r["open"], r["owner_id"]))
