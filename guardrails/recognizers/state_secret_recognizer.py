"""State-secret markings (Tuyệt mật, Tối mật, Mật, "Độ mật:", stamps) and pasted secret content.

A question about the secrecy rules names the levels too ("tài liệu Tối mật được bảo vệ bao lâu?"):
it is allowed unless the level is written as a stamp or comes with content to work on. Words such
as mật khẩu, bảo mật, mật độ, mật ong, thân mật are not markings.
"""

from __future__ import annotations

import re

from guardrails.recognizers.base import folded
from guardrails.recognizers.document_cues import (
    about_rules,
    asks_for_work,
    has_payload,
    is_question,
    marking_score,
    standalone_marking,
)
from guardrails.recognizers.keyword_recognizer import KeywordRecognizer

# Words around a bare "mật" that make it something else: mật khẩu, bảo mật, mật độ, mật ong…
_NOT_MARKING_BEFORE = {"bảo", "bí", "thân", "cơ", "tuyệt", "tối", "độ", "giữ", "cẩn"}
_NOT_MARKING_AFTER = {"khẩu", "độ", "ong", "mã", "thiết", "báo", "thám", "vụ", "ngọt", "gấu"}


# "Độ mật: không", "Độ mật: ......" (a template's field left blank): the field says the document is not classified.
_NO_LEVEL = re.compile(r"\s*(khong|thuong|binh thuong|chua|[-–—/]|\(khong\)|none|\.{2,}|…|_{2,}|\[|<)(?![a-z])")


class StateSecretRecognizer(KeywordRecognizer):
    PHRASES = {
        "SECRET_MARKING": (
            r"tuyet\s*mat",
            r"toi\s*mat",
            r"do\s*mat\s*[:\-]\s*(mat|toi mat|tuyet mat)?",
            r"do\s*(mat|toi\s*mat|tuyet\s*mat)",
            r"dau\s*mat",
            r"(thuoc\s*)?danh\s*muc\s*bi\s*mat\s*nha\s*nuoc",
            r"thuoc\s*bi\s*mat\s*nha\s*nuoc",
            r"mat",
            # English stamps
            r"top\s*secret",
            r"classified",
            r"secret",
        ),
    }

    def score(self, text: str, entity: str, start: int, end: int) -> float:
        if end - start <= 3:  # a bare "mật": only the word itself, written as a stamp
            return 0.9 if self._stamp_mat(text, start, end) else 0.0
        if folded(text)[start:end] == "secret":  # "SECRET" as a stamp; "secret key", "AWS_SECRET_KEY=" are words
            in_identifier = text[start - 1 : start] == "_" or text[end : end + 1] in ("_", "=")
            return 0.9 if text[start:end].isupper() and not in_identifier and standalone_marking(text, start, end) else 0.0
        phrase = text[start:end]
        if folded(text)[start:end].startswith("do") and ":" in phrase and _NO_LEVEL.match(folded(text)[end : end + 12]):
            return 0.0  # "Độ mật: không", "Do mat: Thuong": the field says the document is not classified
        if folded(text)[start:end].startswith("do") and ":" not in phrase:
            # "công văn độ Mật", "độ Tối mật": a level named with a capital; "xác định độ mật" is not.
            level = phrase.split()[1:2]
            if not level or not level[0][:1].isupper():
                return 0.0
        score = marking_score(text, start, end)
        # "Độ mật: Tối mật", "công văn độ Mật": the classification field of a document, filled in.
        if (
            folded(text)[start:end].startswith("do")
            and not about_rules(text)
            and not (is_question(text) and not has_payload(text))
        ):
            score = max(score, 0.85)
        return score

    @staticmethod
    def _stamp_mat(text: str, start: int, end: int) -> bool:
        if text[start:end].lower() != "mật":
            return False
        before = text[:start].split()[-1:] or [""]
        after = text[end:].split("\n", 1)[0].split()[:1] or [""]  # "MẬT\nBáo cáo" is a stamp, "mật báo" a word
        if before[0].lower() in _NOT_MARKING_BEFORE or after[0].lower().strip(".,:;)") in _NOT_MARKING_AFTER:
            return False
        return not text[start:end].islower() and standalone_marking(text, start, end)


class OperationalSecretRecognizer(KeywordRecognizer):
    """Security operations pasted without a stamp: "chuyên án", "mật danh", "cộng tác viên bí mật"…
    Words of the trade that a public text rarely carries; they count when content is pasted to work
    on, not in a question about them."""

    PHRASES = {
        "SECRET_MARKING": (
            r"chuyen an",
            r"mat danh",
            r"cong tac vien bi mat",
            r"nguon tin bi mat",
            r"trinh sat (ngoai tuyen|bi mat)",
            r"kinh phi nghiep vu",
            r"phuong an (vay bat|bat giu|truy bat|phong toa)",
            r"luc luong mat phuc",
            r"bi mat (theo doi|xac minh|giam sat)",
            r"doi tuong (can|dang) (theo doi|giam sat)",
        ),
    }

    def score(self, text: str, entity: str, start: int, end: int) -> float:
        if about_rules(text) or (is_question(text) and not has_payload(text)):
            return 0.3
        return 0.75 if has_payload(text) or asks_for_work(text) else 0.45
