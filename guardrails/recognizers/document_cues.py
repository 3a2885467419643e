"""Cues that tell a pasted or marked document from a question about the rules."""

from __future__ import annotations

import re

from guardrails.recognizers.base import folded

# Asking the assistant to work on a text: what follows or precedes is content, not a question.
_WORK_REQUEST = re.compile(
    r"(?<![a-z])(tom tat|tom luoc|viet lai|soan|lap bang|lap danh sach|doc giup|phan tich|dich|chinh sua|sua giup|"
    r"trich|rut gon|lam giup|giup (em|toi|minh|anh|chi)|nhan xet|danh gia giup|summari[sz]e|rewrite|translate|"
    r"dua vao|theo noi dung|noi dung sau|van ban sau|tai lieu sau|doan sau|duoi day|kem theo|dinh kem)(?![a-z])"
)
_QUESTION = re.compile(
    r"(\?|(?<![a-z])(la gi|bao lau|bao nhieu|gom nhung|nhung muc|muc nao|the nao|nhu the nao|co duoc|duoc khong|"
    r"co phai|quy dinh|ai co tham quyen|khi nao|o dau|lam sao|vi sao|tai sao|khac nhau|phan biet|what is|how)(?![a-z]))"
)
_DOCUMENT_SHAPE = re.compile(r"(?m)^\s*(so:|kinh gui|v/v|noi nhan|\d+\.\s|[-•]\s)|/(kh|bc|tb|qd|ubnd|cv)-", re.IGNORECASE)


def asks_for_work(text: str) -> bool:
    return bool(_WORK_REQUEST.search(folded(text)))


def is_question(text: str) -> bool:
    return bool(_QUESTION.search(folded(text)))


def looks_like_document(text: str) -> bool:
    """Several lines, or the layout of an administrative document."""
    return text.count("\n") >= 2 or bool(_DOCUMENT_SHAPE.search(folded(text)))


def standalone_marking(text: str, start: int, end: int) -> bool:
    """A marking written as a stamp: upper or mixed case, bracketed, followed by a colon, or alone on its line."""
    word = text[start:end]
    # "TỐI MẬT" is a stamp; "TuYệT MậT" an evasion; "Tối mật" in a sentence is neither.
    odd_case = word.isupper() or any(not (w.islower() or w.istitle() or w.isupper()) for w in word.split())
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)].strip()
    bracketed = any(b in before for b in "([«\"'") and any(a in after for a in ")]»\"'")
    return odd_case or bracketed or after.lstrip().startswith(":") or len(line) <= len(word) + 12
