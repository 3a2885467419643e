"""Chat: questions in, grounded and cited answers out (JSON or Server-Sent Events)."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from dataclasses import asdict
from functools import partial

from fastapi import APIRouter, Response
from fastapi.responses import StreamingResponse

from api import messages_vi
from api.access import SignedIn
from api.accounts.sessions import Principal
from api.deps import AnswerGateDep, CoachDep, GuardrailDep, MetricsDep, StoreDep
from api.errors import ApiError
from api.schemas import (
    CONVERSATION_ID,
    ChatRequest,
    ChatResponse,
    CitationOut,
    ConversationOut,
    FeedbackOut,
    FeedbackRequest,
    MessageOut,
)
from coach import Answer, Citation, ConversationFull, ConversationNotFound, ConversationStore, Message

router = APIRouter(prefix="/v1", tags=["chat"])


def _citation_out(citation: Citation) -> CitationOut:
    return CitationOut(**{k: v for k, v in asdict(citation).items() if k in CitationOut.model_fields}, status=citation.status_vi)


def _ask(
    request: ChatRequest, user: Principal, coach: CoachDep, store: StoreDep, metrics: MetricsDep
) -> tuple[ChatResponse, Answer]:
    # A new conversation is written only with its first exchange, in one transaction: a failure while answering (the
    # index down) or while writing (the database down) leaves no empty conversation behind.
    conversation_id = _open(store, request.conversation_id, user) if request.conversation_id else None
    started = time.perf_counter()
    context = {"source": "chat", **({"unit": user.unit_code} if user.unit_code else {})}
    answer = coach.answer(request.question, store.history(conversation_id) if conversation_id else [], context)
    outcome = "blocked" if answer.blocked else "not_covered" if answer.not_covered else "answered"
    metrics.observe(outcome, answer.categories, time.perf_counter() - started)
    if conversation_id:
        question_id, answer_id = store.record(conversation_id, request.question, answer)
    else:
        conversation_id, question_id, answer_id = store.start(request.question, answer, user.unit_code, user.id)
    response = ChatResponse(
        conversation_id=conversation_id,
        question_message_id=question_id,
        message_id=answer_id,
        answer=answer.text,
        citations=[_citation_out(c) for c in answer.citations],
        blocked=answer.blocked,
        not_covered=answer.not_covered,
        categories=answer.categories,
        redacted_question=answer.redacted_question,
        answerer=answer.answerer,
    )
    return response, answer


def _open(store: ConversationStore, conversation_id: str | None, user: Principal) -> str:
    try:
        return store.open(conversation_id, user.unit_code, user.id)
    except ConversationFull:
        raise ApiError(409, "conversation_full", messages_vi.CONVERSATION_FULL) from None
    except ConversationNotFound:
        raise ApiError(404, "conversation_not_found", messages_vi.CONVERSATION_NOT_FOUND) from None


@router.post("/chat", response_model=ChatResponse, summary="Hỏi trợ lý (trả lời JSON)")
async def chat(
    request: ChatRequest, user: SignedIn, coach: CoachDep, store: StoreDep, metrics: MetricsDep, gate: AnswerGateDep
) -> ChatResponse:
    """Answer a question with numbered citations; blocked questions return the guardrail's message."""
    response, _ = await gate.run(partial(_ask, request, user, coach, store, metrics))
    return response


def _sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _tokens(text: str) -> Iterator[str]:
    # Word-sized pieces keep the widget's rendering smooth without one event per character.
    yield from re.findall(r"\S+\s*|\s+", text)


@router.post(
    "/chat/stream",
    summary="Hỏi trợ lý (Server-Sent Events)",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "events: meta, blocked?, token…, citations, done"}},
)
async def chat_stream(
    request: ChatRequest, user: SignedIn, coach: CoachDep, store: StoreDep, metrics: MetricsDep, gate: AnswerGateDep
) -> StreamingResponse:
    """Stream the answer: a ``meta`` event, ``token`` events, then ``citations`` and ``done``."""
    response, answer = await gate.run(partial(_ask, request, user, coach, store, metrics))

    def events() -> Iterator[str]:
        yield _sse("meta", {"conversation_id": response.conversation_id, "message_id": response.message_id})
        if answer.blocked:
            yield _sse(
                "blocked",
                {"message": answer.text, "redacted_question": answer.redacted_question, "categories": answer.categories},
            )
        for token in _tokens(response.answer):
            yield _sse("token", {"text": token})
        yield _sse("citations", [c.model_dump() for c in response.citations])
        yield _sse("done", {"blocked": answer.blocked, "not_covered": answer.not_covered, "answerer": answer.answerer})

    return StreamingResponse(events(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})


def _message_out(message: Message) -> MessageOut:
    citations = [
        CitationOut(
            **{k: v for k, v in c.items() if k in CitationOut.model_fields},
            status=messages_vi.IN_FORCE if c.get("in_force") else messages_vi.SUPERSEDED,
        )
        for c in json.loads(message.citations)
    ]
    return MessageOut(
        id=message.id, role=message.role, text=message.text, blocked=message.blocked, not_covered=message.not_covered,
        categories=json.loads(message.categories), citations=citations, created_at=message.created_at,
    )  # fmt: skip


@router.get("/conversations/{conversation_id}", response_model=ConversationOut, summary="Xem lại cuộc hội thoại")
def conversation(conversation_id: str, user: SignedIn, store: StoreDep) -> ConversationOut:
    """All messages of one of the caller's conversations, oldest first (blocked questions only redacted)."""
    if not re.fullmatch(CONVERSATION_ID[1:-1], conversation_id):
        raise ApiError(422, "bad_conversation_id", messages_vi.BAD_CONVERSATION_ID)
    if not store.exists(conversation_id, user.id):  # someone else's conversation does not exist for the caller
        raise ApiError(404, "conversation_not_found", messages_vi.CONVERSATION_NOT_FOUND)
    return ConversationOut(id=conversation_id, messages=[_message_out(m) for m in store.messages(conversation_id)])


@router.post("/messages/{message_id}/feedback", response_model=FeedbackOut, status_code=201, summary="Đánh giá câu trả lời")
def feedback(
    message_id: str,
    body: FeedbackRequest,
    user: SignedIn,
    store: StoreDep,
    guardrail: GuardrailDep,
    metrics: MetricsDep,
    response: Response,
) -> FeedbackOut:
    """Record helpful / not helpful on one of the caller's answers, with an optional comment (personal data masked)."""
    message = store.message(message_id) if re.fullmatch(CONVERSATION_ID[1:-1], message_id) else None
    if message is None or store.owner_of_message(message_id) != user.id:
        raise ApiError(404, "message_not_found", messages_vi.MESSAGE_NOT_FOUND)
    if message.role != "assistant":
        raise ApiError(422, "not_an_answer", messages_vi.FEEDBACK_ONLY_ANSWERS)
    comment = body.comment.strip() if body.comment and body.comment.strip() else None
    if comment is not None:
        verdict = guardrail.check(comment, {"source": "feedback"})
        comment = verdict.redacted_text if verdict.blocked else comment
    feedback_id = store.add_feedback(message_id, body.helpful, comment)
    metrics.feedback.labels(helpful=str(body.helpful).lower()).inc()
    return FeedbackOut(id=feedback_id, message_id=message_id, helpful=body.helpful, comment_stored=comment)
