"""Credentials being shared: passwords, OTP and activation codes, API keys, tokens, connection strings.

A question about passwords ("mật khẩu mạnh cần bao nhiêu ký tự?") has no value after the cue.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from guardrails.recognizers.base import ContextPatternRecognizer

# The value after a cue must look like a secret, not like the rest of a question.
_NOT_A_VALUE = r"(?!(?:gì|gi|bao|mạnh|manh|như|nhu|thế|the|nào|nao|có|co|là|la|của|cua|phải|phai|cần|can|mới|moi|cũ|cu|không|khong|được|duoc|bị|bi|thì|thi|để|de|ở|o|cho|đã|da|sao|mình|minh|tôi|toi|em)\b)"
_VALUE = r"[^\s\"'“”,;]{4,64}"


class CredentialRecognizer(ContextPatternRecognizer):
    ENTITY = "PASSWORD"
    PATTERNS = [
        Pattern(
            "password_value",
            rf"(?i)(?:mật\s*khẩu|mat\s*khau|\bmk\b|\bpass(?:word)?\b|\bpwd?\b|mã\s*pin|ma\s*pin)(?:\s+(?:của|cua|tài khoản|tai khoan|đăng nhập|dang nhap|mới|moi|cũ|cu)\b[^:=\n]{{0,40}}?)?\s*(?:là|la|:|=|is)\s*[\"'“]?{_NOT_A_VALUE}{_VALUE}",
            0.85,
        ),
        Pattern("connection_string", r"(?i)\b[a-z][a-z0-9+.-]{1,15}://[^\s:/@]{1,64}:[^\s@]{2,64}@[^\s]+", 0.9),
    ]


class OtpRecognizer(ContextPatternRecognizer):
    ENTITY = "OTP"
    PATTERNS = [
        Pattern(
            "otp_value",
            r"(?i)(?:\botp\b|mã\s*(?:xác\s*(?:thực|nhận|minh)|kích\s*hoạt|otp|bảo\s*mật|đăng\s*nhập)|ma\s*(?:xac\s*(?:thuc|nhan|minh)|kich\s*hoat)|activation\s*code|verification\s*code)[^\d\n]{0,25}\d(?:[\s.\-]?\d){3,9}(?!\d)",
            0.85,
        )
    ]


class ApiKeyRecognizer(ContextPatternRecognizer):
    ENTITY = "API_KEY"
    PATTERNS = [
        Pattern("openai_style", r"\bsk-[A-Za-z0-9_\-]{20,}", 0.95),
        Pattern("aws_access_key", r"\bAKIA[0-9A-Z]{16}\b", 0.95),
        Pattern("github_token", r"\bgh[pousr]_[A-Za-z0-9]{30,}\b", 0.95),
        Pattern("google_api_key", r"\bAIza[0-9A-Za-z_\-]{30,}\b", 0.95),
        Pattern("slack_token", r"\bxox[abpr]-[A-Za-z0-9\-]{10,}", 0.95),
        Pattern("jwt", r"\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}", 0.9),
        Pattern(
            "named_secret",
            r"(?i)(?:api[\s_-]*key|token|secret|client[\s_-]*secret|khóa\s*api|khoa\s*api|access[\s_-]*key|bearer)\s*(?:là|la|:|=)?\s*[\"'“]?[A-Za-z0-9_\-+/=.]{16,}",
            0.85,
        ),
    ]
