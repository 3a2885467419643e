"""Incremental ingestion: skip unchanged, replace changed, delete removed, repair after a crash."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from knowledge_base import KnowledgeIndex, knowledge_index
from knowledge_base.ingest import (
    BUILTIN_PORTAL_RECORDS,
    index_is_stale,
    ingest_corpus,
    ingest_dichvucong,
    portal_checked_on,
)
from tests.conftest import FIXTURES


def _doc_ids(index: KnowledgeIndex) -> set[str]:
    return {m["doc_id"] for m in index.collection.get(include=["metadatas"])["metadatas"]}


def test_first_ingest_then_nothing_to_do(index: KnowledgeIndex, corpus_copy: Path) -> None:
    first = ingest_corpus(index, corpus_copy)
    assert first.ok and first.report.added_documents == ["mau-cu", "mau-khai-sinh", "mau-mat-khau", "mau-vneid"]
    size = index.size()
    assert size == first.report.added_chunks > 0
    assert not index_is_stale(index, corpus_copy)
    second = ingest_corpus(index, corpus_copy)
    assert (second.report.added_chunks, second.report.deleted_chunks, second.report.unchanged_documents) == (0, 0, 4)
    assert index.size() == size


def test_changed_document_is_replaced_and_removed_one_deleted(index: KnowledgeIndex, corpus_copy: Path) -> None:
    ingest_corpus(index, corpus_copy)
    page = corpus_copy / "policy" / "mau-mat-khau.md"
    page.write_text(page.read_text(encoding="utf-8").replace("ít nhất 12 ký tự", "ít nhất 14 ký tự"), encoding="utf-8")
    (corpus_copy / "digital" / "mau-vneid.md").unlink()
    assert index_is_stale(index, corpus_copy)
    result = ingest_corpus(index, corpus_copy)
    assert result.report.changed_documents == ["mau-mat-khau"]
    assert result.report.removed_documents == ["mau-vneid"]
    assert (result.report.added_chunks, result.report.deleted_chunks) == (1, 4)
    texts = index.collection.get(where={"doc_id": "mau-mat-khau"})["documents"]
    assert any("14 ký tự" in t for t in texts) and not any("12 ký tự" in t for t in texts)
    assert "mau-vneid" not in _doc_ids(index)


def test_broken_document_keeps_its_last_good_version(index: KnowledgeIndex, corpus_copy: Path) -> None:
    ingest_corpus(index, corpus_copy)
    before = index.size()
    (corpus_copy / "policy" / "mau-mat-khau.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    result = ingest_corpus(index, corpus_copy)
    assert not result.ok and "policy/mau-mat-khau.md" in str(result.errors[0])
    assert index.size() == before and "mau-mat-khau" in _doc_ids(index)


def test_crash_mid_ingest_is_repaired_by_the_next_run(index: KnowledgeIndex, corpus_copy: Path) -> None:
    class Crash(Exception):
        pass

    def crash_after_first_batch(done: int, total: int) -> None:
        raise Crash

    index.write_group = 4  # the fixture corpus is small: crash after 4 of its passages
    with pytest.raises(Crash):
        ingest_corpus(index, corpus_copy, progress=crash_after_first_batch)
    assert index.size() == 4 and index_is_stale(index, corpus_copy)
    result = ingest_corpus(index, corpus_copy)
    assert result.ok and not index_is_stale(index, corpus_copy)
    assert _doc_ids(index) == {"mau-cu", "mau-khai-sinh", "mau-mat-khau", "mau-vneid"}
    assert index.size() == len(set(index.collection.get()["ids"]))


def test_portal_records_are_imported_beside_the_curated_corpus(index: KnowledgeIndex, corpus_copy: Path) -> None:
    ingest_corpus(index, corpus_copy)
    curated = index.size()
    result = ingest_dichvucong(index, FIXTURES / "dichvucong_sample.jsonl")
    assert result.documents == 3
    assert sorted(e.line for e in result.errors) == [3, 4]
    assert {"dvc-9-000001", "dvc-9-000002", "dvc-9-000003"} <= _doc_ids(index)
    # Re-ingesting the curated corpus leaves the imported records alone.
    ingest_corpus(index, corpus_copy)
    assert index.size() == curated + result.report.added_chunks


def test_portal_records_carry_the_date_the_export_was_taken_not_todays(index: KnowledgeIndex, tmp_path: Path) -> None:
    # Today's date in every chunk's metadata would change every chunk id daily and re-embed the whole export.
    records = tmp_path / "records.jsonl"
    records.write_bytes((FIXTURES / "dichvucong_covered.jsonl").read_bytes())
    os.utime(records, (0, dt.datetime(2026, 5, 4, 12, tzinfo=dt.UTC).timestamp()))
    assert portal_checked_on(records) == dt.date(2026, 5, 4)  # no sidecar: the file's own date
    (tmp_path / "records.meta.json").write_text('{"checked_on": "2026-06-30"}', encoding="utf-8")
    assert portal_checked_on(records) == dt.date(2026, 6, 30)
    first = ingest_dichvucong(index, records)
    dates = {m["reviewed_on"] for m in index.collection.get(include=["metadatas"])["metadatas"]}
    assert dates == {"2026-06-30"} and first.report.added_chunks > 0
    assert ingest_dichvucong(index, records).report.added_chunks == 0  # a second run embeds nothing
    assert portal_checked_on(BUILTIN_PORTAL_RECORDS) == dt.date(2026, 12, 3)  # the project's copy says when it was taken


def test_large_indexes_are_read_a_page_at_a_time(
    index: KnowledgeIndex, corpus_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One read of everything fails on embedded Chroma past about 30,000 chunks: reads are paged.
    monkeypatch.setattr(knowledge_index, "READ_PAGE", 3)
    ingest_corpus(index, corpus_copy)
    snapshot = index.snapshot()
    assert len(snapshot.ids) == len(set(snapshot.ids)) == index.size() > 3
    assert len(snapshot.texts) == len(snapshot.metadatas) == len(snapshot.ids)
    assert ingest_corpus(index, corpus_copy).report.added_chunks == 0  # the paged read of what exists is complete
