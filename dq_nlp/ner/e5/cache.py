"""Compute once and store the frozen e5 piece states of one split (``<workdir>/<lang>/<split>.npz``)."""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path

import numpy as np
import torch

from ..train import DEFAULT_DATA, REPO
from .data import sequences
from .encoder import E5
from .features import piece_states, windows

CACHED_LAYERS = [8, 9, 10, 11, 12]
WORKDIR = REPO / "training" / "ner-e5"


def cache_path(workdir: Path, lang: str, split: str) -> Path:
    return workdir / lang / f"{split}.npy"


def build(lang: str, split: str, data: Path = DEFAULT_DATA, workdir: Path = WORKDIR, e5: E5 | None = None) -> Path:
    e5 = e5 or E5()
    seqs = sequences(lang, data, split)
    wins = windows(e5, [s.words for s in seqs])
    t0 = time.perf_counter()
    states = piece_states(e5, wins, CACHED_LAYERS, log_every=50)
    out = cache_path(workdir, lang, split)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.save(out, np.concatenate(states))
    with out.with_suffix(".pkl").open("wb") as fh:
        pickle.dump({"seqs": seqs, "windows": wins, "layers": CACHED_LAYERS,
                     "offsets": np.cumsum([0] + [len(s) for s in states])}, fh)
    print(f"{lang} {split}: {len(seqs)} sequences, {len(wins)} windows, {sum(len(w.ids) for w in wins)} pieces, "
          f"{time.perf_counter() - t0:.0f} s", flush=True)
    return out


def load(lang: str, split: str, workdir: Path = WORKDIR) -> tuple[np.ndarray, dict]:
    p = cache_path(workdir, lang, split)
    with p.with_suffix(".pkl").open("rb") as fh:
        meta = pickle.load(fh)
    return np.load(p, mmap_mode="r"), meta


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lang", required=True, choices=["ru", "kk"])
    ap.add_argument("--splits", nargs="+", default=["train", "dev"])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--workdir", type=Path, default=WORKDIR)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    e5 = E5()
    for split in args.splits:
        build(args.lang, split, args.data, args.workdir, e5)


if __name__ == "__main__":
    main()
