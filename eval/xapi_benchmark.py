"""xAPI ingestion through HTTP (``make bench``): ``POST /xapi/statements`` at the course platform's pace.

The simulated learners of ``eval.events_benchmark``, sent as Open edX's event-routing backends send them
(ADL verb IRIs, block IRIs, the learner as a platform account, a course parent, the transformer's
extensions), in batches from several client threads with HTTP Basic; 5% of the batches are sent twice, as
a retrying platform would. Then it counts what was kept (every statement once, none lost) and what the
coach tracks. Prints one JSON object.
"""

from __future__ import annotations

import base64
import contextlib
import json
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from sqlalchemy import text

from api import Settings, create_app
from coach.course import Course
from eval.events_benchmark import arguments, simulate
from eval.live_server import live_server

LMS = "https://hoc.cds.gov.vn"
COURSE_KEY = "BKHCN+CDSXA+2025"
VERB_IRIS = {
    "launched": "http://adlnet.gov/expapi/verbs/launched", "progressed": "http://adlnet.gov/expapi/verbs/progressed",
    "paused": "https://w3id.org/xapi/video/verbs/paused", "seeked": "https://w3id.org/xapi/video/verbs/seeked",
    "answered": "http://adlnet.gov/expapi/verbs/answered", "completed": "http://adlnet.gov/expapi/verbs/completed",
}  # fmt: skip
BLOCK_TYPES = {"topic": "chapter", "lesson": "video", "quiz_item": "problem"}


def block(kind: str, object_id: str) -> str:
    return f"{LMS}/xblock/block-v1:{COURSE_KEY}+type@{BLOCK_TYPES[kind]}+block@{object_id}"


def as_openedx(statement: dict) -> dict:
    """One simulated statement in the shape Open edX's event-routing backends emit."""
    obj = statement["object"]
    result = {k: v for k, v in statement.get("result", {}).items() if k in ("success", "response", "duration")}
    if "score" in statement.get("result", {}):
        result["score"] = {"scaled": statement["result"]["score"]}
    xapi = {
        "id": statement["id"],
        "actor": {"objectType": "Agent", "account": {"homePage": LMS, "name": statement["actor"]["id"]}},
        "verb": {"id": VERB_IRIS[statement["verb"]], "display": {"en": statement["verb"]}},
        "object": {"objectType": "Activity", "id": block(obj["type"], obj["id"]),
                   "definition": {"type": "http://adlnet.gov/expapi/activities/module"}},
        "context": {
            "contextActivities": {"parent": [{"objectType": "Activity", "id": f"{LMS}/course/course-v1:{COURSE_KEY}"}]},
            "extensions": {"https://w3id.org/xapi/openedx/extension/transformer-version": "event-routing-backends@9.3.0",
                           "https://w3id.org/xapi/openedx/extensions/session-id": statement["id"][:32]},
        },
        "timestamp": statement["timestamp"],
        "version": "1.0.3",
    }  # fmt: skip
    if result:
        xapi["result"] = result
    return xapi


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    statements = [as_openedx(s) for s in simulate(Course.load(), args.learners, args.per_learner)]
    batches = [statements[i : i + args.batch] for i in range(0, len(statements), args.batch)]
    retried = batches[::20]
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(Settings(data_dir=Path(folder), chroma_url=None))
        stack = contextlib.ExitStack()
        url = stack.enter_context(live_server(app))
        key = app.state.accounts.api_keys.create("Open edX", ["events:write"], None, None)[1]
        basic = "Basic " + base64.b64encode(f"openedx:{key}".encode()).decode()
        headers = {"Authorization": basic, "X-Experience-API-Version": "1.0.3"}
        local = threading.local()

        def send(batch: list[dict]) -> int:
            if not hasattr(local, "client"):
                local.client = httpx.Client(base_url=url, headers=headers, timeout=60)
            response = local.client.post("/xapi/statements", json=batch)
            response.raise_for_status()
            return len(response.json())

        started = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            acknowledged = sum(pool.map(send, batches + retried))
        seconds = time.perf_counter() - started
        with app.state.engine.connect() as connection:
            kept = connection.execute(text("SELECT COUNT(*) FROM xapi_statement")).scalar()
            untracked = connection.execute(text("SELECT COUNT(*) FROM xapi_statement WHERE untracked IS NOT NULL")).scalar()
        tracked = app.state.learning.events.count()
        stack.close()
    sent = len(statements) + sum(len(b) for b in retried)
    print(json.dumps({
        "statements_unique": len(statements), "statements_sent": sent, "acknowledged": acknowledged,
        "batch": args.batch, "clients": args.clients, "seconds": round(seconds, 2),
        "statements_per_s": round(sent / seconds), "kept": kept, "tracked": tracked, "untracked": untracked,
        "lost": len(statements) - kept,
    }))  # fmt: skip


if __name__ == "__main__":
    main()
