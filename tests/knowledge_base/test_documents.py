"""Parsing and validating corpus documents; every bad input is reported with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge_base import PROCEDURE_SECTIONS, DocumentError, load_corpus, parse_document
from tests.conftest import FIXTURE_CORPUS

GOOD = (FIXTURE_CORPUS / "policy" / "mau-mat-khau.md").read_text(encoding="utf-8")


def test_parses_front_matter_and_sections() -> None:
    document = parse_document(GOOD.encode(), "policy/mau-mat-khau.md")
    assert document.id == "mau-mat-khau"
    assert document.meta.kind == "policy"
    assert document.meta.legal_basis == ["557/BKHCN-CĐSQG"]
    assert [s.path for s in document.sections] == [("Mật khẩu mạnh",), ("Xác thực hai yếu tố",)]
    assert document.intro.startswith("Mật khẩu mạnh giúp")


def test_nested_headings_carry_their_path() -> None:
    text = GOOD.replace("## Xác thực hai yếu tố", "### Xác thực hai yếu tố")
    document = parse_document(text.encode(), "x.md")
    assert document.sections[1].path == ("Mật khẩu mạnh", "Xác thực hai yếu tố")


@pytest.mark.parametrize(
    ("mutate", "line", "fragment"),
    [
        (lambda t: t.replace("kind: policy", "kind: memo"), 4, "kind"),
        (lambda t: t.replace("legal_basis: [557/BKHCN-CĐSQG]", "legal_basis: [Luật số mấy]"), 6, "legal document number"),
        (lambda t: t.replace("title: Đặt mật khẩu", "title: [Đặt mật khẩu"), 3, "malformed front matter"),
        (lambda t: t.replace("legal_basis:", "procedure_code: 1.00157x\nlegal_basis:"), 6, "procedure code"),
        (lambda t: t.replace("status: in_force", "status: active"), 8, "status"),
        (lambda t: t.replace("effective_from: 2025-03-31", "effective_from:"), 7, "effective_from"),
        (lambda t: t.replace("id: mau-mat-khau", "id: Mau Mat Khau"), 2, "slug"),
        (lambda t: t.split("---\n", 2)[2], 1, "front matter"),
    ],
)
def test_bad_front_matter_reports_line(mutate, line: int, fragment: str) -> None:
    with pytest.raises(DocumentError) as caught:
        parse_document(mutate(GOOD).encode(), "policy/bad.md")
    assert caught.value.source == "policy/bad.md"
    assert caught.value.line == line
    assert fragment in str(caught.value)


def test_empty_and_non_utf8_documents_are_rejected() -> None:
    with pytest.raises(DocumentError, match="empty document"):
        parse_document(b"  \n", "empty.md")
    with pytest.raises(DocumentError, match="not valid UTF-8") as caught:
        parse_document(b"---\nid: x\n---\nbad \xff byte\n", "latin.md")
    assert caught.value.line == 4
    only_meta = GOOD.split("---\n")[1]
    with pytest.raises(DocumentError, match="no content"):
        parse_document(f"---\n{only_meta}---\n\n".encode(), "nobody.md")


def test_procedure_sections_must_follow_the_standard_order() -> None:
    good = (FIXTURE_CORPUS / "procedures" / "mau-khai-sinh.md").read_text(encoding="utf-8")
    assert [s.path[0] for s in parse_document(good.encode(), "p.md").sections] == list(PROCEDURE_SECTIONS)
    swapped = (
        good.replace("## Lệ phí", "## TMP")
        .replace("## Thời hạn giải quyết", "## Lệ phí")
        .replace("## TMP", "## Thời hạn giải quyết")
    )
    with pytest.raises(DocumentError, match="procedure sections must be"):
        parse_document(swapped.encode(), "p.md")
    missing = good.replace("## Nộp trực tuyến", "## Ghi chú")
    with pytest.raises(DocumentError, match="Nộp trực tuyến"):
        parse_document(missing.encode(), "p.md")


def test_load_corpus_reports_every_bad_file_and_keeps_the_rest(corpus_copy: Path) -> None:
    (corpus_copy / "policy" / "trung-id.md").write_text(GOOD, encoding="utf-8")  # duplicate id
    (corpus_copy / "policy" / "rong.md").write_text("", encoding="utf-8")
    (corpus_copy / "policy" / "hong.md").write_bytes(b"---\ntitle: \xc3\x28\n---\n")
    (corpus_copy / "policy" / "sai-kind.md").write_text(
        GOOD.replace("mau-mat-khau", "sai-kind").replace("kind: policy", "kind: memo"), encoding="utf-8"
    )
    loaded = load_corpus(corpus_copy)
    assert sorted(d.id for d in loaded.documents) == ["mau-cu", "mau-khai-sinh", "mau-mat-khau", "mau-vneid"]
    assert loaded.failed_sources == {"policy/trung-id.md", "policy/rong.md", "policy/hong.md", "policy/sai-kind.md"}
    messages = " | ".join(str(e) for e in loaded.errors)
    assert "duplicate id 'mau-mat-khau'" in messages
    assert "policy/hong.md:2: not valid UTF-8" in messages
    assert "policy/rong.md:1: empty document" in messages


def test_unquoted_procedure_code_keeps_its_trailing_zero() -> None:
    good = (FIXTURE_CORPUS / "procedures" / "mau-khai-sinh.md").read_text(encoding="utf-8")
    document = parse_document(good.replace("procedure_code: 1.001193", "procedure_code: 1.001570").encode(), "p.md")
    assert document.meta.procedure_code == "1.001570"
