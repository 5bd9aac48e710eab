"""Typer command functions registered by the main CLI as ``dq train ner`` and ``dq eval ner``."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import typer

from .train import DEFAULT_DATA, REPO

PEER_TYPES = {
    "natasha": {"PERSON", "ORGANIZATION", "LOC"},
    "pullenti": {"PERSON", "ORGANIZATION", "LOC", "DATE", "MONEY"},
}


def _peer_map(peer: str):  # noqa: ANN202
    from .evaluate import nerel_gold_map

    types = PEER_TYPES[peer]

    def label_map(label: str) -> str | None:
        m = nerel_gold_map(label)
        return m if m in types else None

    return label_map


def _one_core() -> None:
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    try:
        import torch

        torch.set_num_threads(1)
    except Exception:  # pragma: no cover
        pass


def run_eval(lang: str, model: str | None = None, split: str = "test", data: Path = DEFAULT_DATA,
             limit: int | None = None) -> dict[str, Any]:
    """Evaluate a system; returns the JSON-able result (see :mod:`dq_nlp.ner.evaluate`)."""
    _one_core()
    from .evaluate import kaznerd_eval, natasha_tagger, nerel_eval, pullenti_tagger, spacy_tagger, speed

    if lang not in ("ru", "kk"):
        raise typer.BadParameter("--lang must be ru or kk")
    need = data / "nerel" / split if lang == "ru" else data / "kaznerd"
    if not need.exists():
        raise typer.BadParameter(f"evaluation data missing: {need} (pass --data pointing at shared/data)")
    out: dict[str, Any] = {"lang": lang, "split": split, "model": model or f"models/ner-{lang}"}
    if model in ("natasha", "pullenti"):
        if lang != "ru":
            raise typer.BadParameter(f"{model} is a Russian system; use --lang ru")
        t0 = time.perf_counter()
        tagger = natasha_tagger() if model == "natasha" else pullenti_tagger()
        out["load_s"] = round(time.perf_counter() - t0, 2)
        out["types"] = sorted(PEER_TYPES[model])
        res = nerel_eval(tagger, data, split, label_map=_peer_map(model), limit=limit)
        out.update(res)
        if model == "pullenti":
            from .evaluate import PULLENTI_FAILURES

            out["failed_docs"] = len(PULLENTI_FAILURES)
        return out
    import spacy

    from .e5.pipeline import E5NERPipeline, is_e5_model
    from .recognizer import model_path

    path = Path(model) if model else model_path(lang)
    if lang == "kk":
        import dq_nlp.lang.kk  # noqa: F401
    e5 = is_e5_model(path)
    if not e5 and not (path / "meta.json").exists():
        raise typer.BadParameter(f"no spaCy pipeline at {path} (train one with `dq train ner --lang {lang}`)")
    t0 = time.perf_counter()
    nlp = E5NERPipeline(path) if e5 else spacy.load(path)
    out["load_s"] = round(time.perf_counter() - t0, 2)
    if e5:
        # the e5 encoder is 15-70x slower than the CNNs: DQ_NER_EVAL_THREADS may speed up the scoring pass;
        # the speed figure below is always measured on one thread (on a smaller sample)
        import torch

        torch.set_num_threads(int(os.environ.get("DQ_NER_EVAL_THREADS", "1")))
    if lang == "ru":
        res = nerel_eval(spacy_tagger(nlp), data, split, limit=limit)
        out.update(res)
        out["peer_subsets"] = {
            peer: nerel_eval(spacy_tagger(nlp), data, split, label_map=_peer_map(peer), limit=limit)["outermost"]["micro"]
            for peer in PEER_TYPES
        }
        from .convert import nerel_files

        texts = [f.read_text(encoding="utf-8") for f in nerel_files(data / "nerel" / split)][: limit or None]
    else:
        out.update(kaznerd_eval(nlp, data, split, limit=limit))
        from .convert import KAZNERD_FILES, read_iob2

        texts = [" ".join(w) for w, _ in read_iob2(data / "kaznerd" / KAZNERD_FILES[split])][:3000]
    if e5:
        texts = texts[: 20 if lang == "ru" else 500]
    out["speed_1_core"] = speed(nlp, texts, threads=1, repeats=1 if e5 else 2)
    return out


def _print_table(res: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console()
    for key in ("outermost", "nested", "gold_tokens"):
        if key not in res:
            continue
        sc = res[key]
        t = Table(title=f"{res['model']} · {res['lang']} {res['split']} · {key}")
        for col in ("type", "P", "R", "F1", "gold"):
            t.add_column(col)
        for typ, m in [("micro", sc["micro"]), *sc["per_type"].items()]:
            t.add_row(typ, f"{m['p']:.1f}", f"{m['r']:.1f}", f"{m['f']:.1f}", str(m["n_gold"]))
        con.print(t)
    extra = {k: v for k, v in res.items() if k not in ("outermost", "nested", "gold_tokens")}
    con.print(extra)


def train_ner(
    lang: str = typer.Option(..., "--lang", help="ru (NEREL) or kk (KazNERD)"),
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="shared data folder (holds nerel/ and kaznerd/)"),
    out: Path | None = typer.Option(None, "--out", help="where the trained pipeline goes (default models/ner-<lang>)"),
    workdir: Path = typer.Option(REPO / "training" / "ner", "--workdir", help="corpora, vectors, checkpoints"),
    threads: int = typer.Option(2, "--threads"),
    config: Path | None = typer.Option(None, "--config", help="spaCy config (default dq_nlp/ner/configs/<lang>.cfg)"),
    vector_dims: int = typer.Option(96, "--vector-dims", help="ru: PCA dimensions of the navec static vectors"),
    vector_rows: int = typer.Option(0, "--vector-rows", help="ru: keep at most N vector rows (0 = all)"),
    full_train: bool = typer.Option(False, "--full-train", help="kk: refit on all of KazNERD valid, ship model-last"),
    pretrain_epochs: int = typer.Option(
        0, "--pretrain-epochs",
        help="first run `spacy pretrain` (characters objective) of the tok2vec on the training text for N epochs "
             "(the shipped ru model: 6)"),
    set_: list[str] = typer.Option([], "--set", help="config override key=value, value as JSON "
                                                     "(the shipped ru model: training.max_epochs=8)"),
) -> None:
    """Train the NER pipeline for one language on CPU (fixed seed).

    The shipped Russian model: `dq train ner --lang ru --pretrain-epochs 6 --set training.max_epochs=8`.

    The shipped Kazakh model: `dq train ner --lang kk --full-train`.
    """
    from .train import parse_overrides, train_ner_model

    try:
        info = train_ner_model(lang, data, out, workdir, threads, config, parse_overrides(set_), vector_dims,
                               vector_rows, full_train, pretrain_epochs)
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    typer.echo(json.dumps(info, ensure_ascii=False, indent=2))


def eval_ner(
    lang: str = typer.Option(..., "--lang", help="ru (NEREL) or kk (KazNERD)"),
    model: str | None = typer.Option(None, "--model", help="path or 'natasha' or 'pullenti'"),
    split: str = typer.Option("test", "--split"),
    json_out: bool = typer.Option(False, "--json", help="print JSON"),
    data: Path = typer.Option(DEFAULT_DATA, "--data", help="shared data folder (holds nerel/ and kaznerd/)"),
    limit: int | None = typer.Option(None, "--limit", help="first N documents/sentences only"),
) -> None:
    """Exact-match micro and per-type P/R/F1, load time and one-core speed."""
    try:
        res = run_eval(lang, model, split, data, limit)
    except (FileNotFoundError, typer.BadParameter) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if json_out:
        typer.echo(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        _print_table(res)


if __name__ == "__main__":  # pragma: no cover - `python -m dq_nlp.ner.commands eval|train ...`
    app = typer.Typer()
    app.command("train")(train_ner)
    app.command("eval")(eval_ner)
    app()
