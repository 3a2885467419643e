"""Rewrites follow-up questions with the conversation: "còn lệ phí thì sao?" after a question on
khai sinh becomes "đăng ký khai sinh … còn lệ phí thì sao?"."""

from __future__ import annotations

import re

from coach.extractive_answerer import STOP_TERMS
from coach.intents import detect_intents
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


# Words that point back at the subject rather than name one ("thủ tục này", "trường hợp đó").
_POINTER_TERMS = set(lexical_terms("thủ tục này đó nếu việc cái trường hợp vậy thế"))
_ACCENTED_SKIP = {
    t
    for t in lexical_terms(
        "thì sao là gì bao nhiêu bao lâu thế nào như có được không cho hỏi tôi em mình ạ nhé vậy còn cần những phải "
        "làm ở đâu ai khi nào của và với các một thủ tục này đó nếu việc cái trường hợp lệ phí tiền thời hạn mất ngày "
        "giấy tờ hồ sơ nộp trực tuyến mấy điều kiện đối tượng trình tự bước cách ủy quyền"
    )
    if t.startswith("=")
}
# "Còn X thì sao?", "thế còn X?": the same question about another subject.
_SWITCH = re.compile(r"^(the con|vay con|con)\b")


def subject_terms(question: str) -> list[str]:
    """The words of ``question`` that name its subject (not question words, not what is asked: fee, time…)."""
    skip = STOP_TERMS | _ASPECT_TERMS | _POINTER_TERMS
    return [t for t in lexical_terms(question) if "_" not in t and not t.startswith("=") and t not in skip]


def follow_up_asks(question: str, query: str) -> str | None:
    """The words that say what a follow-up asks for, when ``query`` put the earlier question before it and the
    follow-up asks something of its own ("còn lệ phí thì sao?", "trường hợp quá hạn thì sao?"); else None."""
    if query == question or not query.endswith(f"— {question.strip()}"):
        return None
    return question if detect_intents(question) or subject_terms(question) else None


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
    earlier = set(lexical_terms(previous))
    # Accented words tell "khai tử" from "trình tự" where their folded forms ("tu") do not.
    accented = [t for t in lexical_terms(question) if t.startswith("=") and t not in _ACCENTED_SKIP]
    new_subject = [t for t in subject_terms(question) + accented if t not in earlier]
    if new_subject and _SWITCH.match(fold_diacritics(question.lower()).strip()):
        if detect_intents(question):  # "còn kết hôn thì cần gì?": complete on its own
            return question
        # "thế còn khai tử?" after "khai sinh mất bao lâu": the new subject with the earlier question's aspect.
        earlier_subject = set(subject_terms(previous))
        aspect = [w for w in previous.strip().rstrip("?").split() if not set(lexical_terms(w)) & earlier_subject]
        return f"{question.strip().rstrip('?')} — {' '.join(aspect)}" if aspect else question
    return f"{previous.strip().rstrip('?')} — {question.strip()}"
