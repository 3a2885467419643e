"""Vietnamese normalisation, BM25 terms and heading-aware chunks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from knowledge_base import chunk_document, load_corpus
from knowledge_base.bm25_index import BM25Index
from knowledge_base.chunking import MAX_WORDS, split_long_text
from knowledge_base.text_normalize import fold_diacritics, lexical_terms
from tests.conftest import FIXTURE_CORPUS


def test_fold_diacritics_handles_d_with_stroke_and_tones() -> None:
    assert fold_diacritics("Thủ tục ĐĂNG KÝ khai sinh") == "Thu tuc DANG KY khai sinh"
    assert fold_diacritics("Nghị định 123/2015/NĐ-CP") == "Nghi dinh 123/2015/ND-CP"


def test_terms_match_text_typed_without_diacritics() -> None:
    accented, plain = set(lexical_terms("thủ tục khai sinh")), set(lexical_terms("thu tuc khai sinh"))
    assert plain <= accented
    assert "thu_tuc" in plain and "=thủ" in accented and "=thủ" not in plain


@given(st.text(max_size=300))
def test_terms_never_crash_and_are_lowercase(text: str) -> None:
    for term in lexical_terms(text):
        assert term == term.lower()


def test_bm25_ranks_the_matching_text_first() -> None:
    index = BM25Index(["Lệ phí đăng ký khai sinh", "Đăng ký tạm trú cho người thuê trọ", "Mật khẩu mạnh"])
    assert index.top("le phi khai sinh", 3)[0][0] == 0
    assert index.top("tam tru nguoi thue tro", 3)[0][0] == 1
    assert index.top("bóng đá", 3) == []


def test_chunks_carry_title_section_and_stable_ids() -> None:
    document = next(d for d in load_corpus(FIXTURE_CORPUS).documents if d.id == "mau-khai-sinh")
    chunks = chunk_document(document)
    assert chunks[0].metadata["section"] == "Giới thiệu" and "làm giấy khai sinh" in chunks[0].text
    fee = next(c for c in chunks if c.metadata["section"] == "Lệ phí")
    assert fee.text.startswith("Đăng ký khai sinh (tài liệu mẫu) › Lệ phí\n")
    assert fee.metadata["legal_basis"] == "60/2014/QH13; 123/2015/NĐ-CP"
    assert fee.metadata["procedure_code"] == "1.001193"
    assert [c.id for c in chunk_document(document)] == [c.id for c in chunks]
    assert len({c.id for c in chunks}) == len(chunks)


def test_long_sections_are_split_within_the_model_window() -> None:
    paragraph = " ".join(["Công chức kiểm tra hồ sơ."] * 120)
    parts = split_long_text(paragraph + "\n\n" + "Một câu rất dài không có dấu chấm " * 60)
    assert len(parts) > 2
    assert all(len(p.split()) <= MAX_WORDS for p in parts)
    assert sum(len(p.split()) for p in parts) == len(paragraph.split()) + 8 * 60
