"""The chat widget in a real headless Chromium: streaming, citations, blocks, keyboard, phone width, and sessions
(sign-in prompt, renewal of an expired access cookie, sign-out)."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import Live, assert_accessible, no_horizontal_scroll, screenshot
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


def test_blocked_question_leaves_the_masked_text_editable_and_a_clear_button(page: Page) -> None:
    page.get_by_role("button", name="Hỏi trợ lý số").click()
    ask(page, "CCCD của tôi là 001085012345, làm khai sinh cho con cần gì?")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Đã chặn")
    expect(alert).to_contain_text("Tin nhắn chưa được gửi")
    expect(page.locator(".tls-user").last).to_have_text("Bạn: CCCD của tôi là <CCCD>, làm khai sinh cho con cần gì?")
    # Only what was found is named.
    expect(alert).to_contain_text("dữ liệu cá nhân (số CCCD)")
    expect(alert).not_to_contain_text("số điện thoại")
    # The masked text waits in the input, editable; the action is a full-width button of its own.
    textbox = page.get_by_role("textbox", name="Câu hỏi của bạn")
    expect(textbox).to_have_value("CCCD của tôi là <CCCD>, làm khai sinh cho con cần gì?")
    expect(textbox).to_be_focused()
    resend = alert.get_by_role("button", name="Gửi bản đã che")
    button, message = resend.bounding_box(), alert.bounding_box()
    assert button and message and button["width"] >= message["width"] - 24 and button["height"] >= 44
    screenshot(page, "widget-blocked")
    textbox.fill("CCCD của tôi là <CCCD>, làm khai sinh cho con cần những giấy tờ gì?")  # rephrased before sending
    resend.click()
    expect(page.locator(".tls-user").last).to_have_text(
        "Bạn: CCCD của tôi là <CCCD>, làm khai sinh cho con cần những giấy tờ gì?"
    )
    expect(page.locator(".tls-bot").last).to_contain_text("[1]")
    expect(textbox).to_have_value("")
    assert "001085012345" not in page.locator(".tls-log").inner_text()


def test_citation_markers_open_their_source_with_the_legal_basis_by_name(page: Page) -> None:
    page.get_by_role("button", name="Hỏi trợ lý số").click()
    ask(page, "lệ phí đăng ký khai sinh bao nhiêu")
    answer = page.locator(".tls-bot").last
    marker = answer.get_by_role("button", name="Mở nguồn 1")
    expect(marker).to_have_text("[1]")
    source = answer.locator('details[data-number="1"]')
    expect(source).not_to_have_attribute("open", "")
    marker.click()
    expect(source).to_have_attribute("open", "")
    expect(source.locator("summary")).to_be_focused()
    expect(source).to_contain_text("Căn cứ: Luật Hộ tịch (60/2014/QH13); Nghị định 123/2015/NĐ-CP — còn hiệu lực")
    screenshot(page, "widget-source-open")


def test_markdown_is_rendered_as_elements_and_never_as_html(page: Page) -> None:
    rendered = page.evaluate(
        """async () => {
            const { markdown } = await import("/static/dom.js");
            const box = document.createElement("div");
            box.append(markdown("Hồ sơ gồm:\\n- **Tờ khai** theo mẫu\\n- <img src=x onerror=alert(1)> giấy chứng sinh [2]",
                (n) => Object.assign(document.createElement("button"), { textContent: "[" + n + "]" })));
            return { html: box.innerHTML, images: box.querySelectorAll("img").length, text: box.textContent };
        }"""
    )
    assert rendered["images"] == 0 and "&lt;img" in rendered["html"]
    assert "<ul><li><strong>Tờ khai</strong> theo mẫu</li>" in rendered["html"] and "<button>[2]</button>" in rendered["html"]
    assert "**" not in rendered["text"] and "- " not in rendered["text"]


def test_citation_passages_show_lists_not_markdown(page: Page) -> None:
    page.get_by_role("button", name="Hỏi trợ lý số").click()
    ask(page, "trình tự đăng ký khai sinh gồm các bước nào")
    answer = page.locator(".tls-bot").last
    expect(answer).to_contain_text("[1]")
    steps = answer.locator(".tls-passage ol li")
    expect(steps.first).to_contain_text("Nộp hồ sơ tại bộ phận một cửa")
    assert "1. " not in answer.locator(".tls-passage").first.text_content()


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


def phone(browser: Browser, live: Live, learner_id: str = "L-1", height: int = 740) -> Page:
    context = session_context(
        browser, live, learner(live, learner_id), viewport={"width": 360, "height": height}, device_scale_factor=2,
        is_mobile=True, has_touch=True,
    )  # fmt: skip
    page = context.new_page()
    page.goto(live.url + "/")
    return page


def test_phone_width_360(browser: Browser, live: Live) -> None:
    page = phone(browser, live)
    page.get_by_role("button", name="Hỏi trợ lý số").tap()
    dialog = page.get_by_role("dialog", name="Trợ lý số")
    box = dialog.bounding_box()
    assert box is not None and box["width"] <= 360 and box["x"] >= 0
    expect(dialog).to_have_attribute("aria-modal", "true")
    expect(dialog.get_by_role("button", name="Đăng xuất")).to_be_visible()
    for question in ("đặt mật khẩu mạnh thế nào", "thu tuc khai sinh can gi"):
        ask(page, question)
        answer = page.locator(".tls-bot").last
        expect(answer.locator(".tls-fb")).to_be_visible()
        # The question stays at the top of the panel and the answer starts right under it, both on screen.
        log, asked = page.locator(".tls-log").bounding_box(), page.locator(".tls-user").last.bounding_box()
        start = answer.locator(".tls-text").bounding_box()
        assert log and asked and start
        assert log["y"] <= asked["y"] and asked["y"] + asked["height"] <= log["y"] + log["height"], (log, asked)
        assert start["y"] + 20 <= log["y"] + log["height"], (start, log)
        # Not scrolled to the end: then the panel was scrolled to put the question at its top (a long answer).
        if page.locator(".tls-log").evaluate("l => l.scrollTop < l.scrollHeight - l.clientHeight - 1"):
            assert asked["y"] <= log["y"] + 40, (log, asked)
    assert no_horizontal_scroll(page)
    screenshot(page, "widget-360px")
    assert_accessible(page, "widget-360px")
    page.get_by_role("button", name="Cuộc hội thoại mới").tap()
    expect(page.locator(".tls-msg")).to_have_count(1)
    page.context.close()


def test_an_answer_taller_than_the_screen_is_shown_from_its_start(browser: Browser, live: Live) -> None:
    page = phone(browser, live, height=420)  # a small phone, or the keyboard open: the answer overflows the panel
    page.get_by_role("button", name="Hỏi trợ lý số").tap()
    ask(page, "lệ phí đăng ký khai sinh bao nhiêu")
    answer = page.locator(".tls-bot").last
    expect(answer.locator(".tls-fb")).to_be_visible()
    log = page.locator(".tls-log")
    assert log.evaluate("l => l.scrollHeight > l.clientHeight + 100")  # the answer does not fit
    box, asked = log.bounding_box(), page.locator(".tls-user").last.bounding_box()
    assert box and asked and box["y"] <= asked["y"] <= box["y"] + 40, (box, asked)  # the question at the top
    screenshot(page, "widget-360x420-long-answer")
    page.context.close()


def test_the_full_screen_panel_keeps_the_focus(browser: Browser, live: Live) -> None:
    page = phone(browser, live)
    page.get_by_role("button", name="Hỏi trợ lý số").tap()
    dialog = page.get_by_role("dialog", name="Trợ lý số")
    expect(page.get_by_role("textbox", name="Câu hỏi của bạn")).to_be_focused()
    for key in ["Tab"] * 12 + ["Shift+Tab"] * 12:
        page.keyboard.press(key)
        assert dialog.evaluate("d => d.contains(document.activeElement)"), f"focus left the panel after {key}"
    page.context.close()


def test_desktop_page_with_an_answer_is_accessible(page: Page) -> None:
    page.get_by_role("button", name="Hỏi trợ lý số").click()
    ask(page, "lệ phí đăng ký khai sinh bao nhiêu")
    expect(page.locator(".tls-bot").last.locator(".tls-fb")).to_be_visible()
    dialog = page.get_by_role("dialog", name="Trợ lý số")
    expect(dialog).to_have_attribute("aria-modal", "false")  # a side panel on a wide screen: the page stays usable
    assert no_horizontal_scroll(page)
    assert_accessible(page, "widget-desktop")


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
