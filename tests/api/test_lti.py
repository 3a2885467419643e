"""LTI 1.3 launches played by a platform of the test's own: a generated RSA key pair, its key set served over HTTP,
real signed id tokens through the OIDC login and the launch. Valid launches sign the learner in and open the lesson;
every faulty one is refused with a Vietnamese page."""

from __future__ import annotations

import html
import json
import re
import time
import uuid
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api import Settings, create_app
from eval.live_server import live_server
from tests.accounts_support import PHONES, Outbox, seed_accounts, sign_in
from tests.conftest import FIXTURE_CORPUS

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
ISSUER, CLIENT_ID, DEPLOYMENT = "https://moodle.cds.gov.vn", "coach-client-7", "dep-1"
PLATFORM_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def platform_app() -> FastAPI:
    """The platform's key set endpoint: what the coach fetches to check the id tokens."""
    app = FastAPI()
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(PLATFORM_KEY.public_key()))

    @app.get("/healthz")
    def healthz() -> dict:
        return {"ok": True}

    @app.get("/mod/lti/certs.php")
    def certs() -> dict:
        return {"keys": [{**jwk, "kid": "platform-1", "alg": "RS256", "use": "sig"}]}

    return app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    outbox = Outbox()
    with live_server(platform_app()) as platform_url, TestClient(
        create_app(Settings(data_dir=tmp_path_factory.mktemp("var"), corpus_dir=FIXTURE_CORPUS), code_sender=outbox.sender)
    ) as test_client:  # fmt: skip
        seed_accounts(test_client.app)
        admin = sign_in(TestClient(test_client.app), outbox, PHONES["admin"])
        registered = test_client.post("/v1/admin/lti/platforms", headers=admin, json={
            "name": "Moodle của Bộ", "issuer": ISSUER, "client_id": CLIENT_ID, "deployment_ids": [DEPLOYMENT],
            "auth_login_url": f"{ISSUER}/mod/lti/auth.php", "key_set_url": f"{platform_url}/mod/lti/certs.php",
            "unit_code": "xa-tan-phu",
        })  # fmt: skip
        assert registered.status_code == 201, registered.text
        test_client.app.state.test_admin = admin
        yield test_client


