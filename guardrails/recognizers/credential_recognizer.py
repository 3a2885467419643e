"""Credentials being shared: passwords, PINs, OTP and activation codes, API keys, tokens, private
keys and connection strings.

A password is recognised as a cue (mật khẩu, mk, pass, mã PIN, OTP, tài khoản…) followed within
a few words by a value that looks like a secret (letters with digits or symbols, or a run of
digits). A question about passwords ("mật khẩu mạnh cần bao nhiêu ký tự?") has no such value.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.recognizers.base import ContextPatternRecognizer, folded, make_result

_PASSWORD_CUE = re.compile(r"(?<![a-z])(mat\s*khau|mk|pass(?:word|wd|code)?|pwd?|ma\s*pin|pin|ma\s*so\s*bi\s*mat)(?![a-z])")
_OTP_CUE = re.compile(
    r"(?<![a-z])(otp|ma\s*(?:xac\s*(?:thuc|nhan|minh)|kich\s*hoat|bao\s*mat|dang\s*nhap|otp|du\s*phong|khoi\s*phuc)|"
    r"activation\s*code|verification\s*code|(?:2fa|mfa|backup|recovery)\s*(?:backup\s*)?codes?)(?![a-z])"
)
_ACCOUNT_CUE = re.compile(r"(?<![a-z])(tai\s*khoan|tk|user(?:name)?|dang\s*nhap|login|admin|wifi|wi-fi)(?![a-z])")
_TOKEN = re.compile(r"[^\s,;\"'“”()<>]+")
_FORM_CODE = re.compile(r"^[A-Za-z]{1,3}\d{1,3}$")  # CT01, A4, G7: names of forms and sizes
# A value already hidden: "pass=<hidden>", "mật khẩu: ******", "mk: xxx". Nothing follows it that is the secret.
# So is a placeholder or an expression that reads the secret from elsewhere ("<your-api-key>",
# "changeme", os.environ[…], ${DB_PASS}), or an empty value at the end of the line.
_HIDDEN = re.compile(
    r"^[=:]?[ \t]*(<[^<>]{0,30}>|\*{3,}|x{3,}|\.{3,}|…|\[[^\[\]]{0,30}\]|\n|$|changeme|change[-_]?me|your[-_ ]|"
    r"example|placeholder|os\.environ|os\.getenv|getenv|process\.env|env\(|\$\{|\{\{|%\()",
    re.IGNORECASE,
)
_PLACEHOLDER_KEY = re.compile(r"(your[-_ ]?(key|token|secret)|key[-_]?here|changeme|example|placeholder|xxxx|<)", re.IGNORECASE)
# Passwords every lesson warns against: quoted as examples, they are nobody's secret.
_WEAK_EXAMPLES = frozenset(
    {"123456", "1234567", "12345678", "123456789", "password", "matkhau", "qwerty", "abc123", "111111", "admin",
     "admin123", "123123", "iloveyou", "000000", "password1", "abcdef", "123abc", "matkhau123"}
)  # fmt: skip
# The next setting of a pasted configuration ("host=…", "port:…") is not the password's value.
_OTHER_SETTING = re.compile(r"^[A-Za-z_]{2,20}[=:]\S")
_SYMBOLS = set("@#$%^&*!~+=?_")
WINDOW = 80


def secret_like(token: str, digits_ok: int) -> bool:
    """Whether ``token`` looks like a password or code rather than a word of the sentence."""
    value = token.rstrip(".,:;?!")
    if not 4 <= len(value) <= 64 or "/" in value or "://" in value or _FORM_CODE.match(value):
        return False
    if value.lower() in _WEAK_EXAMPLES or re.fullmatch(r"[A-Za-z_]+", value):  # an example, or a name in code
        return False
    if not value.isascii():
        return False
    letters = any(c.isalpha() for c in value)
    digits = sum(c.isdigit() for c in value)
    if value.isdigit():
        return digits_ok <= len(value) <= 12
    # Letters with digits, or with symbols and both cases ("Hoa@Abc"); "?required}" is neither.
    cased = any(c.isupper() for c in value) and any(c.islower() for c in value)
    mixed = letters and (digits > 0 or (cased and any(c in _SYMBOLS for c in value)))
    return mixed and len(value) >= 6


class CredentialRecognizer(EntityRecognizer):
    """Passwords, PINs and one-time codes next to their cue."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PASSWORD", "OTP"], supported_language="vi", name="CredentialRecognizer")

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        view = folded(text)
        found: dict[tuple[int, int], tuple[str, float]] = {}
        # An account cue heads a list ("Tài khoản các phần mềm: … / Qwe@9009"): it reaches further.
        cues = ((_PASSWORD_CUE, "PASSWORD", 6, WINDOW), (_OTP_CUE, "OTP", 4, WINDOW), (_ACCOUNT_CUE, "PASSWORD", 99, 3 * WINDOW))
        for cue, entity, digits_ok, reach in cues:
            for match in cue.finditer(view):
                # The cue can be the start of the secret itself: "matkhau.0702", "Pass2024!".
                whole = _TOKEN.match(text, match.start())
                glued = whole is not None and whole.end() > match.end() and not re.search(r"[=:]", whole.group(0))
                if glued and secret_like(whole.group(0), digits_ok):
                    found.setdefault((whole.start(), whole.start() + len(whole.group(0).rstrip(".,:;"))), (entity, 0.85))
                    continue
                if _HIDDEN.match(text[match.end() : match.end() + 24].lstrip()):
                    continue
                window_end = min(len(text), match.end() + reach)
                for token in _TOKEN.finditer(text, match.end(), window_end):
                    if _OTHER_SETTING.match(token.group(0)) and not cue.match(folded(token.group(0))):
                        break
                    value = token.group(0).lstrip("=:")
                    if secret_like(value, digits_ok):
                        start = token.end() - len(value)
                        found.setdefault((start, start + len(value.rstrip(".,:;"))), (entity, 0.85))
        return [make_result(self, entity, start, end, score) for (start, end), (entity, score) in found.items()]


