"""The lesson page in headless Chromium: the learner comes from the session, never from the address; two wrong
answers bring a cited hint; a dismissed hint stays away; without a session nothing is recorded."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
from playwright.sync_api import Browser, Page, Request, Response, Route, expect

from tests.browser.conftest import Live, assert_accessible, no_horizontal_scroll, screenshot
from tests.browser.session_support import access_token, learner, session_context


def _statement_sent(verb: str) -> Callable[[Response], bool]:
    """Matches the answer to the page's statement with ``verb`` (for ``page.expect_response``)."""
    return lambda r: r.url.endswith("/v1/me/events") and f'"verb":"{verb}"' in (r.request.post_data or "")


def test_without_a_session_the_page_asks_to_sign_in_and_records_nothing(browser: Browser, live: Live) -> None:
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sent: list[str] = []

    def record(request: Request) -> None:
        if "/v1/me/" in request.url or "/v1/learners/" in request.url:
            sent.append(f"{request.method} {request.url}")

    page.on("request", record)
    page.goto(f"{live.url}/lesson/cd03?learner=L-1")  # an address naming a learner does not make anyone that learner
    expect(page.get_by_role("heading", level=1)).to_have_text("Chuyên đề 3: Chuyên đề mẫu 3")  # rendered by the server
    notice = page.locator("#signin")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Vui lòng đăng nhập bằng số điện thoại")
    expect(notice.get_by_role("link", name="Đăng nhập")).to_have_attribute("href", "/login?next=/lesson/cd03")
    expect(page.get_by_label("Không hiện gợi ý")).to_be_disabled()
    # The lesson can still be read and tried; the reply is local and nothing goes to the server.
    expect(page.locator("section.lesson")).to_have_count(2)
    item = page.locator("form[data-item='cd03-q1']")
    item.get_by_label("6").check()
    item.get_by_role("button", name="Trả lời").click()
    expect(item.get_by_role("status")).to_have_text("Chưa đúng, thử lại nhé.")
    screenshot(page, "lesson-sign-in")
    assert page.evaluate("fetch('/healthz').then(r => r.status)") == 200  # a request after all the page's own
    assert sent == []
    context.close()


