"""The lesson page in headless Chromium: two wrong answers bring a cited hint; a dismissed hint stays away."""

from __future__ import annotations

import httpx
from playwright.sync_api import Browser, expect

from tests.browser.conftest import screenshot


def test_failing_twice_shows_a_cited_hint_that_stays_dismissed(browser: Browser, live_server: str) -> None:
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server}/lesson/cd02?learner=hv-browser-1")
    expect(page.get_by_role("heading", level=1)).to_have_text("Chuyên đề 2: Chuyên đề mẫu 2")
    item = page.locator("form[data-item='cd02-q1']")
    for _ in range(2):
        item.get_by_label("6").check()
        item.get_by_role("button", name="Trả lời").click()
        expect(item.get_by_role("status")).to_have_text("Chưa đúng, thử lại nhé.")
        item.get_by_role("status").evaluate("el => el.textContent = ''")  # so the next check waits for the new reply
    hint = page.locator("[data-hint='repeated_failure:cd02-q1']")
    expect(hint).to_be_visible(timeout=15_000)
    expect(hint).to_contain_text("12 ký tự")
    expect(hint.locator("blockquote")).to_contain_text("Mật khẩu nên dài ít nhất 12 ký tự")
    expect(hint.locator(".source")).to_have_text("Nguồn: Đặt mật khẩu mạnh (tài liệu mẫu) › Mật khẩu mạnh")
    screenshot(page, "lesson-hint")
    hint.get_by_role("button", name="Ẩn gợi ý này").click()
    expect(page.locator("#hint-box")).to_have_text("Đã ẩn gợi ý.")
    item.get_by_label("8").check()
    item.get_by_role("button", name="Trả lời").click()
    expect(item.get_by_role("status")).to_have_text("Chưa đúng, thử lại nhé.")
    # The server has the dismissal: the same hint is never offered again.
    body = httpx.get(f"{live_server}/v1/learners/hv-browser-1/hints").json()
    assert body["hint"] is None or body["hint"]["id"] != "repeated_failure:cd02-q1"
    expect(page.locator("[data-hint='repeated_failure:cd02-q1']")).to_have_count(0)
    context.close()
