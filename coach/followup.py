"""Rewrites follow-up questions with the conversation: "còn lệ phí thì sao?" after a question on
khai sinh becomes "đăng ký khai sinh … còn lệ phí thì sao?"."""

from __future__ import annotations

import re

from coach.extractive_answerer import STOP_TERMS
from knowledge_base.text_normalize import fold_diacritics, lexical_terms

_FOLLOW_UP = re.compile(
    r"^(con|the con|vay|vay con|the|va|neu|nhung|thu tuc nay|viec nay|cai nay|no|trong truong hop do)\b|"
    r"(thi sao|the nao|nua khong|nua|do thi|thu tuc do|viec do|nhu vay)\??$"
)
# Words that name what is asked (time, fee…) rather than the subject.
_ASPECT_TERMS = set(
    lexical_terms(
        "lệ phí phí tiền thời hạn mất ngày giấy tờ hồ sơ nộp online trực tuyến đâu ai bao lâu nhiêu mấy "
        "điều kiện đối tượng trình tự các bước cách làm ủy quyền"
    )
)


def subject_terms(question: str) -> list[str]:
    """The words of ``question`` that name its subject (not question words, not what is asked: fee, time…)."""
    return [t for t in lexical_terms(question) if "_" not in t and not t.startswith("=") and t not in STOP_TERMS | _ASPECT_TERMS]


def needs_context(question: str) -> bool:
    """A short question with no subject of its own, or one that starts like a follow-up."""
    folded = fold_diacritics(question.lower()).strip()
    subject = subject_terms(question)
    return bool(_FOLLOW_UP.search(folded)) and len(subject) <= 2 or len(subject) == 0


def rewrite(question: str, history: list[str]) -> str:
    """The question to search with: the previous question's subject prepended when needed."""
    previous = next((h for h in reversed(history) if h.strip()), None)
    if previous is None or not needs_context(question):
        return question
    return f"{previous.strip().rstrip('?')} — {question.strip()}"
