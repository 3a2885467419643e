"""The curated corpus that ships with the service: complete, well formed, and covering the brief."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from api.config import BUILTIN_CORPUS
from knowledge_base import PROCEDURE_SECTIONS, load_corpus
from knowledge_base.documents import LEGAL_NUMBER, PROCEDURE_CODE

LOADED = load_corpus(BUILTIN_CORPUS)
DOCS = {d.id: d for d in LOADED.documents}

REQUIRED = [
    # procedures named by the brief
    "dang-ky-khai-sinh",
    "dang-ky-khai-tu",
    "dang-ky-ket-hon",
    "dang-ky-nhan-cha-me-con",
    "thay-doi-cai-chinh-bo-sung-ho-tich",
    "xac-nhan-tinh-trang-hon-nhan",
    "cap-ban-sao-trich-luc-ho-tich",
    "chung-thuc-ban-sao-tu-ban-chinh",
    "chung-thuc-chu-ky",
    "chung-thuc-hop-dong-giao-dich",
    "lien-thong-khai-sinh-thuong-tru-bhyt",
    "dang-ky-thuong-tru",
    "dang-ky-tam-tru",
    "gia-han-tam-tru",
    "thong-bao-luu-tru",
    "dang-ky-thanh-lap-ho-kinh-doanh",
    "cong-nhan-hoa-giai-vien",
    "tro-cap-xa-hoi-hang-thang",
    # digital public services
    "cong-dich-vu-cong-quoc-gia",
    "dich-vu-cong-truc-tuyen-toan-trinh-mot-phan",
    "tai-khoan-dinh-danh-dien-tu-vneid",
    "chu-ky-so-ca-nhan-cong-vu",
    "thanh-toan-truc-tuyen-phi-le-phi",
    "tai-su-dung-du-lieu-so-hoa",
    # policy and safety
    "cong-van-557-su-dung-ai",
    "luat-bao-ve-bi-mat-nha-nuoc",
    "bao-ve-du-lieu-ca-nhan",
    "an-toan-thong-tin-co-ban",
    "nghi-quyet-57-va-71",
    "chinh-quyen-dia-phuong-hai-cap",
    # course rules
    "quy-che-khoa-hoc",
]


def test_every_document_loads() -> None:
    assert [str(e) for e in LOADED.errors] == []


def test_corpus_size_and_required_documents() -> None:
    assert len(DOCS) >= 60
    assert [doc_id for doc_id in REQUIRED if doc_id not in DOCS] == []


def test_at_least_ten_more_portal_procedures_with_codes() -> None:
    procedures = [d for d in DOCS.values() if d.meta.kind == "procedure"]
    extra = [d for d in procedures if d.id not in REQUIRED and d.meta.procedure_code]
    assert len(extra) >= 10
    codes = Counter(d.meta.procedure_code for d in procedures if d.meta.procedure_code)
    assert [c for c, n in codes.items() if n > 1] == []


@pytest.mark.parametrize("doc_id", sorted(DOCS))
def test_front_matter_is_well_formed(doc_id: str) -> None:
    meta = DOCS[doc_id].meta
    assert all(LEGAL_NUMBER.match(n) for n in meta.legal_basis)
    assert meta.procedure_code is None or PROCEDURE_CODE.match(meta.procedure_code)
    assert meta.reviewed_on <= dt.date.today()
    assert meta.effective_from is not None and meta.effective_from <= meta.reviewed_on + dt.timedelta(days=400)
    assert (
        DOCS[doc_id].source.split("/")[0]
        == {"procedure": "procedures", "guide": "digital", "policy": "policy", "courseware": "courseware"}[meta.kind]
    )
    if meta.kind == "procedure":
        assert [s.path[0] for s in DOCS[doc_id].sections if len(s.path) == 1] == list(PROCEDURE_SECTIONS)
        for name in PROCEDURE_SECTIONS:  # a section's text may sit in its subsections
            assert any(s.text.strip() for s in DOCS[doc_id].sections if s.path[0] == name), name


def test_course_has_nineteen_topics_five_compulsory() -> None:
    topics = {d.meta.course_topic: d for d in DOCS.values() if d.meta.kind == "courseware" and d.meta.course_topic}
    assert sorted(topics) == list(range(1, 20))
    assert sum(1 for d in topics.values() if d.meta.compulsory) == 5
    for document in topics.values():
        names = [s.path[0] for s in document.sections if len(s.path) == 1]
        assert names[0] == "Tình huống thực hành", document.id  # practice first, theory after


def test_text_is_nfc_vietnamese() -> None:
    import unicodedata

    for document in DOCS.values():
        body = document.intro + "".join(s.text for s in document.sections)
        assert unicodedata.is_normalized("NFC", body), document.id
        assert any(ch in body for ch in "ăâđêôơư"), document.id
