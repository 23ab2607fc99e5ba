"""The app shell as a visitor meets it: landing, navigation, language, theme, 404, /health."""

import httpx
from playwright.sync_api import Page, expect


def test_landing_explains_the_school_with_typeset_math(page: Page, base_url: str):
    page.goto(base_url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("mathematics olympiads")
    expect(page.get_by_role("link", name="Start learning for free")).to_be_visible()
    # The sample problem is typeset by KaTeX, not shown as $...$ source.
    expect(page.locator(".katex-display .katex-html").first).to_be_visible()
    assert "$$" not in page.locator("main").inner_text()


def test_navigation_leads_to_pages_and_back_home(page: Page, base_url: str):
    page.goto(f"{base_url}/no-such-page")
    page.get_by_role("link", name="Back to the home page").click()
    expect(page).to_have_url(f"{base_url}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_unknown_address_shows_the_404_page(page: Page, base_url: str):
    page.goto(f"{base_url}/courses-that-do-not-exist/xyz")
    expect(page.get_by_test_id("not-found")).to_contain_text("Page not found")


def test_language_switch_to_russian_and_it_is_remembered(page: Page, base_url: str):
    page.goto(base_url)
    page.get_by_role("combobox", name="Language").click()
    page.get_by_role("option", name="Русский").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("олимпиадам")
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("олимпиадам")


def test_language_follows_the_browser(browser, base_url: str):
    context = browser.new_context(
        locale="ru-RU", extra_http_headers={"Accept-Language": "ru-RU,ru"}
    )
    page = context.new_page()
    page.goto(base_url)
    expect(page.get_by_role("link", name="Курсы").first).to_be_visible()
    context.close()


def test_dark_mode_toggle(page: Page, base_url: str):
    page.emulate_media(color_scheme="light")
    page.goto(base_url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.get_by_role("button", name="Switch light/dark theme").click()
    expect(page.locator("html")).to_have_class("dark")


def test_phone_width_shows_a_menu_instead_of_the_link_bar(browser, base_url: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url)
    page.get_by_role("button", name="Menu").click()
    expect(page.get_by_role("menuitem", name="Courses")).to_be_visible()
    page.screenshot(path="artifacts/e2e/phone_menu.png", full_page=True)
    context.close()


def test_health_and_metrics_answer_on_the_app_port(base_url: str):
    assert httpx.get(f"{base_url}/health").json() == {"status": "ok", "database": True}
    metrics = httpx.get(f"{base_url}/metrics").text
    assert "mathkallos_http_requests_total" in metrics
