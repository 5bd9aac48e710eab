"""Token-classification head over e5 states: optional fine-tuned copies of the top encoder layers, a softmax-
weighted mix of the last layers at each word's first piece, a BiLSTM, a linear BIO layer and a Viterbi decoder
that only allows valid BIO transitions (I-X after B-X or I-X)."""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from .encoder import Layer


class E5Tagger(nn.Module):
    def __init__(self, labels: list[str], mix_layers: list[int], hidden: int = 384, heads: int = 12,
                 ffn: int = 1536, eps: float = 1e-12, tune_top: int = 0, lstm: int = 256,
                 dropout: float = 0.2, top_layer: int = 12, pool: str = "first") -> None:
        super().__init__()
        self.labels = labels
        self.mix_layers = mix_layers  # e.g. [8, 9, 10, 11, 12]: the input stack, in this order
        self.tune_top = tune_top
        self.top_layer = top_layer
        self.pool = pool  # "first": the word's first piece; "firstlast": first and last piece, concatenated
        width = hidden * (2 if pool == "firstlast" else 1)
        self.top = nn.ModuleList(Layer(hidden, heads, ffn, eps) for _ in range(tune_top))
        self.mix = nn.Parameter(torch.zeros(len(mix_layers)))
        self.gamma = nn.Parameter(torch.ones(()))
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(width, lstm, batch_first=True, bidirectional=True) if lstm else None
        self.out = nn.Linear(2 * lstm if lstm else width, len(labels))

    def init_top(self, encoder_layers: nn.ModuleList) -> None:
        """Start the tuned layers from the pretrained ones."""
        for k, ly in enumerate(self.top):
            ly.load_state_dict(encoder_layers[self.top_layer - self.tune_top + k].state_dict())

    def forward(self, states: torch.Tensor, piece_mask: torch.Tensor, word_pos: torch.Tensor,
                word_last: torch.Tensor | None = None) -> torch.Tensor:
        """states [B, T, L, H] (the ``mix_layers`` states of ``<s>`` pieces ``</s>``), piece_mask [B, T],
        word_pos [B, W] (row of each word's first piece; padding words point at row 0), word_last [B, W] (row of
        its last piece; used with pool="firstlast") -> logits [B, W, C]."""
        states = states.float()
        if self.tune_top:
            k0 = self.mix_layers.index(self.top_layer - self.tune_top)
            x = states[:, :, k0]
            key_bias = ((1.0 - piece_mask.float()) * -1e9)[:, None, None, :]
            outs = []
            for ly in self.top:
                x = ly(x, key_bias)
                outs.append(x)
            states = torch.cat([states[:, :, : k0 + 1], torch.stack(outs, dim=2)], dim=2)
        b, _, n_layers, h = states.shape
        mixw = self.mix.softmax(0)[:, None]

        def pick(rows: torch.Tensor) -> torch.Tensor:
            words = states.gather(1, rows[:, :, None, None].expand(b, rows.shape[1], n_layers, h))  # [B, W, L, H]
            return self.gamma * (words * mixw).sum(2)

        x = pick(word_pos)
        if self.pool == "firstlast":
            x = torch.cat([x, pick(word_last if word_last is not None else word_pos)], dim=-1)
        x = self.drop(x)
        if self.lstm is not None:
            x, _ = self.lstm(x)
            x = self.drop(x)
        return self.out(x)


def allowed_transitions(labels: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(start [C], trans [C, C]) as 0 / -inf: I-X may only follow B-X or I-X."""
    c = len(labels)
    start = np.zeros(c)
    trans = np.zeros((c, c))
    for j, lj in enumerate(labels):
        if lj.startswith("I-"):
            start[j] = -np.inf
            for i, li in enumerate(labels):
                if li[2:] != lj[2:] or li == "O":
                    trans[i, j] = -np.inf
    return start, trans


def viterbi(logp: np.ndarray, start: np.ndarray, trans: np.ndarray) -> list[int]:
    """Best label path of log-probabilities [W, C] under the allowed transitions."""
    w = logp.shape[0]
    if w == 0:
        return []
    score = start + logp[0]
    back = np.zeros((w, logp.shape[1]), dtype=np.int64)
    for t in range(1, w):
        cand = score[:, None] + trans
        back[t] = cand.argmax(0)
        score = cand.max(0) + logp[t]
    path = [int(score.argmax())]
    for t in range(w - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) word spans of a BIO sequence (a stray I- opens a new span)."""
    spans = []
    cur: list | None = None
    for i, t in enumerate([*tags, "O"]):
        if cur is not None and not (t.startswith("I-") and t[2:] == cur[2]):
            spans.append((cur[0], i, cur[2]))
            cur = None
        if t.startswith("B-") or (t.startswith("I-") and cur is None):
            cur = [i, i + 1, t[2:]]
    return spans
