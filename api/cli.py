"""The ``coach`` command line: serve, ingest, search, and the commands that plugins add (eval)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeRemainingColumn
from rich.text import Text

from api.config import get_settings

app = typer.Typer(
    name="coach",
    help="Trợ lý số cho cán bộ, công chức cấp xã — the digital coach for commune officials.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals may hold the user's text
)
err = Console(stderr=True)


class PassageRateColumn(ProgressColumn):
    """Passages embedded per second, averaged over the run so far."""

    def render(self, task: Task) -> Text:
        rate = task.completed / task.elapsed if task.elapsed and task.completed else None
        return Text(f"{rate:5.1f} đoạn/giây" if rate else "  ?   đoạn/giây", style="progress.data.speed")


@contextmanager
def progress_bar(label: str) -> Iterator:
    """A progress bar on stderr (passages done, passages/s, time left); yields a ``(done, total)`` callback."""
    rate, left = PassageRateColumn(), TimeRemainingColumn()
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), rate, TextColumn("còn"), left)
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield update


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Địa chỉ lắng nghe / bind address.")] = None,
    port: Annotated[int | None, typer.Option(help="Cổng / port.")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Số tiến trình / worker processes (PostgreSQL).")] = 1,
) -> None:
    """Chạy dịch vụ API và trang web / run the API and the web pages."""
    import uvicorn

    from api.runtime import database_url, prepare_workers

    settings = get_settings()
    if workers > 1 and database_url(settings).get_backend_name() != "postgresql":
        # Hint wake-ups travel between processes through PostgreSQL's LISTEN/NOTIFY; SQLite has no such channel.
        from api.messages_vi import WORKERS_NEED_POSTGRES

        err.print(f"[red]{WORKERS_NEED_POSTGRES}[/red]")
        raise typer.Exit(2)
    prepare_workers(settings, workers)
    # An import string and a factory: each worker process builds its own app (and its own connections).
    uvicorn.run("api.main:create_app", factory=True, host=host or settings.host, port=port or settings.port, workers=workers,
                log_level="info", timeout_graceful_shutdown=5)  # fmt: skip


@app.command("embed-model")
def embed_model() -> None:
    """Chuyển mô hình nhúng sang ONNX INT8 (một lần) / convert the embedding model to INT8 ONNX, once."""
    from knowledge_base.onnx_e5.convert import MODEL_NAME, convert, is_converted, model_folder

    target = get_settings().onnx_model_dir
    done = is_converted(model_folder(target))
    folder = convert(target)
    size = (folder / MODEL_NAME).stat().st_size / 1e6
    state = "đã có sẵn (already there)" if done else "đã chuyển đổi (converted)"
    err.print(f"Mô hình nhúng (embedding model) {state}: {folder} — {size:.0f} MB")


@app.command()
def ingest(
    source: Annotated[Path | None, typer.Option(help="Thư mục kho tài liệu Markdown / corpus folder.")] = None,
    dichvucong: Annotated[
        Path | None, typer.Option(help="Tệp JSONL thủ tục từ Cổng DVC quốc gia / portal records (JSON Lines).")
    ] = None,
    portal: Annotated[bool, typer.Option(help="Gồm thủ tục cổng DVC / include the portal records.")] = True,
    if_stale: Annotated[bool, typer.Option("--if-stale", help="Chỉ chạy khi chỉ mục đã cũ / only when out of date.")] = False,
) -> None:
    """Xây dựng lại chỉ mục (chỉ phần thay đổi): kho tài liệu và thủ tục cổng DVC / (re)build the index incrementally."""
    from api.runtime import build_index
    from knowledge_base.ingest import index_is_stale, ingest_corpus, ingest_dichvucong, portal_is_stale

    settings = get_settings()
    corpus_dir = source or settings.corpus_dir
    records = (dichvucong or settings.portal_records) if portal else None
    if records is not None and not records.is_file():
        err.print(f"[red]Không tìm thấy tệp thủ tục cổng DVC: {records}[/red]")
        raise typer.Exit(2)
    index = build_index(settings)
    results = []
    if if_stale and not index_is_stale(index, corpus_dir):
        err.print("Kho tài liệu đã có trong chỉ mục (corpus up to date).")
    else:
        with progress_bar("Nhúng tài liệu") as update:
            results.append(ingest_corpus(index, corpus_dir, progress=update))
    if records is not None:
        if if_stale and not portal_is_stale(index, records):
            err.print("Thủ tục cổng DVC đã có trong chỉ mục (portal records up to date).")
        else:
            with progress_bar("Nhúng thủ tục cổng DVC") as update:
                results.append(ingest_dichvucong(index, records, progress=update))
    failed = False
    for result in results:
        r = result.report
        err.print(
            f"{result.origin}: {result.documents} tài liệu (documents) — thêm {len(r.added_documents)}, "
            f"sửa {len(r.changed_documents)}, xóa {len(r.removed_documents)}, giữ nguyên {r.unchanged_documents}; "
            f"+{r.added_chunks}/-{r.deleted_chunks} đoạn (chunks); phiên bản {result.version}"
        )
        label = "[red]LỖI[/red]" if result.strict else "[yellow]BỎ QUA (skipped)[/yellow]"
        for error in result.errors:
            err.print(f"{label} {error}")
        failed = failed or not result.ok
    err.print(f"Chỉ mục (index): {index.size()} đoạn.")
    if failed:
        raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Câu hỏi / the question.")],
    k: Annotated[int, typer.Option("--k", "-k", min=1, max=50, help="Số kết quả / number of results.")] = 5,
    kind: Annotated[str | None, typer.Option(help="procedure | courseware | policy | guide")] = None,
    topic: Annotated[str | None, typer.Option(help="Chủ đề / topic slug.")] = None,
    include_superseded: Annotated[bool, typer.Option(help="Gồm cả văn bản hết hiệu lực.")] = False,
    mode: Annotated[str, typer.Option(help="hybrid | dense | bm25")] = "hybrid",
    as_json: Annotated[bool, typer.Option("--json", help="In JSON / print JSON.")] = False,
) -> None:
    """Tìm các đoạn tài liệu liên quan / show retrieval results."""
    from api.runtime import build_index
    from knowledge_base import QueryError, build_where, hybrid_search

    index = build_index(get_settings())
    try:
        hits = hybrid_search(index, query, k, build_where(kind, topic, include_superseded), mode=mode)
    except QueryError as error:
        err.print(f"[red]{error.message_vi}[/red]")
        raise typer.Exit(2) from None
    if as_json:
        rows = [
            {
                "rank": i,
                "chunk_id": h.chunk_id,
                "score": round(h.score, 5),
                "dense_similarity": round(h.dense_similarity, 4),
                "bm25": round(h.bm25_score, 3),
                **{k: h.metadata.get(k) for k in ("doc_id", "title", "section", "legal_basis", "status", "kind")},
            }
            for i, h in enumerate(hits, start=1)
        ]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if not hits:
        err.print("Không tìm thấy tài liệu phù hợp. Chỉ mục trống? Hãy chạy: coach ingest")
        raise typer.Exit(1)
    out = Console()
    for i, hit in enumerate(hits, start=1):
        m = hit.metadata
        status = "còn hiệu lực" if m.get("status") == "in_force" else "hết hiệu lực"
        scores = f"điểm {hit.score:.4f}, cos {hit.dense_similarity:.3f}"
        out.print(f"[bold]{i}. {m.get('title')}[/bold] › {m.get('section')}  [dim]({scores})[/dim]")
        out.print(f"   Căn cứ: {m.get('legal_basis') or '—'} · {m.get('doc_id')} · {status}")
        body = hit.text.split("\n", 1)[-1].replace("\n", " ")
        out.print(f"   {body[:220]}{'…' if len(body) > 220 else ''}", markup=False)


@app.command()
def ask(question: Annotated[str, typer.Argument(help="Câu hỏi / the question.")]) -> None:
    """Hỏi trợ lý và in câu trả lời kèm nguồn / print an answer with its sources."""
    from api.runtime import build_coach
    from knowledge_base import QueryError

    coach = build_coach(get_settings(), record_flags=False)
    try:
        answer = coach.answer(question)
    except QueryError as error:
        err.print(f"[red]{error.message_vi}[/red]")
        raise typer.Exit(2) from None
    out = Console()
    out.print(answer.text, markup=False)
    if answer.blocked and answer.redacted_question:
        out.print(f"Bản đã che: {answer.redacted_question}", markup=False)
    for citation in answer.citations:
        out.print(citation.label(), markup=False, style="dim")


@app.command()
def purge(days: Annotated[int | None, typer.Option(min=1, help="Số ngày lưu giữ / retention in days.")] = None) -> None:
    """Xóa hội thoại, tin nhắn, góp ý và cảnh báo quá hạn lưu giữ / apply the retention period."""
    from api.database import upgrade
    from api.retention import purge as purge_old
    from api.runtime import build_engine

    settings = get_settings()
    engine = build_engine(settings)
    upgrade(engine)
    counts = purge_old(engine, days or settings.retention_days)
    err.print("Đã xóa (purged): " + ", ".join(f"{table} {count}" for table, count in counts.items()))


backup_app = typer.Typer(help="Sao lưu và khôi phục / backups and restore.", no_args_is_help=True)
app.add_typer(backup_app, name="backup")


@backup_app.command("create")
def backup_create(
    out: Annotated[Path | None, typer.Option(help="Tệp .tar.gz / archive (data_dir/backups/coach-<time>.tar.gz).")] = None,
) -> None:
    """Sao lưu cơ sở dữ liệu và khóa (dịch vụ vẫn chạy) / back up the database and keys while serving."""
    from api.backup import BackupError, create_backup

    settings = get_settings()
    out = out or settings.data_dir / "backups" / f"coach-{time.strftime('%Y%m%d-%H%M%S')}.tar.gz"
    try:
        manifest = create_backup(settings, out)
    except BackupError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None
    err.print(f"Đã sao lưu ({manifest.backend}, {sum(manifest.rows.values())} dòng, khóa: {', '.join(manifest.keys) or 'không'}) "
              f"vào {out}")  # fmt: skip


@backup_app.command("restore")
def backup_restore(
    archive: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Tệp sao lưu / the backup archive.")],
    force: Annotated[bool, typer.Option(help="Ghi đè dữ liệu và khóa hiện có / overwrite existing data and keys.")] = False,
) -> None:
    """Khôi phục vào cơ sở dữ liệu trống, khi dịch vụ đã dừng / restore into an empty database, service stopped."""
    from api.backup import BackupError, restore_backup

    try:
        manifest = restore_backup(get_settings(), archive, force)
    except BackupError as error:
        err.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None
    err.print(f"Đã khôi phục bản sao lưu ngày {manifest.created_at} ({sum(manifest.rows.values())} dòng). "
              "Chạy 'coach ingest' để dựng lại kho tri thức nếu thư mục dữ liệu mới.")  # fmt: skip


@app.command()
def migrate() -> None:
    """Cập nhật lược đồ cơ sở dữ liệu / apply the database migrations."""
    from api.database import upgrade
    from api.runtime import build_engine

    upgrade(build_engine(get_settings()))
    err.print("Cơ sở dữ liệu đã ở phiên bản mới nhất (database up to date).")


@app.command()
def guard(
    text: Annotated[str | None, typer.Argument(help="Nội dung cần kiểm tra / the text to check.")] = None,
    jsonl: Annotated[Path | None, typer.Option(help="Tệp JSONL {id, text}; mỗi dòng một kết quả / one verdict per line.")] = None,
) -> None:
    """Kiểm tra dữ liệu cá nhân, bí mật, nội bộ, mật khẩu, chèn lệnh / check text with the guardrail.

    Prints the verdict, the categories and the redacted text; raw values are never echoed.
    Checks made here are not recorded as flags.
    """
    from api.runtime import build_guardrail
    from guardrails import GuardInputError

    if (text is None) == (jsonl is None):
        err.print("[red]Cần đúng một trong hai: TEXT hoặc --jsonl.[/red]")
        raise typer.Exit(2)
    guardrail = build_guardrail(get_settings(), record_flags=False)
    if text is not None:
        try:
            verdict = guardrail.check(text)
        except GuardInputError as error:
            err.print(f"[red]{error.message_vi}[/red]")
            raise typer.Exit(2) from None
        out = Console()
        out.print(f"[bold]{'CHẶN' if verdict.blocked else 'CHO PHÉP'}[/bold] ({verdict.action}) {', '.join(verdict.categories)}")
        out.print(verdict.message_vi, markup=False)
        if verdict.blocked:
            out.print(f"Bản đã che: {verdict.redacted_text}", markup=False)
        raise typer.Exit(1 if verdict.blocked else 0)
    if not jsonl.is_file():
        err.print(f"[red]Không tìm thấy tệp: {jsonl}[/red]")
        raise typer.Exit(2)
    _guard_jsonl(guardrail, jsonl)


def _guard_jsonl(guardrail, path: Path) -> None:
    """One output line per input line, in order; unreadable lines get an ``error`` instead of a verdict."""
    from guardrails import GuardInputError

    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                verdict = guardrail.check(row["text"])
                result = {
                    "id": row.get("id"),
                    "action": verdict.action,
                    "categories": verdict.categories,
                    "redacted": verdict.redacted_text,
                }
            except (json.JSONDecodeError, KeyError, TypeError):
                result = {"id": None, "line": number, "error": "invalid_line"}
            except GuardInputError as error:
                result = {"id": row.get("id"), "error": error.code}
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")


def _add_account_commands() -> None:
    from api.accounts_cli import units_app, users_app

    app.add_typer(users_app, name="users")
    app.add_typer(units_app, name="units")


_add_account_commands()


def _load_plugins() -> None:
    """Attach sub-commands registered under the ``coach.cli`` entry-point group (e.g. ``eval``)."""
    for entry in entry_points(group="coach.cli"):
        app.add_typer(entry.load(), name=entry.name)


_load_plugins()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
