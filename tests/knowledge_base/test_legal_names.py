"""Legal documents named for their numbers: a law by the name the corpus gives it, other documents by their kind."""

from __future__ import annotations

from knowledge_base.legal_names import LegalNames


def test_laws_are_named_as_the_passages_cite_them_and_the_rest_by_kind() -> None:
    names = LegalNames.from_texts(
        [
            "Theo Luật Hộ tịch số 60/2014/QH13 và Nghị định 123/2015/NĐ-CP.",
            "Luật Hộ tịch 60/2014/QH13 quy định; Bộ luật Dân sự 2015 (91/2015/QH13).",
            "Luật số 108/2025/QH15 sửa đổi; Luật Chuyển đổi số, Luật 148/2025/QH15 khác.",
            "Thi hành Luật Hộ tịch 123/2015/NĐ-CP",  # a decree after a law's name is no law
        ]
    )
    assert names.label("60/2014/QH13") == "Luật Hộ tịch (60/2014/QH13)"
    assert names.label("91/2015/QH13") == "Bộ luật Dân sự (91/2015/QH13)"
    assert names.label("123/2015/NĐ-CP") == "Nghị định 123/2015/NĐ-CP"
    assert names.label("108/2025/QH15") == "108/2025/QH15"  # "Luật số …" names nothing
    assert names.label("04/2020/TT-BTP") == "Thông tư 04/2020/TT-BTP"
    assert names.label("24/2021/QĐ-TTg") == "Quyết định 24/2021/QĐ-TTg"
    assert names.label("57-NQ/TW") == "Nghị quyết 57-NQ/TW"
    assert names.label("557/BKHCN-CĐSQG") == "Công văn 557/BKHCN-CĐSQG"
