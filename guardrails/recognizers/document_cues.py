"""Cues that tell a pasted or marked document from a question about the rules."""

from __future__ import annotations

import re
from functools import lru_cache

from guardrails.recognizers.base import folded

# Asking the assistant to work on a text: what follows or precedes is content, not a question.
_WORK_REQUEST = re.compile(
    r"(?<![a-z])(tom tat|tom luoc|viet lai|soan|lap bang|lap danh sach|doc giup|phan tich|dich|chinh sua|sua giup|"
    r"trich|rut gon|lam giup|giup (em|toi|minh|anh|chi)|nhan xet|danh gia giup|summari[sz]e|rewrite|translate|"
    r"dua vao|theo noi dung|noi dung sau|van ban sau|tai lieu sau|doan sau|duoi day|kem theo|dinh kem|dan vao|gui kem|"
    r"chinh loi|chinh giup|nho (chinh|sua|soan|viet|tom tat|xem|kiem tra)|xem giup|kiem tra giup|tong hop|"
    # the same requests in English
    r"draft|proofread|polish|reformat|paraphrase|help me|based on|the following|see below|attached|"
    r"(pls|please|can you|could you) (write|edit|check|review|fix|make|turn|put|convert|shorten|improve))(?![a-z])"
)
_QUESTION = re.compile(
    r"(\?|(?<![a-z])(la gi|bao lau|bao nhieu|gom nhung|nhung muc|muc nao|the nao|nhu the nao|co duoc|duoc khong|"
    r"co phai|quy dinh|ai co tham quyen|khi nao|o dau|lam sao|vi sao|tai sao|khac nhau|phan biet|what is|how|"
    r"what (does|do|are|should)|can (we|i)|may (we|i)|is it|are we|should (we|i)|who (can|may|should)|which)(?![a-z]))"
)
_DOCUMENT_SHAPE = re.compile(r"(?m)^\s*(so:|kinh gui|v/v|noi nhan|\d+\.\s|[-•]\s)|/(kh|bc|tb|qd|ubnd|cv)-", re.IGNORECASE)


# Talking about the secrecy rules themselves: laws, regulations, drafts of internal rules, quizzes.
_ABOUT_RULES = re.compile(
    r"(?<![a-z])(luat|nghi dinh|thong tu|quy dinh|noi quy|dieu \d+|trac nghiem|on tap|"
    r"mau dau|khong dua vao|khong duoc dua|co duoc dua|co duoc|thoi han bao ve|khac .{0,30} nhu the nao|"
    r"cong tac bao ve bi mat|bao ve bi mat nha nuoc|quy che|tap huan|boi duong|tuyen truyen|bai giang|"
    r"bi mat nha nuoc la|duoc phan (thanh|loai)|nghiem cam|"
    # What must or must not be stamped: a rule about the marking, not a marked document.
    r"(phai|can|duoc|khong tu y|khong duoc|se) dong dau|"
    # The levels listed together ("dấu Mật, Tối mật, Tuyệt mật") name the categories, not a document.
    r"(mat|toi mat|tuyet mat)\s*[,;/]\s*(toi mat|tuyet mat|mat)\b)(?![a-z])"
)
# Content to work on: after a colon or in quotes, or on further lines.
_PAYLOAD = re.compile(r"(:\s*\S.{30,}|[\"“«].{25,}[\"”»]|\n\s*\S.{15,})", re.DOTALL)


_QUOTES = {"'", '"', "“", "”", "‘", "’", "«", "»"}


def _quoted_in_question(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] in _QUOTES and text[end : end + 1] in _QUOTES and is_question(text)


@lru_cache(maxsize=16)
def mostly_upper(text: str) -> bool:
    """Whether the message is typed in capitals (four letters in five, at least twelve letters)."""
    upper = sum(map(str.isupper, text))
    if upper < 10:
        return False
    letters = sum(map(str.isalpha, text))
    return letters >= 12 and upper >= 0.8 * letters


def about_rules(text: str) -> bool:
    return bool(_ABOUT_RULES.search(folded(text)))


def has_payload(text: str) -> bool:
    """Content to work on follows. A single short question after a colon ("Nhờ trợ lý: xã có
    phải lập danh mục … không?") is still just a question."""
    if "\n" not in text.strip() and len(text) < 240 and "?" in text:
        return False
    return bool(_PAYLOAD.search(text))


# A marking named as what a document carries: "tài liệu có dấu TỐI MẬT", "files marked CONFIDENTIAL".
_NAMING_VERB = re.compile(r"(?<![a-z])(marked|labell?ed|stamped|tagged|marking|(co|dong|danh|mang) dau|ghi|do mat la)\s*[\"'“]?$")


def _named_in_question(text: str, start: int, end: int) -> bool:
    return bool(_NAMING_VERB.search(folded(text)[max(0, start - 24) : start])) and is_question(text) and not has_payload(text)


def marking_score(text: str, start: int, end: int) -> float:
    """How likely a secrecy or internal marking at ``[start, end)`` marks content being sent."""
    if _quoted_in_question(text, start, end) or _named_in_question(text, start, end):
        return 0.3  # "which documents marked 'LƯU HÀNH NỘI BỘ' can we share?": named, not stamped
    if standalone_marking(text, start, end):
        return 0.9
    if has_payload(text) and not about_rules(text):
        return 0.9 if asks_for_work(text) or looks_like_document(text) else 0.7
    if is_question(text) or about_rules(text):
        return 0.3
    return 0.55 if asks_for_work(text) else 0.45


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
    if _quoted_in_question(text, start, end) or _named_in_question(text, start, end):
        return False
    after = text[end : end + 2]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)].strip()
    # "TuYệT MậT" is an evasion. "TỐI MẬT" is a stamp where a stamp goes (heading a line, or at the
    # top of the message), not when a rule names the level inside its sentence ("sao, chụp tài
    # liệu TỐI MẬT phải được…").
    odd_case = any(not (w.islower() or w.istitle() or w.isupper()) for w in word.split())
    heads_line = len(text[line_start:start].split()) <= 2 or start < 40
    # In a message typed all in capitals, capitals mark nothing.
    stamp = word.isupper() and (heads_line or not (about_rules(text) or mostly_upper(text)))
    return odd_case or stamp or _bracketed(text, start, end) or after.lstrip().startswith(":") or len(line) <= len(word) + 12


def _bracketed(text: str, start: int, end: int) -> bool:
    """Inside parentheses or brackets that close soon after: "(tài liệu nội bộ – không phổ biến)"."""
    opening = max(text.rfind("(", 0, start), text.rfind("[", 0, start))
    if opening == -1 or start - opening > 40 or max(text.rfind(")", 0, start), text.rfind("]", 0, start)) > opening:
        return False
    closing = [i for i in (text.find(")", end), text.find("]", end)) if i != -1]
    return bool(closing) and min(closing) - end <= 40
