"""One more learner in a process of its own (``python -m eval.loadtest.probe URL SMS_URL INDEX SECONDS``): a statement
every second and the time the server takes to acknowledge it. A load generator on the same machine saturates
before the server does, so the server is judged by this probe, not by the generator's own latencies."""

from __future__ import annotations

import datetime as dt
import json
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
        latencies, errors, acknowledged = [], 0, 0
        ends = time.monotonic() + seconds
        while time.monotonic() < ends:
            body = {"id": str(uuid.uuid4()), "verb": "progressed", "object": {"type": "lesson", "id": "cd01-l1"},
                    "result": {"score": 0.5}, "timestamp": dt.datetime.now(dt.UTC).isoformat()}  # fmt: skip
            started = time.monotonic()
            try:
                status = client.post("/v1/me/events", json=body).status_code
            except httpx.HTTPError:
                status = 0
            latencies.append((time.monotonic() - started) * 1000)
            acknowledged += status == 202
            errors += status != 202
            time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))  # the probe's pace: one statement a second
    return {"statements": len(latencies), "errors": errors, "acknowledged": acknowledged,
            "p50_ms": round(percentile(latencies, 50), 1), "p95_ms": round(percentile(latencies, 95), 1),
            "p99_ms": round(percentile(latencies, 99), 1)}  # fmt: skip


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))))
