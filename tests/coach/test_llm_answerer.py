"""The LLM path end to end: LangChain's OpenAI client against a real server process on loopback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach import Coach, CoveragePolicy
from coach.llm_answerer import LlmGenerator, UngroundedAnswer, check_grounding, local_gguf_model, openai_compatible_model
from guardrails import Guardrail
from knowledge_base import KnowledgeIndex, SearchHit
from tests.support import free_port

SERVER = Path(__file__).resolve().parents[1] / "openai_compatible_server.py"


@pytest.fixture(scope="module")
def llm_url() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, str(SERVER), str(port)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    yield f"http://127.0.0.1:{port}/v1"
    process.terminate()
    process.wait(timeout=10)


def _coach(index: KnowledgeIndex, url: str, model: str, timeout: float = 10.0) -> Coach:
    generator = LlmGenerator(openai_compatible_model(url, model, "test-key", timeout))
    return Coach(index, Guardrail(), generator=generator, coverage=CoveragePolicy(min_similarity=0.84))


@pytest.mark.parametrize("index", ["embedded"], indirect=True)
def test_grounded_llm_answer_is_used_and_cited(fixture_index: KnowledgeIndex, llm_url: str) -> None:
    answer = _coach(fixture_index, llm_url, "grounded").answer("lệ phí đăng ký khai sinh bao nhiêu")
    assert answer.answerer == "llm" and answer.notice is None
    assert "[1]" in answer.text and answer.citations[0].doc_id == "mau-khai-sinh"
    assert answer.text.endswith("(Công văn 557/BKHCN-CĐSQG).")


@pytest.mark.parametrize("index", ["embedded"], indirect=True)
@pytest.mark.parametrize("model", ["ungrounded", "error", "slow", "empty", "cut"])
def test_bad_llm_answers_fall_back_to_the_extract(fixture_index: KnowledgeIndex, llm_url: str, model: str) -> None:
    answer = _coach(fixture_index, llm_url, model, timeout=1.0).answer("lệ phí đăng ký khai sinh bao nhiêu")
    # A cut stream leaves a fragment without its citation: never shown, as an ungrounded answer is not.
    expected = "không khớp với tài liệu" if model in ("ungrounded", "cut") else "tạm thời không phản hồi"
    assert answer.answerer == "extractive" and answer.notice and expected in answer.text
    assert "999.000" not in answer.text and "miễn lệ phí" in answer.text and answer.citations


def _hit(text: str) -> SearchHit:
    return SearchHit("d#1", "Tiêu đề › Lệ phí\n" + text, {"doc_id": "d", "title": "Tiêu đề", "section": "Lệ phí"}, 1.0, 0.9, 1.0)


def test_grounding_checks_numbers_and_citations() -> None:
    hits = [_hit("Lệ phí là 8.000 đồng mỗi bản, giải quyết trong 03 ngày.")]
    assert check_grounding("Lệ phí 8.000 đồng [1]. Giải quyết trong 03 ngày [1].", hits) == [1]
    with pytest.raises(UngroundedAnswer, match="not in the cited"):
        check_grounding("Lệ phí 9.000 đồng [1].", hits)
    with pytest.raises(UngroundedAnswer, match="not given"):
        check_grounding("Lệ phí 8.000 đồng [2].", hits)
    with pytest.raises(UngroundedAnswer, match="without a citation"):
        check_grounding("Lệ phí 8.000 đồng.", hits)
    with pytest.raises(UngroundedAnswer, match="no citation"):
        check_grounding("Tài liệu chưa có thông tin.", hits)


@pytest.mark.parametrize("index", ["embedded"], indirect=True)
@pytest.mark.parametrize("content", [None, b"GGUF" + bytes(range(256)) * 8], ids=["missing", "corrupt"])
def test_an_unusable_gguf_file_falls_back_without_stopping_the_service(
    fixture_index: KnowledgeIndex, tmp_path: Path, content: bytes | None
) -> None:
    path = tmp_path / "model.gguf"
    if content is not None:
        path.write_bytes(content)
    model = local_gguf_model(str(path))  # built at start-up: nothing is loaded yet, so nothing fails yet
    coach = Coach(fixture_index, Guardrail(), generator=LlmGenerator(model), coverage=CoveragePolicy(min_similarity=0.84))
    for _ in range(2):  # the second question does not try to load the file again
        answer = coach.answer("lệ phí đăng ký khai sinh bao nhiêu")
        assert answer.answerer == "extractive" and "tạm thời không phản hồi" in answer.text and answer.citations
    assert model._error is not None


@pytest.mark.parametrize("index", ["embedded"], indirect=True)
def test_the_guardrail_checks_what_the_model_writes(fixture_index: KnowledgeIndex, llm_url: str) -> None:
    answer = _coach(fixture_index, llm_url, "person").answer("lệ phí đăng ký khai sinh bao nhiêu")
    assert answer.answerer == "llm"  # grounded: it cites a given passage and states no number
    assert "Nguyễn Văn Bình" not in answer.text and "<HỌ_TÊN>" in answer.text  # a person the passages do not name