class ApiKeyRecognizer(ContextPatternRecognizer):
    """Keys, tokens and private keys in the shapes their issuers use; a placeholder is no key."""

    FAILED_CHECK_PENALTY = 0.6

    def checks_out(self, pattern_text: str) -> bool:
        return not _PLACEHOLDER_KEY.search(pattern_text)

    ENTITY = "API_KEY"
    PATTERNS = [
        Pattern("openai_style", r"\bsk-[A-Za-z0-9_\-]{20,}", 0.95),
        Pattern("aws_access_key", r"\bAKIA[0-9A-Z]{16}\b", 0.95),
        Pattern("github_token", r"\bgh[pousr]_[A-Za-z0-9]{30,}\b", 0.95),
        Pattern("google_api_key", r"\bAIza[0-9A-Za-z_\-]{30,}\b", 0.95),
        Pattern("slack_token", r"\bxox[abpr]-[A-Za-z0-9\-]{10,}", 0.95),
        Pattern("telegram_bot_token", r"\b\d{8,10}:[A-Za-z0-9_\-]{30,}", 0.95),
        Pattern("jwt", r"\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}", 0.9),
        Pattern("private_key", r"-----BEGIN [A-Z ]*PRIVATE KEY-----", 0.95),
        Pattern("connection_string", r"(?i)\b[a-z][a-z0-9+.-]{1,15}://[^\s:/@]{1,64}:[^\s@]{2,64}@[^\s]+", 0.9),
        Pattern(
            "named_secret",
            r"(?i)(?:api[\s_-]*key|token|secret|client[\s_-]*secret|khóa\s*api|khoa\s*api|access[\s_-]*key|bearer)\s*(?:là|la|:|=)?\s*[\"'“]?[A-Za-z0-9_\-+/=.:]{16,}",
            0.85,
        ),
    ]
