"""``coach eval …``: evaluation commands (registered as a plugin of the ``coach`` CLI)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from eval.datasets_io import AnswerCase, CorpusRecord, DatasetError, GuardrailCase, RetrievalQuestion, read_jsonl

app = typer.Typer(
    help="Đánh giá chất lượng / evaluation (retrieval, answers, guardrail, hints).",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
err = Console(stderr=True)
METRICS = ("hit@1", "hit@5", "hit@10", "mrr@10", "ndcg@10")


def _read(path: Path, model: type) -> list:
    if not path.is_file():
        err.print(f"[red]Không tìm thấy tệp dữ liệu: {path}[/red]")
        raise typer.Exit(2)
    try:
        return read_jsonl(path, model)
    except DatasetError as error:
        err.print(f"[red]Dữ liệu không hợp lệ: {error}[/red]")
        raise typer.Exit(2) from None


def _print_table(results: list[dict[str, Any]], title: str) -> None:
    table = Table(title=title)
    for column in ("mode", "n", *METRICS, "p50 ms", "p95 ms"):
        table.add_column(column)
    for r in results:
        table.add_row(
            r["mode"], str(r["n"]), *(f"{r[m]:.3f}" for m in METRICS), str(r["latency_ms"]["p50"]), str(r["latency_ms"]["p95"])
        )
    Console().print(table)


@app.command()
def retrieval(
    dataset: Annotated[Path, typer.Option(help="Câu hỏi JSONL {id, question, relevant_ids}.")],
    corpus: Annotated[Path | None, typer.Option(help="Kho ngoài JSONL {id, title, text}, lập chỉ mục tạm.")] = None,
    mode: Annotated[str, typer.Option(help="hybrid | dense | bm25")] = "hybrid",
    compare: Annotated[bool, typer.Option(help="So sánh bm25, dense và hybrid.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="In một đối tượng JSON ra stdout.")] = False,
    show_misses: Annotated[bool, typer.Option(help="Liệt kê câu hỏi trượt top 5.")] = False,
    origin: Annotated[
        str | None, typer.Option(help="Chỉ tìm trong nguồn này (curated | dichvucong); mặc định: cả chỉ mục như khi hỏi.")
    ] = None,
) -> None:
    """Đánh giá truy hồi: hit@1/5/10, MRR@10, nDCG@10, độ trễ p50/p95."""
    from api.cli import progress_bar
    from api.config import get_settings
    from api.runtime import build_index
    from eval.retrieval_eval import evaluate, temporary_index
    from knowledge_base import CachedEmbeddings, build_where, make_embeddings

    questions = _read(dataset, RetrievalQuestion)
    modes = ["bm25", "dense", "hybrid"] if compare else [mode]
    settings = get_settings()
    extra: dict[str, Any] = {}
    if corpus is not None:
        records = _read(corpus, CorpusRecord)
        embeddings = CachedEmbeddings(
            make_embeddings(settings.embedding_backend, settings.embedding_model, settings.onnx_model_dir),
            settings.embedding_cache_path,
        )
        with progress_bar("Lập chỉ mục tạm") as update, temporary_index(records, embeddings, update) as (index, seconds):
            results = [evaluate(index, questions, m) for m in modes]
            extra = {"corpus_documents": len(records), "index_chunks": index.size(), "index_build_s": round(seconds, 1)}
    else:
        index = build_index(settings)
        if index.size() == 0:
            err.print("[red]Chỉ mục trống: hãy chạy 'coach ingest' trước.[/red]")
            raise typer.Exit(2)
        # The coach's own filter (documents in force, every origin), unless one origin is asked for.
        where = build_where() | ({"origin": origin} if origin else {})
        results = [evaluate(index, questions, m, where) for m in modes]
    main = {**results[-1], **extra}
    if compare:
        main["modes"] = {r["mode"]: {k: v for k, v in r.items() if k != "misses_at_5"} for r in results}
    if as_json:
        if not show_misses:
            main.pop("misses_at_5", None)
        sys.stdout.write(json.dumps(main, ensure_ascii=False) + "\n")
        return
    _print_table(results, f"Truy hồi — {dataset.name}" + (f" trên {corpus.name}" if corpus else ""))
    if extra:
        size = f"{extra['corpus_documents']} tài liệu, {extra['index_chunks']} đoạn"
        Console().print(f"Chỉ mục tạm: {size}, dựng trong {extra['index_build_s']} s")
    if show_misses:
        for miss in results[-1]["misses_at_5"]:
            Console().print(
                f"[yellow]{miss['id']}[/yellow] {miss['question']} → cần {miss['expected']}, được {miss['got']}", markup=True
            )


@app.command()
def guardrail(
    dataset: Annotated[Path, typer.Option(help="Ca kiểm thử JSONL {id, text, expected, categories, evasive}.")],
    baseline: Annotated[
        list[str], typer.Option(help="So sánh thêm: presidio (Presidio mặc định), vipii. Lặp lại để chọn nhiều.")
    ] = [],  # noqa: B006 - typer needs a literal default
    cold_start: Annotated[bool, typer.Option(help="Đo thời gian khởi động lạnh trong tiến trình mới.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="In một đối tượng JSON ra stdout.")] = False,
) -> None:
    """Đánh giá bộ lọc: độ phủ chặn, chặn nhầm, theo nhóm, độ trễ p50/p95."""
    from api.config import get_settings
    from api.runtime import build_guardrail
    from eval.guardrail_baselines import BASELINES, ours
    from eval.guardrail_eval import cold_start_seconds, evaluate

    cases = _read(dataset, GuardrailCase)
    unknown = [b for b in baseline if b not in BASELINES]
    if unknown:
        err.print(f"[red]Không có baseline: {', '.join(unknown)} (chọn: {', '.join(BASELINES)})[/red]")
        raise typer.Exit(2)
    report: dict[str, Any] = evaluate(ours(build_guardrail(get_settings(), record_flags=False)), cases)
    if cold_start:
        report["cold_start_s"] = cold_start_seconds()
    report["baselines"] = {name: evaluate(BASELINES[name](), cases) for name in baseline}
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"Bộ lọc — {dataset.name} ({report['n']} ca)")
    categories = list(report["per_category"])
    for column in ("detector", "block recall", "evasive", "false block", *categories, "p50 ms", "p95 ms"):
        table.add_column(column)
    for name, row in [("guardrails", report), *report["baselines"].items()]:
        table.add_row(
            name, f"{row['block_recall']:.3f}", f"{row['evasive_recall']:.3f}", f"{row['false_block_rate']:.3f}",
            *(f"{row['per_category'].get(c, 0):.3f}" for c in categories),
            str(row["latency_ms"]["p50"]), str(row["latency_ms"]["p95"]),
        )  # fmt: skip
    Console().print(table)
    for title, key in (("dạng dán (carrier)", "per_carrier"), ("kiểu né tránh (evasion)", "per_evasion")):
        if len(report[key]) > 1:
            Console().print(_breakdown_table(f"Theo {title}", report[key]))
    if cold_start:
        Console().print(f"Khởi động lạnh: {report['cold_start_s']} s")


def _breakdown_table(title: str, rows: dict[str, dict[str, Any]]) -> Table:
    table = Table(title=title)
    for column in ("nhóm", "ca chặn", "block recall", "ca cho phép", "false block"):
        table.add_column(column)
    for name, row in rows.items():
        table.add_row(
            name, str(row["n_block"]), f"{row['block_recall']:.3f}", str(row["n_allow"]), f"{row['false_block_rate']:.3f}"
        )
    return table


@app.command()
def answers(
    dataset: Annotated[Path, typer.Option(help="Câu hỏi JSONL {id, question, kind, expected_facts}.")],
    as_json: Annotated[bool, typer.Option("--json", help="In một đối tượng JSON ra stdout.")] = False,
    show_misses: Annotated[bool, typer.Option(help="Liệt kê câu trả lời thiếu ý.")] = False,
) -> None:
    """Đánh giá câu trả lời: độ phủ ý, từ chối đúng, chặn đúng, độ trễ."""
    from api.config import get_settings
    from api.runtime import build_coach
    from eval.answers_eval import evaluate

    cases = _read(dataset, AnswerCase)
    coach = build_coach(get_settings(), record_flags=False)
    if coach.index.size() == 0:
        err.print("[red]Chỉ mục trống: hãy chạy 'coach ingest' trước.[/red]")
        raise typer.Exit(2)
    report = evaluate(coach, cases)
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
        return
    out = Console()
    out.print(
        f"n={report['n']}  độ phủ ý (fact coverage) {report['fact_coverage']:.3f}  "
        f"từ chối đúng (out of scope) {report['out_of_scope_correct']:.3f}  chặn đúng (PII) {report['pii_blocked']:.3f}  "
        f"câu hỏi có đáp án bị báo 'chưa có' {report['answerable_not_covered']}  "
        f"p50 {report['latency_ms']['p50']} ms  p95 {report['latency_ms']['p95']} ms"
    )
    if show_misses:
        for row in report["results"]:
            if row["kind"] == "answerable" and row["facts_found"] < row["facts_expected"]:
                out.print(
                    f"[yellow]{row['id']}[/yellow] {row['facts_found']}/{row['facts_expected']}: {row['answer'][:300]}",
                    markup=False,
                )
            if row["kind"] == "out_of_scope" and not row["not_covered"]:
                out.print(f"[red]{row['id']} answered out-of-scope:[/red] {row['answer'][:200]}", markup=False)


@app.command()
def hints(
    dataset: Annotated[Path, typer.Option(help="Kịch bản JSONL {id, now, learner, course_window, events, expected_rule}.")],
    as_json: Annotated[bool, typer.Option("--json", help="In một đối tượng JSON ra stdout.")] = False,
) -> None:
    """Đánh giá gợi ý: precision, recall, giữ im lặng đúng lúc."""
    from api.config import get_settings
    from coach.course import Course
    from eval.hints_eval import HintScenario, evaluate

    scenarios = _read(dataset, HintScenario)
    report = evaluate(Course.load(get_settings().course_file), scenarios)
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
        return
    out = Console()
    scores = f"precision {report['precision']:.3f}  recall {report['recall']:.3f}"
    out.print(f"n={report['n']}  {scores}  không gợi ý đúng lúc {report['no_hint_correct']:.3f}")
    for row in report["results"]:
        if not row["ok"]:
            out.print(f"[yellow]{row['id']}[/yellow] cần {row['expected']}, được {row['got']}")
