"""One more learner in a process of its own (``python -m eval.loadtest.probe URL SMS_URL INDEX SECONDS``): a statement
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


def main(url: str, sms_url: str, index: int, seconds: float) -> dict:
    phone = learner_phone(index)
    with httpx.Client(base_url=url, timeout=30) as client:
        assert client.post("/v1/auth/code", json={"phone": phone}).status_code == 202
        code = httpx.get(f"{sms_url}/code", params={"phone": phone}).json()["code"]
        token = client.post("/v1/auth/verify", json={"phone": phone, "code": code, "client": "app"}).json()["access_token"]
        client.headers["Authorization"] = f"Bearer {token}"
        latencies, chats, errors, acknowledged = [], [], 0, 0
        questions = itertools.cycle(_questions())
        ends = time.monotonic() + seconds
        for second in itertools.count(1):
            if time.monotonic() >= ends:
                break
            started = time.monotonic()
            if second % 10 == 0:
                try:
                    status = client.post("/v1/chat", json={"question": next(questions)}).status_code
                except httpx.HTTPError:
                    status = 0
                chats.append((time.monotonic() - started) * 1000)
                errors += status != 200
            else:
                body = {"id": str(uuid.uuid4()), "verb": "progressed", "object": {"type": "lesson", "id": "cd01-l1"},
                        "result": {"score": 0.5}, "timestamp": dt.datetime.now(dt.UTC).isoformat()}  # fmt: skip
                try:
                    status = client.post("/v1/me/events", json=body).status_code
                except httpx.HTTPError:
                    status = 0
                latencies.append((time.monotonic() - started) * 1000)
                acknowledged += status == 202
                errors += status != 202
            time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))  # the probe's pace: one request a second
    return {"statements": len(latencies), "errors": errors, "acknowledged": acknowledged, **_summary(latencies),
            "chat": {"questions": len(chats), **_summary(chats)}}  # fmt: skip


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
    print(json.dumps(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))))
