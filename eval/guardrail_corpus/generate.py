"""Draw messages from every family, assign whole families to splits, apply evasions, write JSON Lines."""

from __future__ import annotations

import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from eval.guardrail_corpus.evasions import ALLOW_EVASIONS, EVASIONS, applicable, segments
from eval.guardrail_corpus.model import CATEGORIES, ENTITIES, Family, Record, derive_categories
from eval.guardrail_corpus.render import Ctx, dress
from eval.guardrail_corpus.split import SPLITS, assign

DEFAULT_SEED = 557
SIZES = {"block": 90, "allow": 85}
SMALL = 55  # credential and prompt-injection families: a smaller share by design
EVASIVE_BLOCK = 0.38
EVASIVE_ALLOW = 0.12
KEYS = (
    "id",
    "text",
    "expected",
    "categories",
    "entities",
    "evasive",
    "evasion",
    "carrier",
    "family",
    "split",
    "values",
    "question",
    "note",
)
_LEFTOVER = re.compile(r"[⟦⟧⟪⟫⦃⦄]|\{[A-Za-z_]+\d?\}")


def all_families() -> list[Family]:
    from eval.guardrail_corpus import fam_credential, fam_forms, fam_personal, fam_secret, negatives, negatives_more

    fams = (
        fam_personal.FAMILIES
        + fam_forms.FAMILIES
        + fam_secret.FAMILIES
        + fam_credential.FAMILIES
        + negatives.FAMILIES
        + negatives_more.FAMILIES
    )
    ids = [f.id for f in fams]
    assert len(ids) == len(set(ids)), "family ids must be unique"
    return sorted(fams, key=lambda f: f.id)


def size_of(fam: Family) -> int:
    if fam.size is not None:
        return fam.size
    if set(fam.categories) & {"credential", "prompt_injection"}:
        return SMALL
    return SIZES[fam.expected]


def problems(record: Record) -> list[str]:
    """Why a record is unusable (empty when it is fine): checked on every draw and after every evasion."""
    text, values, question = record["text"], record["values"], record.get("question")
    out = []
    if record["expected"] == "block" and not values:
        out.append("block without values")
    if record["expected"] == "allow" and values:
        out.append("allow with values")
    for v in values:
        if not v or v not in text:
            out.append(f"value not in text: {v!r}")
        if any(v != w and v in w for w in values):
            out.append(f"value inside another value: {v!r}")
    if question is not None:
        if question not in text:
            out.append("question not in text")
        elif any(v in question or question in v for v in values):
            out.append("question overlaps a value")
        elif ("question", question) not in segments(text, values, question):
            out.append("question overlaps a value occurrence")
    if _LEFTOVER.search(text):
        out.append("template syntax left in text")
    return out


def _draw(fam: Family, index: int, rng: random.Random) -> Record:
    ctx = Ctx(rng, dict(fam.kinds))
    template = fam.templates[index % len(fam.templates)]
    if callable(template):
        text = template(ctx).strip()
    else:
        text = ctx.r(template).strip()
        if fam.carrier in ("plain", "english_mixed"):
            text = dress(ctx, text, english=fam.carrier == "english_mixed")
    values = [v for v in ctx.values if v in text]
    notes = list(dict.fromkeys(ctx.notes))
    return {
        "id": "",
        "text": text,
        "expected": fam.expected,
        "categories": derive_categories(fam.categories, ctx.entities) if fam.expected == "block" else [],
        "entities": [e for e in ENTITIES if e in ctx.entities] if fam.expected == "block" else [],
        "evasive": False,
        "evasion": "none",
        "carrier": fam.carrier,
        "family": fam.id,
        "split": "",
        "values": values if fam.expected == "block" else [],
        "question": ctx.question,
        "note": "; ".join([fam.note, *notes]),
        "_decoys": [d for d in ctx.decoys if d in text],
    }


