"""Pydantic's validation errors in Vietnamese (its own messages are English): one message per error type."""

from __future__ import annotations

import datetime as dt
from typing import Any


def kind_is_date(error: dict[str, Any]) -> bool:
    return isinstance(error.get("ctx", {}).get("le", error.get("ctx", {}).get("ge")), dt.date)


# Pydantic's error types, said in Vietnamese (its own messages are English).
_TYPE_MESSAGES = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không được chấp nhận",
    "uuid_parsing": "không phải UUID hợp lệ",
    "uuid_type": "không phải UUID hợp lệ",
    "datetime_parsing": "không phải thời điểm ISO 8601 hợp lệ",
    "datetime_from_date_parsing": "không phải thời điểm ISO 8601 hợp lệ",
    "datetime_type": "không phải thời điểm ISO 8601 hợp lệ",
    "literal_error": "giá trị không nằm trong danh sách được chấp nhận",
    "enum": "giá trị không nằm trong danh sách được chấp nhận",
    "string_too_long": "quá dài",
    "string_too_short": "quá ngắn",
    "string_pattern_mismatch": "sai định dạng",
    "greater_than_equal": "nhỏ hơn giá trị cho phép",
    "less_than_equal": "lớn hơn giá trị cho phép",
    "model_type": "phải là một đối tượng JSON",
    "model_attributes_type": "phải là một đối tượng JSON",
    "dict_type": "phải là một đối tượng JSON",
}


def validation_message_vi(error: dict[str, Any]) -> str:
    """A Vietnamese message for one pydantic error: our own validators' words, else one per error type."""
    if error.get("type") == "value_error":
        return str(error.get("ctx", {}).get("error", "")) or "giá trị không hợp lệ"
    if kind_is_date(error) and error.get("type") in ("less_than_equal", "greater_than_equal"):
        return "ngày phải trong khoảng 2000–2100"
    kind = str(error.get("type", ""))
    if kind.endswith("_type") and kind not in _TYPE_MESSAGES:
        return "sai kiểu dữ liệu"
    return _TYPE_MESSAGES.get(kind, "giá trị không hợp lệ")
