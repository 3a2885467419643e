"""Parsing the portal's flattened tables defensively."""

from __future__ import annotations

import datetime as dt

from knowledge_base import PROCEDURE_SECTIONS
from knowledge_base.dichvucong_importer import load_dichvucong, parse_channels, parse_legal_basis
from tests.conftest import FIXTURES


def test_channels_time_limits_and_fees() -> None:
    rows = parse_channels(
        "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến3 Ngày làm việcMiễn phíTrực tiếp3 Ngày làm việc15,000 VNĐ(Theo mức thu)"
    )
    assert [(r.channel, r.time_limit, r.fee) for r in rows] == [
        ("Trực tuyến", "3 ngày làm việc", "Miễn phí"),
        ("Trực tiếp", "3 ngày làm việc", "15,000 VNĐ"),
    ]
    assert rows[1].raw == "(Theo mức thu)"


def test_time_without_unit_is_marked_not_guessed() -> None:
    rows = parse_channels("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1Miễn phíDịch vụ bưu chính1Miễn phí")
    assert [r.time_limit for r in rows] == ["1 (cổng không ghi đơn vị)"] * 2


def test_unparseable_table_is_kept_as_text() -> None:
    assert parse_channels("bảng không theo mẫu nào") == []


def test_legal_numbers_are_cut_out_of_run_on_text() -> None:
    text = (
        "Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH1360/2014/QH13"
        "Nghị định123/2015/NĐ-CPQuyết định của Thủ tướng06/QĐ-TTg"
    )
    assert [n for _, n in parse_legal_basis(text)] == ["60/2014/QH13", "60/2014/QH13", "123/2015/NĐ-CP", "06/QĐ-TTg"]
    assert parse_legal_basis(text)[0][0] == "Luật Hộ tịch"


def test_sample_file_becomes_procedure_documents_and_errors() -> None:
    documents, errors = load_dichvucong(FIXTURES / "dichvucong_sample.jsonl", reviewed_on=dt.date(2026, 11, 20))
    assert [d.id for d in documents] == ["dvc-9-000001", "dvc-9-000002", "dvc-9-000003"]
    assert [(e.line, e.message) for e in errors] == [
        (3, "invalid JSON: Expecting value"),
        (4, "record without ma_thu_tuc or ten_thu_tuc"),
    ]
    first = documents[0]
    assert first.meta.legal_basis == ["60/2014/QH13", "123/2015/NĐ-CP", "04/2020/TT-BTP"]
    assert first.meta.procedure_code == "9.000001" and first.meta.topic == "ho-tich"
    sections = {s.path[0]: s.text for s in first.sections}
    assert list(sections) == list(PROCEDURE_SECTIONS)
    assert "Trực tiếp: 15,000 VNĐ" in sections["Lệ phí"] and "3 ngày làm việc" in sections["Thời hạn giải quyết"]
    assert "có thể nộp trực tuyến" in sections["Nộp trực tuyến"]
    assert "Tờ khai theo mẫu (1 bản chính)" in sections["Hồ sơ"]
    # A malformed decision number is not invented into a legal basis; the raw text is kept.
    second = documents[1]
    assert second.meta.legal_basis == [] and "Luật không rõ số" in second.sections[0].text
    assert "chưa ghi nhận cách nộp trực tuyến" in {s.path[0]: s.text for s in second.sections}["Nộp trực tuyến"]
