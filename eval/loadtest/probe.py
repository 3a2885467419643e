"""One more learner in a process of its own (``python -m eval.loadtest.probe URL SMS_URL INDEX SECONDS WARM_UP``): a statement
every second and the time the server takes to acknowledge it, and every tenth second a question to the coach
instead. A load generator on the same machine saturates before the server does, so the server is judged by this
probe, not by the generator's own latencies."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import sys
import time
import uuid

import httpx

from eval.loadtest.seed import learner_phone
from eval.metrics import percentile


def main(url: str, sms_url: str, index: int, seconds: float, warm_up: float = 0.0) -> dict:
    """Runs ``seconds``; requests sent in the first ``warm_up`` seconds (ramp-up and settling) are not counted."""
    phone = learner_phone(index)
    with httpx.Client(base_url=url, timeout=30) as client:
        assert client.post("/v1/auth/code", json={"phone": phone}).status_code == 202
        code = httpx.get(f"{sms_url}/code", params={"phone": phone}).json()["code"]
        token = client.post("/v1/auth/verify", json={"phone": phone, "code": code, "client": "app"}).json()["access_token"]
        client.headers["Authorization"] = f"Bearer {token}"
        acknowledged, measured = 0, []  # measured: (kind, milliseconds, ok) after the warm-up
        questions = itertools.cycle(_questions())
        begins = time.monotonic()
        ends = begins + seconds
        for second in itertools.count(1):
            started = time.monotonic()
            if started >= ends:
                break
            kind = "chat" if second % 10 == 0 else "statement"
            try:
                if kind == "chat":
                    ok = client.post("/v1/chat", json={"question": next(questions)}).status_code == 200
                else:
                    body = {"id": str(uuid.uuid4()), "verb": "progressed", "object": {"type": "lesson", "id": "cd01-l1"},
                            "result": {"score": 0.5}, "timestamp": dt.datetime.now(dt.UTC).isoformat()}  # fmt: skip
                    ok = client.post("/v1/me/events", json=body).status_code == 202
                    acknowledged += ok  # every acknowledged statement counts for the lost-statement check
            except httpx.HTTPError:
                ok = False
            if started - begins >= warm_up:  # the moment Locust's statistics start
                measured.append((kind, (time.monotonic() - started) * 1000, ok))
            time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))  # the probe's pace: one request a second
    statements = [ms for kind, ms, _ in measured if kind == "statement"]
    chats = [ms for kind, ms, _ in measured if kind == "chat"]
    return {"statements": len(statements), "errors": sum(not ok for *_, ok in measured), "acknowledged": acknowledged,
            **_summary(statements), "chat": {"questions": len(chats), **_summary(chats)}}  # fmt: skip


def _summary(latencies: list[float]) -> dict[str, float | None]:
    if not latencies:
        return {"p50_ms": None, "p95_ms": None, "p99_ms": None}
    return {f"p{q}_ms": round(percentile(latencies, q), 1) for q in (50, 95, 99)}


def _questions() -> list[str]:
    path = os.environ.get("LOADTEST_QUESTIONS", "")
    if not path:
        return ["Lệ phí đăng ký khai sinh là bao nhiêu?"]
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line)["question"] for line in handle if line.strip()]


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]))))
