"""The pages: the demo commune portal with the widget, login, the admin console, and their scripts."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse

from api import messages_vi
from api.access import PUBLIC
from api.errors import ApiError

STATIC = Path(__file__).resolve().parents[1] / "static"
ASSETS = {
    "admin.js": "text/javascript; charset=utf-8",
    **{f"admin-{tab}.js": "text/javascript; charset=utf-8" for tab in ("common", "flags", "usage", "users", "keys", "audit")},
    "api.js": "text/javascript; charset=utf-8",
    "dom.js": "text/javascript; charset=utf-8",
    "lesson.js": "text/javascript; charset=utf-8",
    "admin.css": "text/css; charset=utf-8",
    "login.js": "text/javascript; charset=utf-8",
    "pages.css": "text/css; charset=utf-8",
}
router = APIRouter(include_in_schema=False, dependencies=[Depends(PUBLIC)])


@router.get("/")
def demo_page() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")


@router.get("/widget.js")
def widget() -> FileResponse:
    return FileResponse(
        STATIC / "widget.js", media_type="text/javascript; charset=utf-8", headers={"Cache-Control": "public, max-age=300"}
    )


@router.get("/login")
def login_page() -> FileResponse:
    return FileResponse(STATIC / "login.html", media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-store"})


@router.get("/admin")
def admin_console() -> FileResponse:
    """The admin console; its data comes from /v1/admin/* with the signed-in user's rights."""
    return FileResponse(STATIC / "admin.html", media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-store"})


@router.get("/static/{name}")
def static_asset(name: str) -> FileResponse:
    """Scripts and styles of the pages (a fixed list: nothing else under the folder is served)."""
    if name not in ASSETS:
        raise ApiError(404, "not_found", messages_vi.NOT_FOUND)
    return FileResponse(STATIC / name, media_type=ASSETS[name], headers={"Cache-Control": "no-cache"})
