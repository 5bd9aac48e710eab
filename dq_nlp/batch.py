"""`dq batch`: extraction over a folder of new press releases, resumable, never stopped by one bad document."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from .errors import DqError
from .ingest.readers import read_path
from .ingest.run import ingest_raw, iter_files

FORMATS = (".jsonl", ".csv", ".parquet")


def _rows(doc_id: str, source: str, extraction: dict) -> list[dict]:
    rows = []
    for d in extraction["directives"]:
        dl = d.get("deadline") or {}
        rows.append({"doc_id": doc_id, "source": source, "directive_id": d["id"], "issuer": d["issuer"],
                     "owners": "; ".join(d["owners"]), "owner_ids": "; ".join(x or "" for x in d["owner_ids"]),
                     "action": d["action"], "deadline": dl.get("date"), "recurrence": dl.get("recurrence"),
                     "project_id": d["project_id"], "sentence": d["sentence"]["text"]})
    return rows


def _journaled(journal: Path) -> set[str]:
    """Documents already in the feed. A run killed in the middle of a write leaves a broken last line: it is cut
    off here (that document is not in the store yet, because the feed is written first, so the rerun redoes it)."""
    if not journal.exists():
        return set()
    done: set[str] = set()
    good: list[str] = []
    lines = journal.read_text(encoding="utf-8", errors="replace").splitlines()
    for line in lines:
        if not line.strip():
            continue
        try:
            done.add(json.loads(line)["doc_id"])
        except (json.JSONDecodeError, KeyError, TypeError):
            continue
        good.append(line)
    if len(good) != len([x for x in lines if x.strip()]):
        journal.write_text("".join(x + "\n" for x in good), encoding="utf-8")
    return done


def run_batch(services, directory: Path, out: Path, index: bool = True) -> dict:
    from tqdm import tqdm

    if out.suffix not in FORMATS:
        raise DqError(f"--out must end in one of {', '.join(FORMATS)}")
    if not Path(directory).is_dir():
        raise DqError(f"{directory}: not a folder")
    files = list(iter_files([directory]))
    # Results are appended to a JSONL journal next to the output as each document finishes: a killed run
    # resumes from the store (seen documents are skipped) and the journal keeps what was done before the kill.
    journal = out.with_suffix(out.suffix + ".partial.jsonl") if out.suffix != ".jsonl" else out
    done = _journaled(journal)
    errors: list[str] = []
    added = skipped = 0
    with journal.open("a", encoding="utf-8") as fh:

        def journal_line(item, extraction) -> None:
            if item.doc_id not in done:
                fh.write(json.dumps({"doc_id": item.doc_id, "source": item.source, "title": item.title,
                                     "lang": item.lang, "extraction": extraction.dump()}, ensure_ascii=False) + "\n")
                fh.flush()
                done.add(item.doc_id)

        for path in tqdm(files, desc="batch", unit="doc", disable=not sys.stderr.isatty()):
            try:
                raws = read_path(path, services.settings.max_file_mb)
            except DqError as exc:
                errors.append(str(exc))
                continue
            except Exception as exc:  # noqa: BLE001
                errors.append(f"{path}: {type(exc).__name__}: {exc}")
                continue
            for raw in raws:
                if raw.error:
                    errors.append(raw.error)
                    continue
                # ingest_raw prepares the document once and says "duplicate" for content already in the store
                item, _ = ingest_raw(services, raw, index=index, before_save=journal_line)
                if item.status == "error":
                    errors.append(item.message or raw.source)
                elif item.status == "duplicate":
                    skipped += 1
                else:
                    added += 1
    if out.suffix != ".jsonl":
        records = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines() if line.strip()]
        rows = [r for rec in records for r in _rows(rec["doc_id"], rec["source"], rec["extraction"])]
        columns = ["doc_id", "source", "directive_id", "issuer", "owners", "owner_ids", "action", "deadline",
                   "recurrence", "project_id", "sentence"]
        if out.suffix == ".csv":
            with out.open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=columns)
                writer.writeheader()
                writer.writerows(rows)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.table({c: [r.get(c) for r in rows] for c in columns})
            pq.write_table(table, out)
    if index:
        services.index.sync()
    return {"added": added, "skipped": skipped, "errors": errors, "files": len(files)}
