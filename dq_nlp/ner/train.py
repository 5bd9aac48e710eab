"""Train the NER pipelines: convert gold data, build static vectors (ru), run ``spacy train`` on CPU.

    python -m dq_nlp.ner.train --lang ru [--data ../shared/data] [--out models/ner-ru] [--workdir training/ner]

Deterministic: fixed seed (``[system] seed = 0``), fixed shuffles, single-process CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data"
CONFIGS = Path(__file__).resolve().parent / "configs"


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def limit_threads(threads: int) -> None:
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ[var] = str(threads)
    try:
        import torch

        torch.set_num_threads(threads)
    except Exception:  # pragma: no cover - torch is optional here
        pass


def check_data(lang: str, data: Path) -> None:
    need = (
        [data / "nerel" / "train", data / "nerel" / "dev"]
        if lang == "ru"
        else [data / "kaznerd" / "IOB2_valid.txt"]
    )
    missing = [str(p) for p in need if not p.exists()]
    if missing:
        raise FileNotFoundError(
            "training data missing: " + ", ".join(missing) + f" (looked under --data {data}; expected shared/data)"
        )


def pretrain_tok2vec(config_path: Path, overrides: dict[str, object], corpus: Path, work: Path, epochs: int,
                     lang: str) -> tuple[Path, Path]:
    """``spacy pretrain`` (characters objective) of the config's tok2vec on the training split's own text (train and
    dev paragraphs, no labels); returns the weights file for ``paths.init_tok2vec`` and the training config with its
    ``[pretraining]`` section filled — spaCy only loads ``init_tok2vec`` when that section says which layer it is."""
    import spacy
    from spacy import util
    from spacy.language import DEFAULT_CONFIG_PRETRAIN_PATH
    from spacy.tokens import DocBin
    from spacy.training.pretrain import pretrain

    out_dir = work / f"pretrain{epochs}"
    last = out_dir / f"model{epochs - 1}.bin"
    derived = work / f"config_pretrained{epochs}.cfg"
    if last.exists() and derived.exists():
        return last, derived
    nlp = spacy.blank(lang)
    raw = work / "raw_text.jsonl"
    with raw.open("w", encoding="utf-8") as fh:
        for name in ("train.spacy", "dev.spacy"):
            for doc in DocBin().from_disk(corpus / name).get_docs(nlp.vocab):
                # the pretraining reader skips texts over 500 tokens: one record per paragraph
                for para in doc.text.split("\n"):
                    if len(para.split()) >= 5:
                        fh.write(json.dumps({"text": para}, ensure_ascii=False) + "\n")
    config = util.load_config(config_path, overrides={**overrides, "paths.raw_text": str(raw)}, interpolate=False)
    defaults = util.load_config(DEFAULT_CONFIG_PRETRAIN_PATH, interpolate=False)
    config["pretraining"] = {**defaults["pretraining"], "max_epochs": epochs}
    config["corpora"]["pretrain"] = defaults["corpora"]["pretrain"]
    config["paths"]["raw_text"] = str(raw)
    config.to_disk(derived)
    if not last.exists():
        if out_dir.exists():
            shutil.rmtree(out_dir)
        out_dir.mkdir(parents=True)
        pretrain(config.interpolate(), out_dir, use_gpu=-1, silent=False)
    return last, derived


def train_ner_model(
    lang: str,
    data: Path = DEFAULT_DATA,
    out: Path | None = None,
    workdir: Path = REPO / "training" / "ner",
    threads: int = 2,
    config: Path | None = None,
    overrides: dict[str, object] | None = None,
    vector_dims: int = 96,
    vector_rows: int = 0,
    full_train: bool = False,
    pretrain_epochs: int = 0,
) -> dict[str, object]:
    """Train ``lang`` and copy the best model to ``out`` (default ``models/ner-<lang>``). Returns run info."""
    limit_threads(threads)
    check_data(lang, data)
    import spacy
    from spacy.cli.train import train as spacy_train
    from spacy.tokens import DocBin

    from . import components  # noqa: F401  (registers biluo_tags_to_ents for the tagger-head configs)
    from .convert import convert

    if lang == "kk":
        import dq_nlp.lang.kk  # noqa: F401

    out = out or REPO / "models" / f"ner-{lang}"
    work = workdir / lang
    corpus = work / "corpus"
    t0 = time.time()
    stats = convert(lang, data, corpus, full_train=full_train)
    ov: dict[str, object] = {"paths.train": str(corpus / "train.spacy"), "paths.dev": str(corpus / "dev.spacy")}
    if lang == "ru":
        from .vectors import build_ru_vectors

        vec_dir = work / f"vectors{vector_dims}x{vector_rows or 'all'}"
        if not (vec_dir / "vocab" / "vectors").exists():
            nlp = spacy.blank("ru")
            words = [t.lower_ for d in DocBin().from_disk(corpus / "train.spacy").get_docs(nlp.vocab) for t in d]
            words += [t.lower_ for d in DocBin().from_disk(corpus / "dev.spacy").get_docs(nlp.vocab) for t in d]
            stats["vectors"] = build_ru_vectors(words, vec_dir, dims=vector_dims, max_rows=vector_rows)  # type: ignore[assignment]
        ov["paths.vectors"] = str(vec_dir)
    ov.update(overrides or {})
    base_config = Path(config or CONFIGS / f"{lang}.cfg")
    if pretrain_epochs:
        tp = time.time()
        weights, config = pretrain_tok2vec(base_config, ov, corpus, work, pretrain_epochs, lang)
        ov["paths.init_tok2vec"] = str(weights)
        stats["pretrain_s"] = round(time.time() - tp, 1)  # type: ignore[assignment]
    t1 = time.time()
    run_dir = work / "run"
    if run_dir.exists():
        shutil.rmtree(run_dir)
    spacy_train(config or CONFIGS / f"{lang}.cfg", run_dir, overrides=ov, use_gpu=-1)
    t2 = time.time()
    if out.exists():
        shutil.rmtree(out)
    # a full-data refit has no held-out dev: ship the last checkpoint of the fixed schedule
    shutil.copytree(run_dir / ("model-last" if full_train else "model-best"), out)
    if lang == "kk":
        refresh_kk_tokenizer(out)
    info = {
        "lang": lang,
        # the recipe's own config; the derived one with [pretraining] filled lives in the work dir
        "config": _rel(base_config),
        "overrides": {k: v for k, v in ov.items() if not k.startswith("paths.")},
        "threads": threads,
        "vector_dims": vector_dims if lang == "ru" else None,
        "vector_rows": (vector_rows or "all") if lang == "ru" else None,
        "full_train": full_train,
        "pretrain_epochs": pretrain_epochs,
        "prepare_s": round(t1 - t0, 1),
        "train_s": round(t2 - t1, 1),
        "data": stats,
    }
    (out / "training_info.json").write_text(json.dumps(info, ensure_ascii=False, indent=2), encoding="utf-8")
    return info


def parse_overrides(items: list[str]) -> dict[str, object]:
    """``key=value`` config overrides; the value is read as JSON when it parses (``8``, ``[1,2]``), else as text."""
    ov: dict[str, object] = {}
    for item in items:
        k, _, v = item.partition("=")
        try:
            ov[k] = json.loads(v)
        except json.JSONDecodeError:
            ov[k] = v
    return ov


def refresh_kk_tokenizer(model: Path) -> None:
    """Re-save a kk pipeline's tokenizer with the current :mod:`dq_nlp.lang.kk` rules (they are stored in the model)."""
    import spacy

    import dq_nlp.lang.kk  # noqa: F401

    nlp = spacy.load(model)
    nlp.tokenizer = spacy.blank("kk", vocab=nlp.vocab).tokenizer
    nlp.tokenizer.to_disk(model / "tokenizer")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", required=True, choices=["ru", "kk"])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--workdir", type=Path, default=REPO / "training" / "ner")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--config", type=Path, default=None)
    ap.add_argument("--vector-dims", type=int, default=96, help="ru: PCA dimensions of the navec vectors")
    ap.add_argument("--vector-rows", type=int, default=0, help="ru: keep at most N vector rows (0 = all)")
    ap.add_argument("--full-train", action="store_true", help="kk: refit on all of valid, ship model-last")
    ap.add_argument("--pretrain-epochs", type=int, default=0,
                    help="first run `spacy pretrain` (characters objective) for N epochs on the training text")
    ap.add_argument("--set", action="append", default=[], help="config override key=value (JSON value)")
    args = ap.parse_args()
    ov = parse_overrides(args.set)
    try:
        check_data(args.lang, args.data)
    except FileNotFoundError as exc:
        raise SystemExit(f"error: {exc}") from exc
    print(json.dumps(train_ner_model(args.lang, args.data, args.out, args.workdir, args.threads, args.config, ov,
                                     args.vector_dims, args.vector_rows, args.full_train,
                                     args.pretrain_epochs),
                     ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

