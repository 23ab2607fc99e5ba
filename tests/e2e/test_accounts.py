"""Accounts in the browser: the whole life of an account, and who may open which page."""

import json
import re
import uuid
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.e2e.helpers import log_in, register

SENT_TO_LOGIN = re.compile(r"/login\?next=%2Fprofile(%2F)?$")


def _unique(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:6]}"


def test_registration_errors_are_shown_per_field_and_typed_text_is_kept(page: Page, base_url):
    page.goto(f"{base_url}/register")
    page.get_by_label("Email").fill("not-an-email@x")
    page.get_by_label("Username").fill("student")  # the demo student's name: taken
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Repeat the password").fill("short")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("This username is taken.")).to_be_visible()
    expect(page.get_by_text("Enter a valid email address.")).to_be_visible()
    expect(page.get_by_label("Username")).to_have_value("student")
    expect(page.get_by_label("Password", exact=True)).to_have_value("")


def test_the_whole_life_of_an_account(browser: Browser, page: Page, base_url: str):
    name, password, new_password = _unique("ada"), "Analytical1843", "Engines1852x"
    register(page, base_url, username=name, password=password)
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()

    # The same account signed in on a second device.
    other = browser.new_context()
    other_page = other.new_page()
    log_in(other_page, base_url, name, password)

    # Profile details and preferences are saved.
    page.get_by_label("Full name").fill("Ada Lovelace")
    page.get_by_label("Time zone").fill("Europe/London")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Profile saved.")).to_be_visible()

    # Changing the password asks for the current one and logs the other device out.
    page.get_by_label("Current password").fill("wrong-password-1")
    page.get_by_label("New password", exact=True).fill(new_password)
    page.get_by_label("Repeat the new password").fill(new_password)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("The current password is not right.")).to_be_visible()
    page.get_by_label("Current password").fill(password)
    page.get_by_label("New password", exact=True).fill(new_password)
    page.get_by_label("Repeat the new password").fill(new_password)
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Password changed.")).to_be_visible()
    other_page.goto(f"{base_url}/profile")
    expect(other_page).to_have_url(SENT_TO_LOGIN)
    other.close()

    # This device is still signed in and can export everything about the account.
    page.reload()
    expect(page.get_by_label("Full name")).to_have_value("Ada Lovelace")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download my data").click()
    exported = json.loads(Path(download_info.value.path()).read_text())
    assert exported["profile"]["username"] == name
    assert exported["profile"]["preferences"]["timezone"] == "Europe/London"
    assert "password" not in json.dumps(exported).lower().replace("password_changed", "")

    # Deleting the account needs the password, then the account is gone for good.
    page.get_by_role("button", name="Delete my account").click()
    page.get_by_role("alertdialog").get_by_label("Password").fill("wrong-password-1")
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_text("The current password is not right.")).to_be_visible()
    page.get_by_role("alertdialog").get_by_label("Password").fill(new_password)
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    page.goto(f"{base_url}/login")
    page.get_by_label("Email or username").fill(name)
    page.get_by_label("Password").fill(new_password)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Wrong email, username or password.")
    expect(page.get_by_label("Email or username")).to_have_value(name)


def test_a_visitor_is_sent_to_login_and_brought_back(page: Page, base_url: str):
    page.goto(f"{base_url}/profile")
    expect(page).to_have_url(SENT_TO_LOGIN)
    page.get_by_label("Email or username").fill("student")
    page.get_by_label("Password").fill("Student2026")
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page).to_have_url(re.compile(r"/profile/?$"))
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()


def test_a_student_opening_the_admin_page_is_refused(page: Page, base_url: str):
    log_in(page, base_url, "student")
    page.goto(f"{base_url}/admin/users")
    expect(page.get_by_test_id("not-allowed")).to_be_visible()
    expect(page.get_by_test_id("user-row")).to_have_count(0)


def test_admin_finds_a_user_and_deactivation_ends_their_session_at_once(
    browser: Browser, page: Page, base_url: str
):
    name, password = _unique("victim"), "Tempor4ry-pass"
    student = browser.new_context()
    student_page = student.new_page()
    register(student_page, base_url, username=name, password=password)
    expect(student_page.get_by_role("heading", name="Your profile")).to_be_visible()

    log_in(page, base_url, "admin")
    page.goto(f"{base_url}/admin/users")
    page.get_by_label("Search by name, username or email").fill(name)
    page.get_by_role("button", name="Search").click()
    row = page.get_by_test_id("user-row")
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Deactivate").click()
    expect(row.get_by_text("Deactivated")).to_be_visible()

    student_page.reload()
    expect(student_page).to_have_url(SENT_TO_LOGIN)
    student.close()


def test_wrong_password_five_times_locks_the_account_with_a_clear_message(page: Page, base_url):
    name = _unique("locked")
    register(page, base_url, username=name, password="Correct-horse-9")
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    page.get_by_role("button", name="Account", exact=True).click()
    page.get_by_role("menuitem", name="Log out").click()
    for _ in range(5):
        page.goto(f"{base_url}/login")
        page.get_by_label("Email or username").fill(name)
        page.get_by_label("Password").fill("Wrong-horse-9")
        page.get_by_role("button", name="Log in", exact=True).click()
        expect(page.get_by_role("alert")).to_contain_text("Wrong")
        # The refusal empties the password: only then is this attempt's answer on screen.
        expect(page.get_by_label("Password")).to_have_value("")
    page.get_by_label("Password").fill("Correct-horse-9")
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Too many failed attempts")


def test_forms_cannot_be_sent_before_the_app_is_ready(browser: Browser, base_url: str):
    """Sent before the scripts run, the prerendered form went out as a plain GET, the password
    in the address bar; a browser that has not run them yet shows the forms disabled."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/login")
    expect(page.get_by_label("Password")).to_be_disabled()
    expect(page.get_by_role("button", name="Log in", exact=True)).to_be_disabled()
    page.goto(f"{base_url}/register")
    expect(page.get_by_label("Password", exact=True)).to_be_disabled()
    expect(page.get_by_role("button", name="Create account")).to_be_disabled()
    context.close()


def test_choosing_the_dark_theme_in_the_profile_applies_it_at_once(page: Page, base_url: str):
    page.emulate_media(color_scheme="light")
    log_in(page, base_url, "teacher")
    page.goto(f"{base_url}/profile")
    page.get_by_role("combobox", name="Theme").click()
    page.get_by_role("option", name="Dark").click()
    expect(page.locator("html")).to_have_class(re.compile("dark"))
    page.get_by_role("combobox", name="Theme").click()
    page.get_by_role("option", name="Light").click()
    expect(page.locator("html")).to_have_class(re.compile("light"))
