"""Subword states of word sequences: windows of at most ``MAX_PIECES`` pieces, length-sorted batches.

Each word is tokenised on its own (its own leading "▁", as XLM-R token classification does with pre-split
words); whitespace-only words get no pieces and are always O. A sequence longer than ``MAX_PIECES`` pieces is
cut into windows, preferably after a sentence-final word; a whitespace word holding a line break always ends a
window (the Russian model is trained on paragraphs).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import torch

from .encoder import E5

MAX_PIECES = 400
SENT_END = {".", "!", "?", "…"}


@dataclass
class Window:
    seq: int  # index of the source sequence
    word_ids: list[int]  # source word index of each encoded word
    ids: list[int]  # piece ids (no specials)
    starts: list[int]  # piece offset of each encoded word
    ends: list[int]


def windows(e5: E5, seqs: list[list[str]], max_pieces: int = MAX_PIECES) -> list[Window]:
    out: list[Window] = []
    tok = e5.tok
    for si, words in enumerate(seqs):
        cur = Window(si, [], [], [], [])
        last_end = -1  # number of words in cur up to the last sentence end
        for wi, w in enumerate(words):
            if not w.strip():
                if "\n" in w and cur.word_ids:  # a line break ends the window (training used paragraphs)
                    out.append(cur)
                    cur = Window(si, [], [], [], [])
                    last_end = -1
                continue
            pieces = tok.word_ids(w) or (tok.unk,)
            if len(pieces) > max_pieces:
                pieces = pieces[:max_pieces]
            if cur.ids and len(cur.ids) + len(pieces) > max_pieces:
                cut = last_end if last_end > 0 else len(cur.word_ids)
                if len(cur.ids) - cur.starts[cut] + len(pieces) > max_pieces if cut < len(cur.word_ids) else False:
                    cut = len(cur.word_ids)
                rest_words = [(cur.word_ids[k], cur.ids[cur.starts[k] : cur.ends[k]]) for k in range(cut, len(cur.word_ids))]
                out.append(Window(si, cur.word_ids[:cut], cur.ids[: cur.ends[cut - 1]], cur.starts[:cut], cur.ends[:cut]))
                cur = Window(si, [], [], [], [])
                last_end = -1
                for rw, rp in rest_words:
                    _add(cur, rw, rp)
                    if words[rw] in SENT_END:
                        last_end = len(cur.word_ids)
            _add(cur, wi, pieces)
            if w in SENT_END:
                last_end = len(cur.word_ids)
        if cur.word_ids:
            out.append(cur)
    return out


def _add(win: Window, wi: int, pieces: tuple[int, ...] | list[int]) -> None:
    win.word_ids.append(wi)
    win.starts.append(len(win.ids))
    win.ids.extend(pieces)
    win.ends.append(len(win.ids))


def batches(wins: list[Window], max_tokens: int = 4096) -> Iterator[list[int]]:
    """Indices of ``wins`` grouped into length-sorted batches of at most ``max_tokens`` padded pieces."""
    order = sorted(range(len(wins)), key=lambda i: len(wins[i].ids))
    cur: list[int] = []
    for i in order:
        n = len(wins[i].ids) + 2
        if cur and n * (len(cur) + 1) > max_tokens:
            yield cur
            cur = []
        cur.append(i)
    if cur:
        yield cur


@torch.no_grad()
def piece_states(e5: E5, wins: list[Window], layers: list[int], max_tokens: int = 4096,
                 log_every: int = 0) -> list[np.ndarray]:
    """Per window: float16 [n_pieces + 2, len(layers), H] states of ``<s>``, the content pieces and ``</s>``
    (content piece j at row j + 1); layer 0 = embeddings, 12 = last layer."""
    out: list[np.ndarray | None] = [None] * len(wins)
    done = 0
    for bi, idx in enumerate(batches(wins, max_tokens)):
        ids, mask = e5.batch([wins[i].ids for i in idx])
        hs = e5.encoder(ids, mask, upto=max(layers))
        st = torch.stack([hs[k] for k in layers], dim=2).half()  # [B, T, L, H]
        for row, i in enumerate(idx):
            n = len(wins[i].ids)
            out[i] = st[row, : n + 2].numpy().copy()
        done += len(idx)
        if log_every and bi % log_every == 0:
            print(f"  {done}/{len(wins)} windows", flush=True)
    return out  # type: ignore[return-value]
