"""The person-name span model: frozen test data, deterministic corpus, names found, look-alikes left alone."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eval.name_corpus import DATASET_DIR, dumps, full_name, generate, load, sha256_of
from eval.name_spans_eval import evaluate
from guardrails.name_model import NameSpan, NameSpanModel


@pytest.fixture(scope="module")
def model() -> NameSpanModel:
    return NameSpanModel()


def names(model: NameSpanModel, text: str) -> list[str]:
    return [text[span.start : span.end] for span in model.spans(text)]


def test_frozen_test_split_is_unchanged() -> None:
    recorded = (DATASET_DIR / "FROZEN").read_text(encoding="utf-8").split()[0]
    assert sha256_of(DATASET_DIR / "test.jsonl") == recorded


@pytest.mark.parametrize("split", ["train", "dev"])
def test_generator_is_deterministic(split: str) -> None:
    first = dumps(generate(split))
    assert first == dumps(generate(split))
    assert first == (DATASET_DIR / f"{split}.jsonl").read_text(encoding="utf-8")


def test_splits_share_no_family_and_spans_are_exact() -> None:
    families = {split: {row["family"] for row in load(DATASET_DIR / f"{split}.jsonl")} for split in ("train", "dev", "test")}
    assert not families["train"] & families["dev"]
    assert not families["train"] & families["test"]
    assert not families["dev"] & families["test"]
    rows = load(DATASET_DIR / "test.jsonl")
    assert sum(row["family"] == "handwritten" for row in rows) >= 80
    for row in rows:
        for start, end in row["spans"]:
            name = row["text"][start:end]
            assert name == name.strip() and name, row["id"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ho so cua ong nguyen van an con thieu ban sao cccd", ["nguyen van an"]),
        ("em đã gọi cho chị trần thị hoa nhưng máy bận", ["trần thị hoa"]),
        ("pls call Mr Nguyen Van An before 5pm, he needs to add documents", ["Nguyen Van An"]),
        ("Anh Lê Văn Tám, SĐT 0912 345 678, ở thôn 3 xin xác nhận cư trú.", ["Lê Văn Tám"]),
        ("Họ tên: TRẦN THỊ MAI – CCCD 001085012345", ["TRẦN THỊ MAI"]),
        ("Nhờ anh chuyển hồ sơ của Phạm Q. Huy sang phòng Tư pháp.", ["Phạm Q. Huy"]),
        ("Già làng Y Bhin Niê đề nghị hỗ trợ giống cây.", ["Y Bhin Niê"]),
        ("Trưởng bản Lò Văn Pọm báo cáo tình hình lũ quét.", ["Lò Văn Pọm"]),
        ("Ông Nguyễn Văn Hùng và bà Lê Thị Lan đến làm thủ tục.", ["Nguyễn Văn Hùng", "Lê Thị Lan"]),
    ],
)
def test_finds_names(model: NameSpanModel, text: str, expected: list[str]) -> None:
    assert names(model, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chủ tịch UBND xã đã ký quyết định ngày 12/3.",  # title
        "Hộ gia đình ở đường Lê Lợi, phường Nguyễn Trãi cần cập nhật thông tin.",  # street, ward
        "Xã Tân Phú và huyện Lâm Hà vừa sáp nhập.",  # places
        "Học sinh trường THCS Lê Văn Tám tham gia ngày hội đọc sách.",  # school
        "Ban Cơ yếu Chính phủ và Sở Tư pháp ban hành hướng dẫn.",  # agencies
        "Theo Nghị định 15/2020/NĐ-CP, mức phạt được quy định rõ.",  # law
        "Tấm gương Chủ tịch Hồ Chí Minh được nhắc lại trong buổi sinh hoạt.",  # history
        "Năm 1789, vua Quang Trung đại phá quân Thanh.",  # history
        "Ngày mai bộ phận một cửa làm việc đến 17 giờ.",  # sentence start
        "Thủ tục đăng ký kết hôn được giải quyết trong ngày.",  # procedure
        "Hồ sơ gồm tờ khai và bản sao giấy khai sinh.",  # "Hồ" is a family name too
    ],
)
def test_leaves_look_alikes_alone(model: NameSpanModel, text: str) -> None:
    assert names(model, text) == []


def test_span_excludes_the_title_word(model: NameSpanModel) -> None:
    text = "Sáng nay ông Trần Văn Bình đến nộp đơn."
    [span] = model.spans(text)
    assert isinstance(span, NameSpan) and 0.0 <= span.score <= 1.0
    assert (span.start, span.end) == (text.index("Trần"), text.index(" đến"))


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_any_generated_name_after_anh_is_found_exactly(seed: int) -> None:
    name = full_name(random.Random(seed))
    text = f"Hôm qua anh {name} đã đến xã nộp hồ sơ."
    start = text.index(name)
    assert [(s.start, s.end) for s in NameSpanModel().spans(text)] == [(start, start + len(name))]


def test_long_repetition_is_linear(model: NameSpanModel) -> None:
    # 10,000 family names in a row: no catastrophic backtracking, and no name without a given name.
    result = model.spans("Nguyễn " * 10_000)
    assert isinstance(result, list)
    assert all(isinstance(span, NameSpan) and span.end - span.start < 40 for span in result)


def test_dev_f1_floor(model: NameSpanModel) -> None:
    report = evaluate(model.spans, load(DATASET_DIR / "dev.jsonl"))
    assert report["exact"]["f1"] >= 0.9