def login(client: TestClient, issuer: str = ISSUER) -> tuple[str, str]:
    """The OIDC login initiation; returns the state and nonce the coach sends to the platform."""
    response = client.get("/lti/login", params={"iss": issuer, "login_hint": "42", "target_link_uri": "http://testserver/lti/launch",
                                                "client_id": CLIENT_ID}, follow_redirects=False)  # fmt: skip
    assert response.status_code == 302, response.text
    location = urlparse(response.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{ISSUER}/mod/lti/auth.php"
    query = parse_qs(location.query)
    assert query["client_id"] == [CLIENT_ID] and query["redirect_uri"] == ["http://testserver/lti/launch"]
    return query["state"][0], query["nonce"][0]


def id_token(nonce: str, key: rsa.RSAPrivateKey = PLATFORM_KEY, **changes: object) -> str:
    now = int(time.time())
    claims = {
        "iss": ISSUER, "aud": CLIENT_ID, "sub": "42", "iat": now, "exp": now + 300, "nonce": nonce, "name": "Nguyễn Văn Bình",
        CLAIM + "deployment_id": DEPLOYMENT, CLAIM + "message_type": "LtiResourceLinkRequest", CLAIM + "version": "1.3.0",
        CLAIM + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
        CLAIM + "resource_link": {"id": "rl-cd01"}, CLAIM + "target_link_uri": "http://testserver/lti/launch",
        CLAIM + "custom": {"topic": "cd01"},
    }  # fmt: skip
    claims.update(changes)
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": "platform-1"})


def launch(client: TestClient, state: str, token: str):
    return client.post("/lti/launch", data={"id_token": token, "state": state}, follow_redirects=False)


def test_a_valid_launch_signs_the_learner_in_and_opens_the_topic(client: TestClient) -> None:
    state, nonce = login(client)
    response = launch(client, state, id_token(nonce))
    assert response.status_code == 303 and response.headers["location"] == "/lesson/cd01"
    me = client.get("/v1/auth/me")
    assert me.status_code == 200, me.text
    user = me.json()
    expected = "lms-" + client.app.state.accounts.hasher("lms-account", f"{ISSUER}|42")[:24]
    assert user["learner_id"] == expected and user["unit"] == "xa-tan-phu" and user["role"] == "learner"
    assert client.get("/lesson/cd01").status_code == 200
    # A second launch by the same platform user signs into the same account.
    state, nonce = login(client)
    assert launch(client, state, id_token(nonce, **{CLAIM + "custom": {}})).headers["location"] == "/"
    assert client.get("/v1/auth/me").json()["id"] == user["id"]


@pytest.mark.parametrize(
    ("changes", "key", "status", "code"),
    [
        ({"iss": "https://lms.khac.vn"}, PLATFORM_KEY, 400, "unknown_platform"),
        ({"exp": int(time.time()) - 60, "iat": int(time.time()) - 400}, PLATFORM_KEY, 400, "token_expired"),
        ({"aud": "another-client"}, PLATFORM_KEY, 400, "wrong_audience"),
        ({CLAIM + "deployment_id": "dep-unknown"}, PLATFORM_KEY, 400, "unknown_deployment"),
        ({}, OTHER_KEY, 400, "bad_signature"),
    ],
    ids=["wrong-issuer", "expired", "wrong-audience", "unknown-deployment", "forged-signature"],
)
def test_faulty_launches_are_refused_with_a_vietnamese_page(
    client: TestClient, changes: dict, key, status: int, code: str
) -> None:
    client.cookies.clear()
    state, nonce = login(client)
    response = launch(client, state, id_token(nonce, key, **changes))
    assert response.status_code == status, response.text
    assert f'data-code="{code}"' in response.text and "Không mở được Trợ lý số" in response.text
    assert client.get("/v1/auth/me").status_code == 401  # nobody was signed in


def test_a_replayed_launch_is_refused(client: TestClient) -> None:
    client.cookies.clear()
    state, nonce = login(client)
    token = id_token(nonce)
    assert launch(client, state, token).status_code == 303
    replay = launch(client, state, token)
    assert replay.status_code == 400 and 'data-code="replayed"' in replay.text


def test_a_launch_without_its_login_state_is_refused(client: TestClient) -> None:
    client.cookies.clear()
    _, nonce = login(client)
    client.cookies.clear()  # another browser: the state cookie is not there
    response = launch(client, "state-" + uuid.uuid4().hex, id_token(nonce))
    assert response.status_code == 400 and 'data-code="state_missing"' in response.text


def test_login_from_an_unregistered_platform_is_refused(client: TestClient) -> None:
    response = client.get("/lti/login", params={"iss": "https://lms.khac.vn", "login_hint": "1", "target_link_uri": "x"})
    assert response.status_code == 400 and 'data-code="unknown_platform"' in response.text


def test_deep_linking_places_a_topic_in_a_unit_with_a_signed_answer(client: TestClient) -> None:
    client.cookies.clear()
    state, nonce = login(client)
    settings = {"deep_link_return_url": f"{ISSUER}/mod/lti/contentitem_return.php", "accept_types": ["ltiResourceLink"],
                "accept_presentation_document_targets": ["iframe", "window"], "data": "opaque-42"}  # fmt: skip
    token = id_token(nonce, **{CLAIM + "message_type": "LtiDeepLinkingRequest", CLAIM + "custom": {},
                               "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings": settings})  # fmt: skip
    picker = launch(client, state, token)
    assert picker.status_code == 200 and "Đặt Trợ lý số vào bài học" in picker.text
    launch_id = re.search(r'name="launch_id" value="([^"]+)"', picker.text).group(1)
    answer = client.post("/lti/deep-link", data={"launch_id": html.unescape(launch_id), "topic": "cd03"})
    assert answer.status_code == 200 and f'action="{settings["deep_link_return_url"]}"' in answer.text
    signed = re.search(r'name="JWT" value="([^"]+)"', answer.text).group(1)
    keys = client.get("/lti/jwks.json").json()["keys"]
    public = jwt.algorithms.RSAAlgorithm.from_jwk(json.dumps(keys[0]))
    message = jwt.decode(signed, public, algorithms=["RS256"], audience=ISSUER)
    assert message["https://purl.imsglobal.org/spec/lti-dl/claim/data"] == "opaque-42"
    items = message["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"]
    assert items[0]["url"] == "http://testserver/lti/launch" and items[0]["custom"] == {"topic": "cd03"}


def test_platforms_are_listed_for_admins_only(client: TestClient) -> None:
    client.cookies.clear()
    listed = client.get("/v1/admin/lti/platforms", headers=client.app.state.test_admin)
    assert listed.status_code == 200 and listed.json()["platforms"][0]["deployment_ids"] == [DEPLOYMENT]
    assert client.get("/v1/admin/lti/platforms").status_code == 401
    bad = client.post("/v1/admin/lti/platforms", headers=client.app.state.test_admin, json={"name": "x"})
    assert bad.status_code == 422 and not bad.json()["message"].isascii()
