"""Request and response bodies of the chat API."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from knowledge_base import MAX_QUERY_CHARS

CONVERSATION_ID = r"^[0-9a-f]{32}$"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _no_control_characters(value: str) -> str:
    # NUL and other control characters have no place in names or reasons (PostgreSQL refuses NUL outright).
    if _CONTROL.search(value):
        raise ValueError("control characters are not allowed")
    return value


PlainText = Annotated[str, AfterValidator(_no_control_characters)]


class ChatRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"example": {"question": "Làm giấy khai sinh cho con cần giấy tờ gì?"}}
    )

    question: str = Field(min_length=1, max_length=MAX_QUERY_CHARS, description="Câu hỏi (tối đa 2.000 ký tự).")
    conversation_id: str | None = Field(default=None, pattern=CONVERSATION_ID, description="Tiếp tục cuộc hội thoại này.")


class CitationOut(BaseModel):
    number: int
    doc_id: str
    title: str
    section: str
    legal_basis: list[str]
    legal_names: list[str] = Field(
        default_factory=list, description="The legal basis by name, in the same order: “Luật Hộ tịch (60/2014/QH13)”."
    )
    in_force: bool
    status: str = Field(description="còn hiệu lực | đã hết hiệu lực")
    passage: str


class ChatResponse(BaseModel):
    conversation_id: str
    question_message_id: str
    message_id: str = Field(description="Id of the answer: send feedback to it.")
    answer: str
    citations: list[CitationOut]
    blocked: bool
    not_covered: bool
    categories: list[str] = Field(description="Guardrail categories when the question was blocked.")
    redacted_question: str | None = Field(description="The question with personal data masked, to send instead.")
    answerer: str


class MessageOut(BaseModel):
    id: str
    role: Literal["user", "assistant"]
    text: str
    blocked: bool
    not_covered: bool
    categories: list[str]
    citations: list[CitationOut]
    created_at: dt.datetime


class ConversationOut(BaseModel):
    id: str
    messages: list[MessageOut]


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    helpful: bool
    comment: str | None = Field(default=None, max_length=1000)


class FeedbackOut(BaseModel):
    id: int
    message_id: str
    helpful: bool
    comment_stored: str | None = Field(description="The comment as stored (personal data masked).")
