"""A block message names only what was found, never the values."""

from __future__ import annotations

import pytest

from guardrails import Guardrail


@pytest.fixture(scope="module")
def guardrail() -> Guardrail:
    return Guardrail()


def test_the_message_names_the_kinds_found_and_only_those(guardrail: Guardrail) -> None:
    verdict = guardrail.check("CCCD của tôi là 001085012345, làm khai sinh cho con cần gì?")
    assert "dữ liệu cá nhân (số CCCD)" in verdict.message_vi
    assert "số điện thoại" not in verdict.message_vi and "họ tên" not in verdict.message_vi
    assert "001085012345" not in verdict.message_vi
    both = guardrail.check("Anh Lê Văn Tám, SĐT 0987654321, hỏi làm lại giấy khai sinh thế nào")
    assert "dữ liệu cá nhân (họ tên, số điện thoại)" in both.message_vi and "0987654321" not in both.message_vi


def test_a_secret_is_named_by_its_category(guardrail: Guardrail) -> None:
    verdict = guardrail.check("TỐI MẬT\nKế hoạch triển khai lực lượng tuần tra biên giới quý IV")
    assert "bí mật nhà nước" in verdict.message_vi and "(" not in verdict.message_vi.split(".")[0]
