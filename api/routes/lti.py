"""LTI 1.3: the coach as a tool inside the course platform, signed in by the platform (pylti1p3).

``/lti/login`` answers the platform's OIDC login initiation; ``/lti/launch`` receives its signed id token,
validates it (issuer and client registered, signature by the platform's key set, not expired, audience,
deployment, a nonce used once), signs the learner in — the account found or made from the platform's
``sub``, in the platform's unit — and opens the lesson coach of the topic the link names, or the chat. A
deep-linking launch lets a course author pick what to place in a unit. ``/lti/jwks.json`` publishes the
tool's key. Admins register platforms through ``/v1/admin/lti/platforms``. Every refusal is a Vietnamese page.
"""

from __future__ import annotations

import html
import json
from typing import Annotated, Any
from urllib.parse import parse_qsl

import jwt
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.exception import LtiException, OIDCException
from pylti1p3.registration import Registration

from api.access import PUBLIC, Admin, client_ip
from api.lti_adapters import CoachCookies, CoachLaunch, CoachLogin, CoachRequest, CoachSessions, DatabaseStorage, PlatformConfig
from api.lti_store import LtiPlatform, Platforms, StateStore, tool_private_key, tool_public_key
from api.routes.auth import set_session_cookies

router = APIRouter(prefix="/lti", include_in_schema=False, dependencies=[Depends(PUBLIC)])
admin_router = APIRouter(prefix="/v1/admin/lti", tags=["admin"])
CUSTOM = "https://purl.imsglobal.org/spec/lti/claim/custom"

# What went wrong, said to the learner (pylti1p3's English reasons, matched by their words).
REFUSALS = (
    ("expired", "token_expired", "Phiên mở từ nền tảng học tập đã hết hạn. Hãy mở lại bài học từ khóa học."),
    ("nonce", "replayed", "Liên kết mở bài học này đã được dùng. Hãy mở lại bài học từ khóa học."),
    (
        "state",
        "state_missing",
        "Không xác nhận được phiên đăng nhập từ nền tảng học tập (thiếu hoặc sai trạng thái). Hãy mở lại bài học.",
    ),
    ("deployment", "unknown_deployment", "Bản triển khai này của nền tảng học tập chưa được đăng ký với Trợ lý số."),
    ("client id", "wrong_audience", "Mã ứng dụng (client id) trong phiên mở không khớp với đăng ký của nền tảng học tập."),
    ("registration", "unknown_platform", "Nền tảng học tập này chưa được quản trị viên đăng ký với Trợ lý số."),
    ("signature", "bad_signature", "Chữ ký của phiên mở không hợp lệ."),
    ("public key", "bad_signature", "Không kiểm tra được chữ ký của nền tảng học tập (khóa công khai)."),
)
FALLBACK = ("launch_invalid", "Phiên mở từ nền tảng học tập không hợp lệ. Hãy mở lại bài học từ khóa học.")


def _config(request: Request) -> PlatformConfig:
    private = tool_private_key(request.app.state.settings.data_dir)
    return PlatformConfig(Platforms(request.app.state.engine), private, tool_public_key(private))


async def _params(request: Request) -> dict[str, str]:
    params = dict(request.query_params)
    if request.method == "POST":
        params.update(parse_qsl((await request.body()).decode("utf-8", errors="replace"), keep_blank_values=True))
    return params


def _tools(request: Request, params: dict[str, str]) -> tuple[CoachRequest, CoachCookies, CoachSessions, DatabaseStorage]:
    lti_request = CoachRequest(params, request.cookies, request.url.scheme == "https")
    storage = DatabaseStorage(StateStore(request.app.state.engine))
    return lti_request, CoachCookies(lti_request), CoachSessions(storage), storage


def refusal_page(code: str, message: str, status: int = 400) -> HTMLResponse:
    """A refused launch, explained (a 400: the request from the platform is what is wrong, not the caller's rights)."""
    body = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Không mở được Trợ lý số</title><link rel="stylesheet" href="/static/pages.css"></head>
