"""Portal procedures answered from their fields: the field asked, the way of submitting named, lists kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach import Coach, CoveragePolicy
from coach.procedure_card import ProcedureCatalog, ProcedureFields, asked_channel, asked_fields, render
from guardrails import Guardrail
from knowledge_base import KnowledgeIndex
from knowledge_base.dichvucong_importer import parse_channels
from knowledge_base.ingest import ingest_dichvucong
from tests.conftest import FIXTURES

RECORDS = FIXTURES / "dichvucong_covered.jsonl"
RECORD = {
    "ma_thu_tuc": "9.000010",
    "ten_thu_tuc": "Cấp giấy phép mẫu",
    "cap_thuc_hien": "Cấp xã",
    "co_quan_thuc_hien": "Ủy ban nhân dân cấp xã",
    "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 Ngày làm việc50,000 VNĐ(Giảm 50% cho hộ nghèo)"
    "- Trực tiếp tại Bộ phận Một cửa cấp xã.Trực tuyến3 Ngày làm việcMiễn phí",
    "thanh_phan_ho_so": "Tên giấy tờMẫu đơn, tờ khaiSố lượng- Đơn đề nghị cấp giấy phép1 bản chính"
    "- Bản sao giấy tờ tùy thân0 bản chính,1 bản sao",
    "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnNghị định quy định chi tiết144/2020/NĐ-CP",
    "ket_qua_xu_ly": "Giấy phép mẫuMã: KQ.9",
    "yeu_cau_dieu_kien": "Không có thông tin",
}


@pytest.mark.parametrize(
    ("question", "fields"),
    [
        ("lệ phí cấp giấy phép bao nhiêu", ["fee"]),
        ("cap giay phep mat bao lau", ["time"]),
        ("cấp giấy phép cần giấy tờ gì", ["dossier"]),
        ("làm xong thì được cấp giấy gì", ["result"]),
        ("thủ tục này căn cứ văn bản nào", ["legal"]),
        ("nộp ở cơ quan nào", ["agency"]),
        ("lệ phí và thời hạn cấp giấy phép", ["fee", "time"]),  # two topic nouns: both fields
        ("tiếp nhận hồ sơ thì hẹn trả kết quả sau bao lâu", ["time"]),  # the question word wins over the nouns
        ("giấy phép biểu diễn là gì", []),
    ],
)
def test_the_field_asked_is_read_from_the_question(question: str, fields: list[str]) -> None:
    assert asked_fields(question) == fields


def test_the_way_of_submitting_named_is_read_from_the_question() -> None:
    assert asked_channel("nộp online thì phí bao nhiêu") == "Trực tuyến"
    assert asked_channel("nop truc tiep mat may ngay") == "Trực tiếp"
    assert asked_channel("gửi qua bưu điện được không") == "Dịch vụ bưu chính"
    assert asked_channel("phí bao nhiêu") is None


def test_a_channel_word_inside_a_description_is_not_a_row_of_the_table() -> None:
    rows = parse_channels(RECORD["cach_thuc_thuc_hien"])
    assert [(r.channel, r.time_limit, r.fee) for r in rows] == [
        ("Trực tiếp", "5 ngày làm việc", "50,000 VNĐ"),
        ("Trực tuyến", "3 ngày làm việc", "Miễn phí"),
    ]
    assert "Bộ phận Một cửa" in rows[0].raw


def test_cards_give_the_field_for_the_way_named_and_keep_lists() -> None:
    p = ProcedureFields.from_record(RECORD)
    fee = render(p, "fee", None)
    assert "- Nộp trực tiếp: 50.000 đồng (Giảm 50% cho hộ nghèo)" in fee and "- Nộp trực tuyến: miễn phí" in fee
    assert render(p, "fee", "Trực tuyến") == "Lệ phí của thủ tục “Cấp giấy phép mẫu” (nộp trực tuyến): miễn phí."
    assert render(p, "time", "Trực tiếp").endswith("(nộp trực tiếp): 5 ngày làm việc.")
    shared = ProcedureFields.from_record(
        {**RECORD, "cach_thuc_thuc_hien": "Trực tiếp5 Ngày làm việc50,000 VNĐTrực tuyến3 Ngày làm việc50,000 VNĐ"
         "Dịch vụ bưu chính5 Ngày làm việcMiễn phí"}
    )  # fmt: skip
    lines = render(shared, "fee", None).splitlines()[1:]
    assert lines == ["- Nộp trực tiếp, nộp trực tuyến: 50.000 đồng", "- Qua bưu chính: miễn phí"]
    assert render(p, "dossier", None).splitlines()[1:] == [
        "- Đơn đề nghị cấp giấy phép (1 bản chính)",
        "- Bản sao giấy tờ tùy thân (1 bản sao)",  # "0 bản chính" is not a copy to bring
    ]
    assert "144/2020/NĐ-CP" in render(p, "legal", None) and render(p, "result", None).endswith(": Giấy phép mẫu.")
    assert "không ghi yêu cầu, điều kiện" in render(p, "condition", None)  # honest when the portal is silent
    assert "Ủy ban nhân dân cấp xã" in render(p, "agency", None)


def test_the_dossier_of_the_case_the_question_names() -> None:
    p = ProcedureFields.from_record(
        {**RECORD, "ten_thu_tuc": "Cấp giấy phép xây dựng công trình tôn giáo, tín ngưỡng và nhà ở riêng lẻ",
         "thanh_phan_ho_so": "Tên giấy tờMẫu đơn, tờ khaiSố lượng- Đơn đề nghị cấp phép1 bản chính"
         "- (1.1) Đối với công trình tôn giáo: Văn bản chấp thuận của tổ chức tôn giáo1 bản chính"
         "- Bản vẽ thiết kế công trình2 bản chính"
         "- (1.2) Đối với nhà ở riêng lẻ: Giấy chứng nhận quyền sử dụng đất1 bản sao"}
    )  # fmt: skip
    case = render(p, "dossier", None, "xây công trình tôn giáo cần hồ sơ gì")
    assert "(đối với công trình tôn giáo) gồm:" in case and "Bản vẽ thiết kế công trình" in case
    assert "Giấy chứng nhận quyền sử dụng đất" not in case
    # The whole name spelled out names the procedure, not one of its cases: every item is listed.
    whole = render(p, "dossier", None, "cấp giấy phép xây dựng công trình tôn giáo, tín ngưỡng và nhà ở riêng lẻ cần gì")
    assert "Đơn đề nghị cấp phép" in whole and "Giấy chứng nhận quyền sử dụng đất" in whole


def test_a_catalog_skips_lines_that_do_not_parse(tmp_path: Path) -> None:
    broken = tmp_path / "records.jsonl"
    broken.write_text(RECORDS.read_text(encoding="utf-8") + "không phải JSON\n[1, 2]\n", encoding="utf-8")
    assert len(ProcedureCatalog.from_file(broken)) == 2
    assert len(ProcedureCatalog.from_file(None)) == 0 and len(ProcedureCatalog.from_file(tmp_path / "none.jsonl")) == 0


@pytest.mark.parametrize("index", ["embedded"], indirect=True)
def test_the_coach_answers_a_portal_field_question_with_a_card_citing_its_section(fixture_index: KnowledgeIndex) -> None:
    ingest_dichvucong(fixture_index, RECORDS)
    catalog = ProcedureCatalog.from_file(RECORDS)
    coach = Coach(fixture_index, Guardrail(), coverage=CoveragePolicy(min_similarity=0.84), catalog=catalog)
    answer = coach.answer("cấp giấy phép cho đội văn nghệ thôn lệ phí bao nhiêu")
    assert answer.answerer == "card" and not answer.not_covered
    assert "50.000 đồng" in answer.text and "[1]" in answer.text
    assert [(c.doc_id, c.section) for c in answer.citations] == [("dvc-9-000004", "Lệ phí")]
    # A curated document of the same procedure code answers first, from its own text.
    curated = coach.answer("lệ phí đăng ký khai sinh bao nhiêu")
    assert curated.answerer == "extractive" and curated.citations[0].doc_id == "mau-khai-sinh"
