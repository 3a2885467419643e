"""Benchmark of accounts and the admin queue: login round trips, the per-request session check, and
the flag review queue with many flags, through HTTP on a live server (SQLite, or PostgreSQL when
``COACH_DATABASE_URL`` is set).

    python -m eval.auth_benchmark [--users 50] [--requests 1000] [--flags 10000]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import re
import tempfile
import time
from pathlib import Path

import httpx
from sqlmodel import Session

from api import Settings, create_app
from api.accounts.senders import ConsoleCodeSender
from eval.live_server import live_server
from eval.metrics import percentile
from guardrails.flags import GuardrailFlag


def _ms(values: list[float]) -> dict[str, float]:
    return {"p50": round(percentile(values, 50), 1), "p95": round(percentile(values, 95), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--flags", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        outbox = io.StringIO()  # the development sender writes the codes here
        app = create_app(
            Settings(data_dir=Path(folder), chroma_url=None, login_codes_per_ip=10_000), code_sender=ConsoleCodeSender(outbox)
        )
        stack = contextlib.ExitStack()
        url = stack.enter_context(live_server(app))
        accounts = app.state.accounts
        accounts.units.add("xa-bench", "Xã Benchmark")
        phones = [f"0977{n:06d}" for n in range(args.users)]
        for phone in phones:
            accounts.users.create(phone, "Benchmark", "admin", None)
        login_ms, token = [], ""
        with httpx.Client(base_url=url, timeout=30) as client:
            for phone in phones:
                begin = time.perf_counter()
                client.post("/v1/auth/code", json={"phone": phone}).raise_for_status()
                code = re.findall(r": (\d{6})", outbox.getvalue())[-1]
                response = client.post("/v1/auth/verify", json={"phone": phone, "code": code, "client": "app"})
                response.raise_for_status()
                login_ms.append((time.perf_counter() - begin) * 1000)
                token = response.json()["access_token"]
            bearer = {"Authorization": f"Bearer {token}"}
            me_ms = []
            for _ in range(args.requests):
                begin = time.perf_counter()
                client.get("/v1/auth/me", headers=bearer).raise_for_status()
                me_ms.append((time.perf_counter() - begin) * 1000)
            now = dt.datetime.now(dt.UTC)
            with Session(app.state.engine) as session:
                for n in range(args.flags):
                    session.add(GuardrailFlag(created_at=now - dt.timedelta(seconds=n), redacted_text="CCCD <CCCD>",
                                              categories='["personal_data"]', recognizers='["CccdRecognizer"]', scores="[1.0]",
                                              text_hmac=f"{n:064x}", unit="xa-bench", source="chat"))  # fmt: skip
                session.commit()
            queue_ms = []
            for page in range(50):
                begin = time.perf_counter()
                params = {"status": "pending", "unit": "xa-bench", "limit": 50, "offset": page * 50}
                client.get("/v1/admin/flags", headers=bearer, params=params).raise_for_status()
                queue_ms.append((time.perf_counter() - begin) * 1000)
            ids = [f["id"] for f in client.get("/v1/admin/flags", headers=bearer, params={"limit": 200}).json()["items"]]
            begin = time.perf_counter()
            client.post("/v1/admin/flags/review", headers=bearer, json={"ids": ids, "decision": "confirmed"}).raise_for_status()
            bulk_ms = (time.perf_counter() - begin) * 1000
        stack.close()
    report = {
        "database": app.state.engine.dialect.name,
        "login_code_and_verify_ms": _ms(login_ms),
        "authenticated_request_ms": _ms(me_ms),
        "flag_queue_page_ms": {**_ms(queue_ms), "flags": args.flags},
        "bulk_review_200_ms": round(bulk_ms, 1),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
