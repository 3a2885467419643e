"""The chat widget in a real headless Chromium: streaming, citations, blocks, keyboard, phone width, and sessions
(sign-in prompt, renewal of an expired access cookie, sign-out)."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import Live, screenshot
from tests.browser.session_support import learner, session_context

SIGN_IN = "Vui lòng đăng nhập bằng số điện thoại để hỏi trợ lý."


def ask(page: Page, question: str) -> None:
    page.get_by_role("textbox", name="Câu hỏi của bạn").fill(question)
    page.get_by_role("button", name="Gửi").click()


def test_streamed_answer_with_expandable_citation(page: Page) -> None:
    page.get_by_role("button", name="Hỏi trợ lý số").click()
    dialog = page.get_by_role("dialog", name="Trợ lý số")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".tls-who")).to_contain_text("Đang đăng nhập: Người dùng learner")
    expect(page.locator("#account")).to_contain_text("Người dùng learner")  # the portal's header knows too
    ask(page, "lệ phí đăng ký khai sinh bao nhiêu")
    answer = dialog.locator(".tls-bot").last
    expect(answer).to_contain_text("miễn lệ phí")
    expect(answer).to_contain_text("[1]")
    citation = answer.locator("details").first
    expect(citation.locator("summary")).to_contain_text("[1] Đăng ký khai sinh (tài liệu mẫu) › Lệ phí")
    citation.locator("summary").click()
    expect(citation.locator("p").first).to_be_visible()
    expect(citation).to_contain_text("còn hiệu lực")
    answer.get_by_role("button", name="👍 Hữu ích").click()
    expect(answer.get_by_role("status")).to_have_text("Cảm ơn bạn đã đánh giá.")
    screenshot(page, "widget-answer")
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0


def test_blocked_question_offers_the_redacted_version(page: Page) -> None:
    page.get_by_role("button", name="Hỏi trợ lý số").click()
    ask(page, "CCCD của tôi là 001085012345, làm khai sinh cho con cần gì?")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Đã chặn")
    expect(alert).to_contain_text("Tin nhắn chưa được gửi")
    expect(page.locator(".tls-user").last).to_have_text("Bạn: CCCD của tôi là <CCCD>, làm khai sinh cho con cần gì?")
    expect(alert).to_contain_text("dữ liệu cá nhân")
    resend = alert.get_by_role("button", name="Gửi bản đã che thông tin")
    expect(resend).to_contain_text("CCCD của tôi là <CCCD>")
    screenshot(page, "widget-blocked")
    resend.click()
    expect(page.locator(".tls-user").last).to_have_text("Bạn: CCCD của tôi là <CCCD>, làm khai sinh cho con cần gì?")
    expect(page.locator(".tls-bot").last).to_contain_text("[1]")
    assert "001085012345" not in page.locator(".tls-user").last.inner_text()


def test_keyboard_only(page: Page) -> None:
    launcher = page.get_by_role("button", name="Hỏi trợ lý số")
    for _ in range(20):  # tab through the page until the launcher has focus
        page.keyboard.press("Tab")
        if launcher.evaluate("el => el === document.activeElement"):
            break
    assert launcher.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    textbox = page.get_by_role("textbox", name="Câu hỏi của bạn")
    expect(textbox).to_be_focused()
    page.keyboard.type("đặt mật khẩu mạnh thế nào")
    page.keyboard.press("Enter")
    answer = page.locator(".tls-bot").last
    expect(answer.locator("summary").first).to_be_visible()
    answer.locator("summary").first.focus()
    page.keyboard.press("Enter")
    expect(answer.locator("details").first).to_have_attribute("open", "")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(launcher).to_be_focused()


def test_phone_width_360(browser: Browser, live: Live) -> None:
    context = session_context(
        browser, live, learner(live, "L-1"), viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True,
        has_touch=True,
    )  # fmt: skip
    page = context.new_page()
    page.goto(live.url + "/")
    page.get_by_role("button", name="Hỏi trợ lý số").tap()
    dialog = page.get_by_role("dialog", name="Trợ lý số")
    box = dialog.bounding_box()
    assert box is not None and box["width"] <= 360 and box["x"] >= 0
    expect(dialog.get_by_role("button", name="Đăng xuất")).to_be_visible()
    ask(page, "thu tuc khai sinh can gi")
    expect(page.locator(".tls-bot").last).to_contain_text("[1]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "widget-360px")
    page.get_by_role("button", name="Cuộc hội thoại mới").tap()
    expect(page.locator(".tls-msg")).to_have_count(1)
    context.close()


def test_visitor_without_session_is_asked_to_sign_in(browser: Browser, live: Live) -> None:
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(live.url + "/")
    page.get_by_role("button", name="Hỏi trợ lý số").click()
    dialog = page.get_by_role("dialog", name="Trợ lý số")
    expect(dialog.locator(".tls-who")).to_contain_text("Chưa đăng nhập.")
    ask(page, "lệ phí đăng ký khai sinh bao nhiêu")
    prompt = dialog.get_by_role("alert")
    expect(prompt).to_contain_text(SIGN_IN)
    expect(prompt).not_to_contain_text("miễn lệ phí")
    link = prompt.get_by_role("link", name="Đăng nhập")
    expect(link).to_have_attribute("href", f"{live.url}/login?next=/")
    screenshot(page, "widget-sign-in")
    with page.expect_navigation() as navigation:
        link.click()
    response = navigation.value
    assert response is not None and response.status == 200, response and response.status
    expect(page).to_have_url(f"{live.url}/login?next=/")
    context.close()


def test_expired_access_cookie_is_renewed_with_the_refresh_cookie(browser: Browser, live: Live) -> None:
    context = session_context(browser, live, learner(live, "L-1"), viewport={"width": 1280, "height": 800})
    context.clear_cookies(name="coach_access")  # the access cookie has expired; the refresh cookie is still valid
    page = context.new_page()
    chat: list[int] = []
    page.on("response", lambda r: chat.append(r.status) if r.url.endswith("/v1/chat/stream") else None)
    page.goto(live.url + "/")
    page.get_by_role("button", name="Hỏi trợ lý số").click()
    dialog = page.get_by_role("dialog", name="Trợ lý số")
    expect(dialog.locator(".tls-who")).to_contain_text("Đang đăng nhập: Người dùng learner")  # renewed on opening
    expect(page.locator("#account")).to_contain_text("Người dùng learner")
    context.clear_cookies(name="coach_access")  # and expired again in the middle of the conversation
    with page.expect_response(lambda r: r.url.endswith("/v1/auth/refresh")) as renewal:
        ask(page, "lệ phí đăng ký khai sinh bao nhiêu")
    assert renewal.value.status == 200
    answer = dialog.locator(".tls-bot").last
    expect(answer).to_contain_text("miễn lệ phí")
    expect(answer).to_contain_text("[1]")
    expect(dialog.get_by_role("alert")).to_have_count(0)
    assert chat == [401, 200]  # the question was retried once, after the renewal
    assert any(c["name"] == "coach_access" for c in context.cookies())
    context.close()


def test_sign_out_ends_the_session_even_after_the_access_cookie_expired(browser: Browser, live: Live) -> None:
    user = learner(live, "hv-dang-xuat", "Học viên đăng xuất")  # its own learner: the check counts its open sessions
    context = session_context(browser, live, user, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(live.url + "/")
    page.get_by_role("button", name="Hỏi trợ lý số").click()
    dialog = page.get_by_role("dialog", name="Trợ lý số")
    expect(dialog.locator(".tls-who")).to_contain_text("Đang đăng nhập: Học viên đăng xuất")
    expect(page.locator("#account")).to_contain_text("Học viên đăng xuất")
    context.clear_cookies(name="coach_access")  # expired while the panel was open
    with page.expect_response(lambda r: r.url.endswith("/v1/auth/logout")) as logout:
        dialog.get_by_role("button", name="Đăng xuất").click()
    assert logout.value.status == 204
    expect(dialog.locator(".tls-who")).to_contain_text("Chưa đăng nhập.")
    expect(dialog.locator(".tls-who").get_by_role("link", name="Đăng nhập")).to_have_attribute("href", f"{live.url}/login?next=/")
    expect(page.locator("#account").get_by_role("link", name="Đăng nhập")).to_be_visible()
    expect(page.get_by_role("textbox", name="Câu hỏi của bạn")).to_be_focused()
    assert [c["name"] for c in context.cookies()] == []
    # The server ended the session itself, not just the cookies: no session of this user is left open.
    assert live.app.state.accounts.sessions.revoke_user(user.id) == 0
    ask(page, "lệ phí đăng ký khai sinh bao nhiêu")
    expect(dialog.get_by_role("alert")).to_contain_text(SIGN_IN)
    context.close()
