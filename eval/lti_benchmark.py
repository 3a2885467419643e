"""LTI 1.3 launch to a rendered lesson, over HTTP (``make bench``).

A platform of the benchmark's own (an RSA key pair, its key set served over HTTP) launches the coach for
many learners in turn: OIDC login initiation, a signed id token posted to ``/lti/launch``, the redirect to
the lesson page followed with the new session. Each launch is timed from the login to the lesson page's
HTML. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI

from api import Settings, create_app
from api.lti_store import Platforms
from eval.live_server import live_server
from eval.metrics import percentile

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
ISSUER, CLIENT_ID, DEPLOYMENT = "https://moodle.cds.gov.vn", "coach-bench", "dep-1"


def platform(key: rsa.RSAPrivateKey) -> FastAPI:
    app = FastAPI()
    jwk = {**json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key())), "kid": "p1", "alg": "RS256"}
    app.get("/healthz")(lambda: {"ok": True})
    app.get("/certs")(lambda: {"keys": [jwk]})
    return app


def one_launch(client: httpx.Client, key: rsa.RSAPrivateKey, sub: str) -> float:
    started = time.perf_counter()
    login = client.get("/lti/login", params={"iss": ISSUER, "login_hint": sub, "target_link_uri": "x", "client_id": CLIENT_ID})
    query = parse_qs(urlparse(login.headers["location"]).query)
    now = int(time.time())
    claims = {
        "iss": ISSUER, "aud": CLIENT_ID, "sub": sub, "iat": now, "exp": now + 300, "nonce": query["nonce"][0],
        CLAIM + "deployment_id": DEPLOYMENT, CLAIM + "message_type": "LtiResourceLinkRequest", CLAIM + "version": "1.3.0",
        CLAIM + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"], CLAIM + "resource_link": {"id": "r"},
        CLAIM + "custom": {"topic": "cd01"},
    }  # fmt: skip
    token = jwt.encode(claims, key, algorithm="RS256", headers={"kid": "p1"})
    launched = client.post("/lti/launch", data={"id_token": token, "state": query["state"][0]})
    lesson = client.get(launched.headers["location"])
    lesson.raise_for_status()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=200)
    args = parser.parse_args()
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with tempfile.TemporaryDirectory() as folder, contextlib.ExitStack() as stack:
        platform_url = stack.enter_context(live_server(platform(key)))
        app = create_app(Settings(data_dir=Path(folder), chroma_url=None))
        url = stack.enter_context(live_server(app))
        Platforms(app.state.engine).add(name="Moodle", issuer=ISSUER, client_id=CLIENT_ID, deployment_ids=[DEPLOYMENT],
                                        auth_login_url=f"{ISSUER}/auth", key_set_url=f"{platform_url}/certs")  # fmt: skip
        timings = []
        for number in range(args.launches):
            with httpx.Client(base_url=url, timeout=30) as client:  # each learner's own browser (cookies)
                timings.append(one_launch(client, key, f"u{number}"))
    print(json.dumps({
        "launches": args.launches,
        "launch_to_lesson_ms": {"p50": round(percentile(timings, 50), 1), "p95": round(percentile(timings, 95), 1),
                                "max": round(max(timings), 1)},
    }))  # fmt: skip


if __name__ == "__main__":
    main()
