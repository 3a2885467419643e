"""The chat widget in a real headless Chromium: streaming, citations, blocks, keyboard, phone width."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import screenshot


def ask(page: Page, question: str) -> None:
    page.get_by_role("textbox", name="Câu hỏi của bạn").fill(question)
    page.get_by_role("button", name="Gửi").click()


def test_streamed_answer_with_expandable_citation(page: Page) -> None:
    page.get_by_role("button", name="Hỏi trợ lý số").click()
    dialog = page.get_by_role("dialog", name="Trợ lý số")
    expect(dialog).to_be_visible()
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


def test_phone_width_360(browser: Browser, live_server: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live_server + "/")
    page.get_by_role("button", name="Hỏi trợ lý số").tap()
    dialog = page.get_by_role("dialog", name="Trợ lý số")
    box = dialog.bounding_box()
    assert box is not None and box["width"] <= 360 and box["x"] >= 0
    ask(page, "thu tuc khai sinh can gi")
    expect(page.locator(".tls-bot").last).to_contain_text("[1]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "widget-360px")
    page.get_by_role("button", name="Cuộc hội thoại mới").tap()
    expect(page.locator(".tls-msg")).to_have_count(1)
    context.close()
