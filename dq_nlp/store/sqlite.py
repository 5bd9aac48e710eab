"""Documents, sentences and extractions in one SQLite file. One connection per process (WAL, so the API's
readers never block a batch writer). Each document is written in one transaction: a failure loses nothing
that was stored before."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from ..records import Directive, Document, Extraction, Sentence

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, hash TEXT UNIQUE NOT NULL, url TEXT, title TEXT, date TEXT, lang TEXT,
  text TEXT NOT NULL, source TEXT, ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, lang TEXT, text TEXT NOT NULL, PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS directives (
  id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  lang TEXT, issuer TEXT, issuer_id TEXT, action TEXT, deadline_date TEXT, project_id TEXT,
  sentence_start INTEGER, sentence_end INTEGER, record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS directive_owners (
  directive_id TEXT NOT NULL REFERENCES directives(id) ON DELETE CASCADE, owner TEXT NOT NULL, owner_id TEXT
);
CREATE INDEX IF NOT EXISTS ix_owner ON directive_owners(owner_id);
CREATE INDEX IF NOT EXISTS ix_deadline ON directives(deadline_date);
CREATE TABLE IF NOT EXISTS facts (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, kind TEXT NOT NULL, record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_facts ON facts(doc_id, kind);
CREATE TABLE IF NOT EXISTS ingest_log (
  source TEXT NOT NULL, status TEXT NOT NULL, doc_id TEXT, message TEXT, at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self.conn = sqlite3.connect(str(self.path), check_same_thread=False, timeout=30)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.executescript(SCHEMA)

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ writes
    def has_hash(self, digest: str) -> str | None:
        row = self.conn.execute("SELECT id FROM documents WHERE hash=?", (digest,)).fetchone()
        return row["id"] if row else None

    def save(self, document: Document, sentences: list[Sentence], extraction: Extraction) -> None:
        with self._lock, self.conn:
            self.conn.execute(
                "INSERT INTO documents (id, hash, url, title, date, lang, text, source, ingested_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (document.id, document.hash, document.url, document.title, document.date, document.lang, document.text,
                 document.source, _now()))
            self.conn.executemany(
                'INSERT INTO sentences (doc_id, idx, start, "end", lang, text) VALUES (?,?,?,?,?,?)',
                [(s.doc_id, s.idx, s.start, s.end, s.lang, s.text) for s in sentences])
            for d in extraction.directives:
                self.conn.execute(
                    "INSERT INTO directives (id, doc_id, lang, issuer, issuer_id, action, deadline_date, project_id, "
                    "sentence_start, sentence_end, record) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (d.id, document.id, d.lang, d.issuer, d.issuer_id, d.action, d.deadline.date if d.deadline else None,
                     d.project_id, d.sentence.start, d.sentence.end, d.model_dump_json()))
                self.conn.executemany("INSERT INTO directive_owners (directive_id, owner, owner_id) VALUES (?,?,?)",
                                      [(d.id, o, oid) for o, oid in zip(d.owners, d.owner_ids)])
            rows = [(document.id, "money", m.model_dump_json()) for m in extraction.money]
            rows += [(document.id, "kpi", json.dumps(k.dump(), ensure_ascii=False)) for k in extraction.kpis]
            rows += [(document.id, "deadline", x.model_dump_json()) for x in extraction.deadlines]
            rows += [(document.id, "entity", e.model_dump_json()) for e in extraction.entities]
            self.conn.executemany("INSERT INTO facts (doc_id, kind, record) VALUES (?,?,?)", rows)
            self._bump_version()

    def log(self, source: str, status: str, doc_id: str | None = None, message: str | None = None) -> None:
        with self._lock, self.conn:
            self.conn.execute("INSERT INTO ingest_log (source, status, doc_id, message, at) VALUES (?,?,?,?,?)",
                              (source, status, doc_id, message, _now()))

    def _bump_version(self) -> None:
        self.conn.execute("INSERT INTO meta (key, value) VALUES ('version', '1') "
                          "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")

    def version(self) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        return int(row["value"]) if row else 0

    # ------------------------------------------------------------------ reads
    def document(self, doc_id: str) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        if not row:
            return None
        return Document(id=row["id"], url=row["url"], title=row["title"], date=row["date"], lang=row["lang"],
                        text=row["text"], hash=row["hash"], source=row["source"])

    def documents(self) -> list[dict]:
        rows = self.conn.execute("SELECT id, title, date, lang, source, url FROM documents ORDER BY date, id").fetchall()
        return [dict(r) for r in rows]

    def sentences(self, doc_id: str | None = None) -> list[Sentence]:
        if doc_id:
            rows = self.conn.execute('SELECT * FROM sentences WHERE doc_id=? ORDER BY idx', (doc_id,)).fetchall()
        else:
            rows = self.conn.execute('SELECT * FROM sentences ORDER BY doc_id, idx').fetchall()
        return [Sentence(doc_id=r["doc_id"], idx=r["idx"], start=r["start"], end=r["end"], lang=r["lang"], text=r["text"])
                for r in rows]

    def directive(self, directive_id: str) -> Directive | None:
        row = self.conn.execute("SELECT record FROM directives WHERE id=?", (directive_id,)).fetchone()
        return Directive.model_validate_json(row["record"]) if row else None

    def directives(self, owner_id: str | None = None, lang: str | None = None, due_before: str | None = None,
                   due_after: str | None = None, doc_id: str | None = None, project_id: str | None = None,
                   limit: int | None = None) -> list[Directive]:
        sql = "SELECT DISTINCT d.record FROM directives d LEFT JOIN directive_owners o ON o.directive_id = d.id WHERE 1=1"
        args: list = []
        for value, clause in ((owner_id, "o.owner_id = ?"), (lang, "d.lang = ?"),
                              (due_before, "d.deadline_date IS NOT NULL AND d.deadline_date <= ?"),
                              (due_after, "d.deadline_date IS NOT NULL AND d.deadline_date >= ?"),
                              (doc_id, "d.doc_id = ?"), (project_id, "d.project_id = ?")):
            if value:
                sql += f" AND {clause}"
                args.append(value)
        sql += " ORDER BY d.deadline_date IS NULL, d.deadline_date, d.id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [Directive.model_validate_json(r["record"]) for r in self.conn.execute(sql, args).fetchall()]

    def facts(self, doc_id: str, kind: str) -> list[dict]:
        rows = self.conn.execute("SELECT record FROM facts WHERE doc_id=? AND kind=?", (doc_id, kind)).fetchall()
        return [json.loads(r["record"]) for r in rows]

    def extraction(self, doc_id: str) -> Extraction | None:
        doc = self.document(doc_id)
        if not doc:
            return None
        return Extraction(lang=doc.lang, doc_date=doc.date, directives=self.directives(doc_id=doc_id),
                          deadlines=self.facts(doc_id, "deadline"), money=self.facts(doc_id, "money"),
                          kpis=self.facts(doc_id, "kpi"), entities=self.facts(doc_id, "entity"))

    def owners(self) -> list[dict]:
        rows = self.conn.execute(
            "SELECT o.owner_id, COUNT(DISTINCT o.directive_id) AS n, MIN(d.deadline_date) AS nearest, "
            "GROUP_CONCAT(DISTINCT o.owner) AS forms FROM directive_owners o JOIN directives d ON d.id = o.directive_id "
            "GROUP BY o.owner_id ORDER BY n DESC").fetchall()
        return [dict(r) for r in rows]

    def counts(self) -> dict[str, int]:
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("documents", "sentences", "directives", "facts")}
