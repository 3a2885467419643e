"""What every extra batch of template families shares: drawing, evading, numbering, the summary and the command.

A batch (``extra_train``, ``extra_dev``, ``extra_train2``, ``fresh_test``) is a list of families outside
``generate.all_families()``, written to a file of its own so that the main corpus's split assignment never moves.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from eval.guardrail_corpus.evasions import ALLOW_EVASIONS, EVASIONS
from eval.guardrail_corpus.generate import KEYS, _evade, draw_family, dumps
from eval.guardrail_corpus.model import Family, Record
from eval.guardrail_corpus.render import Ctx

# ``<<maker>>`` or ``<<maker2>>`` (the second person) in a template: an identifier made in an unexpected form.
TOKEN = re.compile(r"<<([a-z_]+?)(\d?)>>")


def fill_tokens(ctx: Ctx, text: str, makers: dict[str, Callable[[Ctx, int], str]]) -> str:
    """Each token replaced by its maker's value; the same token twice gets the same value."""
    memo: dict[str, str] = {}

    def fill(m: re.Match[str]) -> str:
        key = m.group(0)
        if key not in memo:
            memo[key] = makers[m.group(1)](ctx, int(m.group(2) or 1))
        return memo[key]

    return TOKEN.sub(fill, text)


@dataclass(frozen=True)
class Batch:
    name: str  # the file's stem, in the summary
    families: list[Family]
    prefix: str  # every family id starts with it
    tag: str  # in the random seeds: "xdev", "xtrain", …
    split: str  # the records' split value
    evasive_block: float
    evasive_allow: float
    record_id: Callable[[int], str]


def existing_texts(out: Path, sources: Iterable[str]) -> set[str]:
    """Texts already in the given files of ``out`` (never a frozen test split), so no new record repeats one."""
    seen: set[str] = set()
    for name in sources:
        path = out / name
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                seen |= {json.loads(line)["text"] for line in handle if line.strip()}
    return seen


def build_batch(batch: Batch, seed: int, seen: set[str]) -> list[Record]:
    """All records of the batch, deterministic for a seed; the same keys and bookkeeping as the main corpus."""
    ids = [f.id for f in batch.families]
    assert len(ids) == len(set(ids)) and all(i.startswith(batch.prefix) for i in ids)
    used, used_allow = Counter(), Counter()
    records: list[Record] = []
    for fam in batch.families:
        drawn = draw_family(fam, f"{seed}:{batch.tag}", seen)  # type: ignore[arg-type]  # the seed is only formatted
        rng = random.Random(f"{seed}:{batch.tag}:evade:{fam.id}")
        if fam.expected == "block":
            _evade(drawn, rng, used, batch.evasive_block, EVASIONS)
        else:
            _evade(drawn, rng, used_allow, batch.evasive_allow, ALLOW_EVASIONS)
        for r in drawn:
            r["split"] = batch.split
            if "prompt_injection" in r["categories"] and "INJECTION" not in r["entities"]:
                r["entities"] = [*r["entities"], "INJECTION"]
        records.extend(drawn)
    random.Random(f"{seed}:{batch.tag}:order").shuffle(records)
    for n, r in enumerate(records, start=1):
        r["id"] = batch.record_id(n)
    return [{k: r[k] for k in KEYS} for r in records]


def summary(name: str, records: list[Record]) -> str:
    block = [r for r in records if r["expected"] == "block"]
    allow = [r for r in records if r["expected"] == "allow"]
    families = {(r["family"], r["expected"]) for r in records}
    cats = Counter(c for r in block for c in r["categories"])
    carriers = Counter((r["carrier"], r["expected"]) for r in records)
    evasions = Counter((r["evasion"], r["expected"]) for r in records if r["evasive"])
    return "\n".join(
        [
            f"{name}: {len(records)} messages, {len(block)} block ({sum(r['evasive'] for r in block)} evasive), "
            f"{len(allow)} allow ({sum(r['evasive'] for r in allow)} evasive), "
            f"{sum(e == 'block' for _, e in families)} block / {sum(e == 'allow' for _, e in families)} allow families",
            "  categories: " + ", ".join(f"{c}={n}" for c, n in sorted(cats.items())),
            "  carriers block/allow: "
            + ", ".join(f"{c}={carriers[(c, 'block')]}/{carriers[(c, 'allow')]}" for c in sorted({c for c, _ in carriers})),
            "  evasions block/allow: "
            + ", ".join(f"{n}={evasions[(n, 'block')]}/{evasions[(n, 'allow')]}" for n in sorted({n for n, _ in evasions})),
        ]
    )


def command(module: str, description: str, out: Path, seed: int, argv: list[str] | None) -> argparse.Namespace:
    """The options every batch's command takes: ``--out``, ``--seed``, ``--quiet``."""
    parser = argparse.ArgumentParser(prog=f"python -m eval.guardrail_corpus.{module}", description=description)
    parser.add_argument("--out", type=Path, default=out, help="the folder of the corpus files")
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--quiet", action="store_true")
    return parser.parse_args(argv)


def write(batch: Batch, records: list[Record], path: Path, quiet: bool) -> bytes:
    data = dumps(records).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if not quiet:
        print(summary(batch.name, records))
    return data


def frozen_text(data: bytes, filename: str, note: str) -> str:
    """The line a frozen split's hash file holds (sha256 and name), then why it is frozen."""
    return f"{hashlib.sha256(data).hexdigest()}  {filename}\n{note}\n"


def write_frozen(batch: Batch, records: list[Record], out: Path, filename: str, frozen_name: str, note: str, quiet: bool) -> int:
    """Write a blind test split once, with its hash file; refuse (exit code 2) if it is there already."""
    path = out / filename
    if path.exists():
        print(f"refusing to overwrite {path}: {batch.name} is frozen", file=sys.stderr)
        return 2
    data = write(batch, records, path, quiet)
    (out / frozen_name).write_text(frozen_text(data, filename, note), encoding="utf-8")
    return 0
