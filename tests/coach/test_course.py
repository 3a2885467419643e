"""The course file: 19 topics, 5 compulsory, every lesson and quiz item tied to a real courseware section."""

from __future__ import annotations

import pytest

from api.config import BUILTIN_CORPUS
from coach.course import COURSE_FILE, Course
from knowledge_base import load_corpus

COURSE = Course.load()
DOCS = {d.id: d for d in load_corpus(BUILTIN_CORPUS).documents}


def test_nineteen_topics_five_compulsory_ten_required() -> None:
    assert [t.id for t in COURSE.topics] == [f"cd{n:02d}" for n in range(1, 20)]
    assert [t.id for t in COURSE.compulsory] == ["cd01", "cd02", "cd03", "cd04", "cd05"]
    assert COURSE.course.topics_required == 10 and COURSE.course.rules_doc in DOCS


@pytest.mark.parametrize("topic", COURSE.topics, ids=lambda t: t.id)
def test_topic_is_grounded_in_its_courseware(topic) -> None:
    document = DOCS[topic.doc_id]
    assert document.meta.kind == "courseware" and document.meta.course_topic == topic.number
    assert bool(document.meta.compulsory) == topic.compulsory
    headings = {section.path[-1] for section in document.sections}
    assert all(lesson.section in headings for lesson in topic.lessons)
    assert len(topic.quiz) >= 3 and all(item.section in headings for item in topic.quiz)
    assert all(item.options[item.answer] and item.explanation for item in topic.quiz)


def test_bad_course_files_are_refused(tmp_path) -> None:
    import yaml

    data = yaml.safe_load(COURSE_FILE.read_text(encoding="utf-8"))
    data["topics"][1]["quiz"][0]["answer"] = 9
    bad = tmp_path / "course.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="answer index out of range"):
        Course.load(bad)
    data["topics"][1]["quiz"][0]["answer"] = 0
    data["topics"][2]["id"] = "cd01"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate ids"):
        Course.load(bad)
