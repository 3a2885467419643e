"""The demo lesson page: the lesson, its quiz, and the coach's hints beside it.

The page is the same for everyone; who is learning comes from the session (``GET /v1/auth/me`` in the page),
never from the URL, so nobody can record progress or read hints for someone else by editing a link.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from api import messages_vi
from api.access import PUBLIC
from api.deps import IndexDep, LearningDep
from api.errors import ApiError
from api.routes.pages import STATIC

router = APIRouter(include_in_schema=False, dependencies=[Depends(PUBLIC)])


@router.get("/lesson/{topic_id}")
def lesson_page(topic_id: str, learning: LearningDep, index: IndexDep) -> HTMLResponse:
    topic = learning.course.topic_of.get(topic_id)
    if topic is None or topic.id != topic_id:
        raise ApiError(404, "topic_not_found", messages_vi.TOPIC_NOT_FOUND)
    sections = {}
    for _, text, metadata in index.chunks_of(topic.doc_id):
        sections.setdefault(metadata.get("section"), text.split("\n", 1)[-1])
    data = {
        "topic": {
            "id": topic.id, "number": topic.number, "title": topic.heading,
            "lessons": [{"id": s.id, "title": s.title, "text": sections.get(s.section, s.key_point)} for s in topic.lessons],
            "quiz": [{"id": q.id, "question": q.question, "options": q.options, "answer": q.answer} for q in topic.quiz],
        },
    }  # fmt: skip
    # "</" inside the JSON would end the script element early.
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    html = (STATIC / "lesson.html").read_text(encoding="utf-8").replace("__LESSON_DATA__", payload)
    return HTMLResponse(html)
