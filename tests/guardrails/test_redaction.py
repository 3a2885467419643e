"""Redaction keeps the question and leaks nothing; masks never cut a word."""

from __future__ import annotations

import pytest

from guardrails import Guardrail, default_guardrail
from guardrails.recognizers.home_address_recognizer import HomeAddressRecognizer
from guardrails.redaction import mask_residue, to_word_bounds


@pytest.fixture(scope="module")
def guardrail() -> Guardrail:
    return default_guardrail()


def _addresses(text: str) -> list[str]:
    return [text[r.start : r.end] for r in HomeAddressRecognizer().analyze(text, ["ADDRESS"])]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("SĐT 0987654321, ở thôn 3 xã Tân Phú, hỏi làm lại giấy khai sinh bị mất thế nào", "thôn 3 xã Tân Phú"),
        ("nhà số 12 ngõ 5 thôn Đông có người nhiễm HIV, hỗ trợ thế nào", "nhà số 12 ngõ 5 thôn Đông"),
        ("nha toi o so 12 ngo 5 thon dong co nguoi om", "so 12 ngo 5 thon dong"),
        ("trú tại tổ 7 khu phố 3 phường Tân Định, quận 1. Cần làm gì?", "tổ 7 khu phố 3 phường Tân Định, quận 1"),
    ],
)
def test_an_address_ends_where_its_chain_of_units_ends(text: str, address: str) -> None:
    assert _addresses(text) == [address]


@pytest.mark.parametrize(
    "text",
    ["Dịch vụ do Ban Cơ yếu Chính phủ cung cấp", "Ông Ngô Văn Sáu hỏi về thủ tục", "áp dụng cho thôn bản vùng cao"],
)
def test_words_that_only_look_like_a_unit_without_diacritics_are_not_addresses(text: str) -> None:
    assert _addresses(text) == []


def test_the_question_survives_the_address_mask(guardrail: Guardrail) -> None:
    verdict = guardrail.check("SĐT 0987654321, ở thôn 3 xã Tân Phú, hỏi làm lại giấy khai sinh bị mất thế nào")
    assert verdict.blocked
    assert verdict.redacted_text.endswith(", hỏi làm lại giấy khai sinh bị mất thế nào")
    assert "0987654321" not in verdict.redacted_text and "Tân Phú" not in verdict.redacted_text


def test_what_no_recognizer_named_is_masked_in_a_blocked_message(guardrail: Guardrail) -> None:
    verdict = guardrail.check("SĐT chị Hoa 0912345678, tài khoản 1903 4567 8912 34, email hoa.nguyen@gmail.com")
    assert verdict.blocked
    for value in ("0912345678", "1903 4567 8912 34", "hoa.nguyen@gmail.com"):
        assert value not in verdict.redacted_text
    assert not guardrail.check(verdict.redacted_text).blocked


def test_residue_masking_keeps_citations_and_short_numbers() -> None:
    text = "Theo Nghị định 123/2015/NĐ-CP, thủ tục 1.001193, lệ phí 50.000 đồng; số 0101234567 và a.b@c.vn"
    assert mask_residue(text) == ("Theo Nghị định 123/2015/NĐ-CP, thủ tục 1.001193, lệ phí 50.000 đồng; số <DÃY_SỐ> và <EMAIL>")


def test_masks_are_widened_to_whole_words() -> None:
    text = "Luật Hộ tịch chi tiết"
    tich = text.index("tịch")
    assert to_word_bounds(text, tich + 1, tich + 6) == (tich, tich + len("tịch chi"))
    assert to_word_bounds(text, 0, 4) == (0, 4)


def test_check_output_keeps_agency_names_and_whole_words(guardrail: Guardrail) -> None:
    answer = "Chứng thư số do Ban Cơ yếu Chính phủ cấp. Xem chi tiết Luật Hộ tịch 2014, thôn bản vùng cao."
    assert guardrail.check_output(answer).redacted_text == answer