def draw_family(fam: Family, seed: int, seen: set[str]) -> list[Record]:
    """``size_of(fam)`` distinct, valid messages; templates take turns so each is used evenly."""
    rng = random.Random(f"{seed}:{fam.id}")
    out: list[Record] = []
    attempts = 0
    while len(out) < size_of(fam):
        attempts += 1
        if attempts > size_of(fam) * 30:
            raise RuntimeError(f"{fam.id}: only {len(out)} distinct messages after {attempts} draws")
        record = _draw(fam, len(out) + attempts, rng)
        n = len(record["text"])
        if record["text"] in seen or problems(record) or not fam.min_chars <= n <= fam.max_chars:
            continue
        seen.add(record["text"])
        out.append(record)
    return out


def _evade(records: list[Record], rng: random.Random, used: Counter, share: float, names: Iterable[str]) -> None:
    """Rewrite ``share`` of ``records`` in place, each with the least-used evasion that applies to it."""
    names = list(names)
    for i in sorted(rng.sample(range(len(records)), round(len(records) * share))):
        options = [n for n in names if applicable(records[i], n)]
        if not options:
            continue
        low = min(used[n] for n in options)
        name = rng.choice([n for n in options if used[n] == low])
        new = EVASIONS[name](records[i], rng)
        bad = problems(new)
        if bad or new["text"] == records[i]["text"]:
            raise RuntimeError(f"{name} broke a record of {records[i]['family']}: {bad}")
        used[name] += 1
        records[i] = new


def build(seed: int = DEFAULT_SEED) -> dict[str, list[Record]]:
    """The whole corpus, split by family; deterministic for a seed."""
    fams = all_families()
    split_of = assign(fams, seed)
    seen: set[str] = set()
    by_split: dict[str, list[Record]] = defaultdict(list)
    used = {s: Counter() for s in SPLITS}
    used_allow = {s: Counter() for s in SPLITS}
    for fam in fams:
        split = split_of[fam.id]
        records = draw_family(fam, seed, seen)
        rng = random.Random(f"{seed}:evade:{fam.id}")
        if fam.expected == "block":
            _evade(records, rng, used[split], EVASIVE_BLOCK, EVASIONS)
        else:
            _evade(records, rng, used_allow[split], EVASIVE_ALLOW, ALLOW_EVASIONS)
        for r in records:
            r["split"] = split
        by_split[split].extend(records)
    out = {}
    for split in SPLITS:
        records = by_split[split]
        random.Random(f"{seed}:order:{split}").shuffle(records)
        for n, r in enumerate(records, start=1):
            r["id"] = f"gen-{split}-{n:05d}"
        out[split] = [{k: r[k] for k in KEYS} for r in records]
    return out


def dumps(records: list[Record]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def summary(corpus: dict[str, list[Record]]) -> str:
    """Counts per split: labels, categories, carriers (block/allow) and evasions (block/allow)."""
    lines = []
    for split, records in corpus.items():
        block = [r for r in records if r["expected"] == "block"]
        allow = [r for r in records if r["expected"] == "allow"]
        lines.append(
            f"{split}: {len(records)} messages, {len(block)} block ({sum(r['evasive'] for r in block)} evasive), "
            f"{len(allow)} allow ({sum(r['evasive'] for r in allow)} evasive), {len({r['family'] for r in records})} families"
        )
        cats = Counter(c for r in block for c in r["categories"])
        lines.append("  categories: " + ", ".join(f"{c}={cats[c]}" for c in CATEGORIES))
        carriers = Counter((r["carrier"], r["expected"]) for r in records)
        pairs = (f"{c}={carriers[(c, 'block')]}/{carriers[(c, 'allow')]}" for c in sorted({r["carrier"] for r in records}))
        lines.append("  carriers block/allow: " + ", ".join(pairs))
        ev = Counter((r["evasion"], r["expected"]) for r in records if r["evasive"])
        names = sorted({name for name, _ in ev})
        lines.append("  evasions block/allow: " + ", ".join(f"{n}={ev[(n, 'block')]}/{ev[(n, 'allow')]}" for n in names))
    return "\n".join(lines)