def test_failing_twice_shows_a_cited_hint_that_stays_dismissed(browser: Browser, live: Live) -> None:
    # A learner of this test's own: the live database is shared by every browser test, and a hint shown to the
    # learner by another test would hold this one back for the hint cooldown.
    me = learner(live, "hv-browser-1", "Học viên trình duyệt")
    context = session_context(browser, live, me, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    with page.expect_response(_statement_sent("launched")) as launched:
        page.goto(f"{live.url}/lesson/cd02?learner=hv-khac")  # the old parameter is ignored
    assert launched.value.status == 202
    expect(page.get_by_role("heading", level=1)).to_have_text("Chuyên đề 2: Chuyên đề mẫu 2")
    expect(page.locator("header")).to_contain_text("Đang đăng nhập: Học viên trình duyệt")
    expect(page.locator("#signin")).to_be_hidden()
    item = page.locator("form[data-item='cd02-q1']")
    for _ in range(2):
        item.get_by_label("6").check()
        with page.expect_response(_statement_sent("answered")) as answered:
            item.get_by_role("button", name="Trả lời").click()
        assert answered.value.status == 202
        expect(item.get_by_role("status")).to_have_text("Chưa đúng, thử lại nhé.")
        item.get_by_role("status").evaluate("el => el.textContent = ''")  # so the next check waits for the new reply
    hint = page.locator("[data-hint='repeated_failure:cd02-q1']")
    with page.expect_response(_statement_sent("hint-shown")) as shown:
        expect(hint).to_be_visible(timeout=15_000)
    assert shown.value.status == 202
    expect(hint).to_contain_text("12 ký tự")
    expect(hint.locator("blockquote")).to_contain_text("Mật khẩu nên dài ít nhất 12 ký tự")
    expect(hint.locator(".source")).to_have_text("Nguồn: Đặt mật khẩu mạnh (tài liệu mẫu) › Mật khẩu mạnh")
    screenshot(page, "lesson-hint")
    with page.expect_response(_statement_sent("hint-dismissed")) as dismissed:
        hint.get_by_role("button", name="Ẩn gợi ý này").click()
    assert dismissed.value.status == 202
    expect(page.locator("#hint-box")).to_have_text("Đã ẩn gợi ý.")
    item.get_by_label("8").check()
    with page.expect_response(_statement_sent("answered")):
        item.get_by_role("button", name="Trả lời").click()
    expect(item.get_by_role("status")).to_have_text("Chưa đúng, thử lại nhé.")

    # Everything was recorded for the signed-in learner, and nothing for the learner named in the address.
    with httpx.Client(base_url=live.url, cookies={"coach_access": access_token(context)}) as client:
        body = client.get("/v1/learners/hv-browser-1/hints").json()
        assert body["hint"] is None or body["hint"]["id"] != "repeated_failure:cd02-q1"  # the dismissal holds
        progress = client.get("/v1/learners/hv-browser-1/progress")
        assert progress.status_code == 200 and progress.json()["quiz_scores"] == {"cd02": 0.0}
    recorded = [(e.verb, e.object_id) for e in live.app.state.learning.events.events("hv-browser-1")]
    for statement in [("launched", "cd02"), ("hint-shown", "repeated_failure:cd02-q1"),
                      ("hint-dismissed", "repeated_failure:cd02-q1")]:  # fmt: skip
        assert statement in recorded, recorded
    assert recorded.count(("answered", "cd02-q1")) == 3
    assert live.app.state.learning.events.events("hv-khac") == []
    expect(page.locator("[data-hint='repeated_failure:cd02-q1']")).to_have_count(0)

    # Turning hints off is saved for the signed-in learner.
    with page.expect_response(lambda r: r.url.endswith("/v1/learners/hv-browser-1/preferences")) as saved:
        page.get_by_label("Không hiện gợi ý").check()
    assert saved.value.status == 200 and saved.value.json()["hints_enabled"] is False
    assert live.app.state.learning.events.preference("hv-browser-1").hints_enabled is False
    context.close()


def _fail_twice(page: Page, item_id: str) -> None:
    item = page.locator(f"form[data-item='{item_id}']")
    for _ in range(2):
        item.get_by_label("6").check()
        with page.expect_response(_statement_sent("answered")):
            item.get_by_role("button", name="Trả lời").click()
        expect(item.get_by_role("status")).to_have_text("Chưa đúng, thử lại nhé.")
        item.get_by_role("status").evaluate("el => el.textContent = ''")


def test_on_a_phone_the_hint_appears_under_the_quiz_item_whole_and_uncovered(browser: Browser, live: Live) -> None:
    me = learner(live, "hv-phone-1", "Học viên điện thoại")
    context = session_context(
        browser, live, me, viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(f"{live.url}/lesson/cd03")
    expect(page.get_by_role("heading", level=1)).to_have_text("Chuyên đề 3: Chuyên đề mẫu 3")  # the number once
    # The lesson text is rendered: a list, bold words, no Markdown signs.
    lesson = page.locator("section.lesson").nth(1)
    expect(lesson.locator("ul li strong")).to_have_text("Thư điện tử công vụ")
    assert "**" not in lesson.inner_text() and "\n- " not in lesson.inner_text()
    # Touch targets of at least 44 px: each answer and the buttons.
    for target in page.locator("form[data-item='cd03-q1'] label.option, form[data-item='cd03-q1'] button").all():
        box = target.bounding_box()
        assert box and box["height"] >= 44, box
    _fail_twice(page, "cd03-q1")
    hint = page.locator("[data-hint='repeated_failure:cd03-q1']")
    expect(hint).to_be_visible(timeout=15_000)
    # Right under the quiz item that brought it, whole on screen, and not under the chat button.
    assert hint.evaluate("h => h.previousElementSibling.matches(\"form[data-item='cd03-q1']\")")
    page.wait_for_function("() => { const r = document.querySelector('.hint').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; }")  # fmt: skip
    # The chat button has its place in the header: it floats over nothing.
    launcher = page.get_by_role("button", name="Hỏi trợ lý số")
    assert launcher.evaluate("b => getComputedStyle(b).position") == "static" and launcher.evaluate("b => !!b.closest('header')")
    # One or two sentences quoted, the passage behind "Xem thêm"; a real button to say it helped.
    expect(hint.locator("blockquote")).to_have_text(
        "Mật khẩu nên dài ít nhất 12 ký tự, gồm chữ hoa, chữ thường, chữ số và ký tự đặc biệt."
    )
    expect(page.locator("#hint-announcer")).to_contain_text("12 ký tự")
    helpful = hint.get_by_role("button", name="👍 Gợi ý này hữu ích")
    expect(helpful).to_have_attribute("aria-pressed", "false")
    assert no_horizontal_scroll(page)
    screenshot(page, "lesson-hint-360px")
    assert_accessible(page, "lesson-hint-360px")
    context.close()


def test_the_desktop_lesson_page_is_accessible_and_its_sidebar_follows(browser: Browser, live: Live) -> None:
    context = session_context(browser, live, learner(live, "hv-desktop-1"), viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{live.url}/lesson/cd01")
    expect(page.locator("header")).to_contain_text("Đang đăng nhập")
    page.mouse.wheel(0, 600)
    page.wait_for_function("() => scrollY > 100")
    aside = page.get_by_role("complementary", name="Gợi ý của huấn luyện viên số").bounding_box()
    assert aside and aside["y"] >= 0  # sticky: still on screen after scrolling down
    assert no_horizontal_scroll(page)
    assert_accessible(page, "lesson-desktop")
    context.close()


def test_a_statement_the_server_could_not_store_is_sent_again(browser: Browser, live: Live) -> None:
    """A 503 (the database restarting) is not the end of a statement: the page resends it after Retry-After."""
    me = learner(live, "hv-browser-resend", "Học viên gửi lại")
    context = session_context(browser, live, me, viewport={"width": 360, "height": 740})
    page = context.new_page()
    refused: list[str] = []

    def outage(route: Route) -> None:  # the first "launched" statement meets the outage, everything else the server
        body = route.request.post_data or ""
        if not refused and '"verb":"launched"' in body:
            refused.append(json.loads(body)["id"])
            error = {"code": "database_unavailable", "message": "Cơ sở dữ liệu tạm thời không truy cập được."}
            route.fulfill(status=503, headers={"Retry-After": "1"}, json=error)
        else:
            route.continue_()

    page.route("**/v1/me/events", outage)
    with page.expect_response(lambda r: _statement_sent("launched")(r) and r.status == 202, timeout=15_000) as resent:
        page.goto(f"{live.url}/lesson/cd02")
    assert refused and json.loads(resent.value.request.post_data or "{}")["id"] == refused[0]
    context.close()
