"""Everyday two-word phrases that an unaccented name candidate may start with: "dang ky" is
"đăng ký" (to register) far more often than "Đặng Kỳ…". Built from plain Vietnamese text (the
knowledge base and the allowed messages of the generated train split) by ``make guard-model`` into
``data/common_phrases.txt``; read here as folded pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from guardrails.normalizer import fold

PHRASES_PATH = Path(__file__).with_name("data") / "common_phrases.txt"
_WORD = re.compile(r"[^\W\d_]+")


def count_pairs(texts: Iterable[str]) -> Counter[str]:
    """Folded word pairs of ``texts`` written with diacritics (their pairs are unambiguous there)."""
    pairs: Counter[str] = Counter()
    for text in texts:
        for sentence in re.split(r"[.!?\n;:,()]", text):
            words = _WORD.findall(sentence)
            for first, second in zip(words, words[1:]):
                if first.islower() and second.islower():  # a name would be capitalised in accented prose
                    pairs[f"{fold(first)} {fold(second)}"] += 1
    return pairs


def write_phrases(texts: Iterable[str], path: Path = PHRASES_PATH, min_count: int = 3) -> int:
    pairs = count_pairs(texts)
    common = sorted(pair for pair, count in pairs.items() if count >= min_count)
    header = "# Folded word pairs common in plain Vietnamese (generated; see common_phrases.py)"
    path.write_text("\n".join([header, *common]) + "\n", encoding="utf-8")
    return len(common)


@cache
def common_pairs() -> frozenset[str]:
    if not PHRASES_PATH.exists():
        return frozenset()
    lines = PHRASES_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def main() -> None:
    """``python -m guardrails.common_phrases FILE…``: count pairs in Markdown or JSONL files (allowed messages)."""
    import json
    import sys

    texts: list[str] = []
    for name in sys.argv[1:]:
        path = Path(name)
        paths = sorted(path.rglob("*.md")) if path.is_dir() else [path]
        for file in paths:
            if file.suffix == ".jsonl":
                rows = (json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line.strip())
                texts.extend(row["text"] for row in rows if row.get("expected") == "allow")
            else:
                texts.append(file.read_text(encoding="utf-8"))
    print(f"{write_phrases(texts)} common phrases -> {PHRASES_PATH}")


if __name__ == "__main__":
    main()