<body><main class="narrow"><h1>Không mở được Trợ lý số</h1><p id="reason" data-code="{code}">{html.escape(message)}</p>
<p>Nếu lỗi lặp lại, hãy báo quản trị viên khóa học kèm mã lỗi: <code>{code}</code>.</p></main></body></html>"""
    return HTMLResponse(body, status_code=status)


def _refusal(error: Exception, request: Request, params: dict[str, str]) -> HTMLResponse:
    reason = str(error).lower()
    code, message = next(((c, m) for words, c, m in REFUSALS if words in reason), FALLBACK)
    if code == "unknown_platform" and Platforms(request.app.state.engine).issuer_known(_claimed_issuer(params)):
        code, message = next((c, m) for _, c, m in REFUSALS if c == "wrong_audience")  # the issuer is known: not this audience
    return refusal_page(code, message)


def _claimed_issuer(params: dict[str, str]) -> str:
    """The issuer the (not yet trusted) id token names, to tell an unknown platform from a wrong audience."""
    try:
        return str(jwt.decode(params.get("id_token", ""), options={"verify_signature": False}).get("iss", ""))
    except jwt.PyJWTError:
        return ""


@router.api_route("/login", methods=["GET", "POST"])
async def login(request: Request) -> Response:
    """OIDC login initiation: remember a state and a nonce, send the browser back to the platform to authenticate."""
    params = await _params(request)
    lti_request, cookies, sessions, storage = _tools(request, params)
    target = str(request.url_for("lti_launch"))
    try:
        oidc = CoachLogin(lti_request, _config(request), sessions, cookies, storage)
        return oidc.redirect(target)
    except (OIDCException, LtiException) as error:
        if "registration" in str(error).lower() or "issuer" in str(error).lower():
            return refusal_page("unknown_platform", REFUSALS[5][2])
        return refusal_page(*FALLBACK)


@router.post("/launch", name="lti_launch")
async def launch(request: Request) -> Response:
    """Validate the platform's id token, sign the learner in, and open what the link names."""
    params = await _params(request)
    lti_request, cookies, sessions, storage = _tools(request, params)
    config = _config(request)
    launch = CoachLaunch(lti_request, config, sessions, cookies, storage)
    try:
        launch.validate()
    except LtiException as error:
        return _refusal(error, request, params)
    data = launch.get_launch_data()
    platform = config.platforms.find(data["iss"], launch.get_client_id())
    if platform is None:  # removed between validation and now
        return refusal_page("unknown_platform", REFUSALS[5][2])
    if launch.is_deep_link_launch():
        return _deep_link_page(launch.get_launch_id(), request)
    user = _learner(request, platform, data)
    tokens = request.app.state.accounts.sessions.create(user.id, client_ip(request))
    response = RedirectResponse(_destination(request, data), status_code=303)
    set_session_cookies(request, response, tokens)
    return response


def _learner(request: Request, platform: LtiPlatform, data: dict[str, Any]) -> Any:
    """The coach account of the launch's ``sub``: its learner id is the one the platform's xAPI statements give it."""
    accounts = request.app.state.accounts
    home_page = platform.xapi_home_page or platform.issuer
    learner_id = "lms-" + accounts.hasher("lms-account", f"{home_page}|{data['sub']}")[:24]
    identity = accounts.hasher("lti-sub", f"{platform.issuer}|{data['sub']}")
    user = accounts.users.from_platform(
        identity, str(data.get("name") or data.get("given_name") or ""), platform.unit_code, learner_id
    )
    accounts.users.touch_login(user.id)
    return user


def _destination(request: Request, data: dict[str, Any]) -> str:
    """The lesson coach of the topic the link names (``custom.topic``), else the chat."""
    topic = str((data.get(CUSTOM) or {}).get("topic", ""))
    if topic and request.app.state.learning.course.kind_of(topic) == "topic":
        return f"/lesson/{topic}"
    return "/"


