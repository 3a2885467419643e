"""Retrieval benchmark on the portal's commune-level procedure records (``make bench``).

Turns the records into an external corpus (``{"id","title","text"}``) and questions phrased from
each procedure's name the way people type them (shortened, lower case, some without diacritics),
then runs ``coach eval retrieval --corpus … --compare --json``. The records are not shipped with
the service: pass their path (default ``../shared/data/dichvucong_cap_xa.jsonl``).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from knowledge_base.dichvucong_importer import load_dichvucong
from knowledge_base.text_normalize import fold_diacritics

DEFAULT_RECORDS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dichvucong_cap_xa.jsonl"
ASKS = ("cần giấy tờ gì", "làm ở đâu", "mất bao lâu", "lệ phí bao nhiêu", "nộp online được không")


def question_for(title: str, number: int) -> str:
    """A colloquial question about the procedure ``title`` (every third one without diacritics)."""
    name = re.sub(r"^(thủ tục|thủ tục hành chính)\s+", "", title.strip(), flags=re.IGNORECASE)
    name = re.split(r"[;(]", name)[0]
    name = " ".join(name.split()[:12]).rstrip(" ,")  # people type the gist, not the full official name
    question = f"{name[0].lower()}{name[1:]} {ASKS[number % len(ASKS)]}"
    return fold_diacritics(question) if number % 3 == 0 else question


def build_files(records: Path, folder: Path) -> tuple[Path, Path]:
    documents, errors = load_dichvucong(records)
    for error in errors:
        print(f"bỏ qua: {error}", file=sys.stderr)
    by_title: dict[str, list[str]] = defaultdict(list)
    for document in documents:
        by_title[document.meta.title.lower()].append(document.id)
    corpus, questions = folder / "portal_corpus.jsonl", folder / "portal_questions.jsonl"
    with corpus.open("w", encoding="utf-8") as c, questions.open("w", encoding="utf-8") as q:
        for number, document in enumerate(documents):
            text = "\n\n".join(f"{s.path[0]}\n{s.text}" for s in document.sections)
            c.write(json.dumps({"id": document.id, "title": document.meta.title, "text": text}, ensure_ascii=False) + "\n")
            relevant = by_title[document.meta.title.lower()]  # identical names are equally right
            row = {"id": f"p{number:03d}", "question": question_for(document.meta.title, number), "relevant_ids": relevant}
            q.write(json.dumps(row, ensure_ascii=False) + "\n")
    return corpus, questions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path, default=DEFAULT_RECORDS)
    parser.add_argument("--out", type=Path, help="keep the generated corpus and questions here")
    args = parser.parse_args()
    if not args.records.is_file():
        sys.exit(f"không tìm thấy tệp thủ tục: {args.records}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.out or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        corpus, questions = build_files(args.records, folder)
        command = [
            sys.executable,
            "-m",
            "api.cli",
            "eval",
            "retrieval",
            "--dataset",
            str(questions),
            "--corpus",
            str(corpus),
            "--compare",
            "--json",
        ]
        sys.exit(subprocess.call(command))


if __name__ == "__main__":
    main()
