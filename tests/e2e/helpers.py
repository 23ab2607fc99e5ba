"""Steps that many browser tests share."""

from __future__ import annotations

from playwright.sync_api import Page, expect

DEMO_PASSWORDS = {"student": "Student2026", "teacher": "Teacher2026", "admin": "Admin2026"}


def log_in(
    page: Page, base_url: str, login: str, password: str | None = None, next_path: str = ""
) -> None:
    target = f"{base_url}/login" + (f"?next={next_path}" if next_path else "")
    page.goto(target)
    page.get_by_label("Email or username").fill(login)
    page.get_by_label("Password").fill(password or DEMO_PASSWORDS[login])
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("button", name="Account", exact=True)).to_be_visible()


def register(page: Page, base_url: str, *, username: str, password: str) -> None:
    page.goto(f"{base_url}/register")
    page.get_by_label("Email").fill(f"{username}@example.com")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Full name").fill(f"{username.title()} Tester")
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Repeat the password").fill(password)
    page.get_by_role("button", name="Create account").click()