def _deep_link_page(launch_id: str, request: Request) -> HTMLResponse:
    """The course author picks what to place in the unit: a topic's lesson coach, or the chat."""
    topics = request.app.state.learning.course.topics
    options = "".join(f'<li><button name="topic" value="{t.id}">{html.escape(t.title)}</button></li>' for t in topics)
    body = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Chọn nội dung Trợ lý số</title><link rel="stylesheet" href="/static/pages.css"></head>
<body><main class="narrow"><h1>Đặt Trợ lý số vào bài học</h1>
<form method="post" action="/lti/deep-link"><input type="hidden" name="launch_id" value="{html.escape(launch_id)}">
<ul class="choices"><li><button name="topic" value="">Trợ lý hỏi đáp (chat)</button></li>{options}</ul>
</form></main></body></html>"""
    return HTMLResponse(body)


@router.post("/deep-link")
async def deep_link(request: Request) -> Response:
    """Answer the platform's deep-linking request with the chosen item, signed with the tool's key."""
    params = await _params(request)
    lti_request, cookies, sessions, storage = _tools(request, params)
    try:
        launch = CoachLaunch.from_cache(params.get("launch_id", ""), lti_request, _config(request), sessions, cookies, storage)
    except LtiException:
        return refusal_page("launch_expired", "Phiên chọn nội dung đã hết hạn. Hãy mở lại từ khóa học.")
    topic = params.get("topic", "")
    course = request.app.state.learning.course
    title = course.by_id[topic].title if course.kind_of(topic) == "topic" else "Trợ lý số – hỏi đáp"
    resource = DeepLinkResource().set_url(str(request.url_for("lti_launch"))).set_title(title)
    if topic:
        resource.set_custom_params({"topic": topic})
    return HTMLResponse(launch.get_deep_link().output_response_form([resource]))


@router.get("/jwks.json")
def jwks(request: Request) -> JSONResponse:
    """The tool's public key, for the platform to check the tool's signed messages (deep linking)."""
    public = tool_public_key(tool_private_key(request.app.state.settings.data_dir))
    return JSONResponse({"keys": [Registration.get_jwk(public)]})


class PlatformIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=120)
    issuer: str = Field(pattern=r"^https?://", max_length=300)
    client_id: str = Field(min_length=1, max_length=300)
    deployment_ids: list[Annotated[str, Field(min_length=1, max_length=300)]] = Field(min_length=1, max_length=50)
    auth_login_url: str = Field(pattern=r"^https?://", max_length=500)
    auth_token_url: str = Field(default="", max_length=500)
    key_set_url: str = Field(pattern=r"^https?://", max_length=500)
    unit_code: str | None = Field(default=None, max_length=64)
    xapi_home_page: str | None = Field(default=None, max_length=300)


def _platform_out(platform: LtiPlatform) -> dict[str, Any]:
    out = platform.model_dump(exclude={"deployment_ids"})
    out["deployment_ids"] = platform.deployments
    return json.loads(json.dumps(out, default=str))


@admin_router.get("/platforms", summary="Nền tảng học tập đã đăng ký (LTI 1.3)")
def list_platforms(request: Request, _: Admin) -> dict[str, Any]:
    return {"platforms": [_platform_out(p) for p in Platforms(request.app.state.engine).all()]}


@admin_router.post("/platforms", status_code=201, summary="Đăng ký một nền tảng học tập (LTI 1.3)")
def add_platform(request: Request, body: PlatformIn, admin: Admin) -> dict[str, Any]:
    """Register a platform: what the coach needs to accept its launches. Recorded in the audit log."""
    platform = Platforms(request.app.state.engine).add(**body.model_dump())
    request.app.state.accounts.audit.record(
        "lti_platform_add", admin, f"lti_platform:{platform.id}", ip=client_ip(request), issuer=body.issuer
    )
    return _platform_out(platform)
