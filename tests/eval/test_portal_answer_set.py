"""The answer set generated from the portal records: frozen test split, disjoint splits, facts from the record."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from eval.datasets_io import AnswerCase
from eval.portal_answer_set import OUT, TEST_FAMILIES, TRAIN_FAMILIES, dossier_items, facts_for, main, procedure_name


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (OUT / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]


def test_test_split_matches_its_frozen_hash_and_is_never_rewritten_by_default(tmp_path: Path) -> None:
    recorded = (OUT / "FROZEN").read_text(encoding="utf-8").split()[0]
    assert hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest() == recorded
    (tmp_path / "test.jsonl").write_text("frozen\n", encoding="utf-8")
    assert main(["--out", str(tmp_path)]) == 0
    assert (tmp_path / "test.jsonl").read_text(encoding="utf-8") == "frozen\n"
    assert (tmp_path / "train.jsonl").read_bytes() == (OUT / "train.jsonl").read_bytes()  # deterministic


def test_splits_share_no_template_family_and_no_procedure() -> None:
    train, test = _rows("train"), _rows("test")
    assert len(test) >= 300 and len(train) >= 300
    assert {r["family"] for r in train} <= set(TRAIN_FAMILIES) and {r["family"] for r in test} <= set(TEST_FAMILIES)
    assert not {r["procedure_code"] for r in train} & {r["procedure_code"] for r in test}
    assert {r["field"] for r in test} == {"fee", "time", "dossier", "result", "legal", "condition", "agency"}
    for row in test:
        case = AnswerCase.model_validate(row)
        assert case.kind == "answerable" and case.expected_facts and case.field
    folded = sum(1 for r in test if r["question"].isascii())
    assert 0.2 < folded / len(test) < 0.45  # about a third typed without diacritics


def test_facts_come_from_the_record_fields() -> None:
    record = {
        "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến3 Ngày làm việcMiễn phí"
        "Trực tiếp5 Ngày làm việc15,000 VNĐ(Theo mức thu)",
        "thanh_phan_ho_so": "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ khai đăng ký theo mẫu;1 bản chính"
        "- Giấy chứng nhận quyền sử dụng đất1 bản chính,1 bản sao",
        "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13",
        "ket_qua_xu_ly": "Giấy chứng nhận đăng kýMã: KQ.1",
        "yeu_cau_dieu_kien": "Không có thông tin",
    }
    assert facts_for(record, "fee", "Trực tiếp") == [["15,000", "15.000"]]
    assert facts_for(record, "fee", None) == [["miễn phí", "miễn lệ phí", "không mất phí", "không thu"], ["15,000", "15.000"]]
    assert facts_for(record, "time", "Trực tuyến") == [["3 ngày làm việc", "03 ngày làm việc"]]
    assert facts_for(record, "legal", None) == [["60/2014/QH13"]]
    assert facts_for(record, "result", None) == [["Giấy chứng nhận đăng"]]  # its first four words
    assert facts_for(record, "condition", None) is None  # the record does not say: no question is asked
    assert dossier_items(record["thanh_phan_ho_so"]) == ["Tờ khai đăng ký theo mẫu", "Giấy chứng nhận quyền sử dụng đất"]
    # At most 12 words (a comma counts as one), and never ending on a word that leaves the name hanging ("để").
    assert procedure_name("Thủ tục hỗ trợ đối với nguyên liệu, vật tư nhập khẩu để sản xuất, để xuất khẩu") == (
        "hỗ trợ đối với nguyên liệu, vật tư nhập khẩu"
    )
