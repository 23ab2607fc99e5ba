"""Every route of the app and the builders for routes with parameters.

Pages and components import these names; nobody writes a URL string inline.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

HOME = "/"
COURSES = "/courses"
LOGIN = "/login"
REGISTER = "/register"
DASHBOARD = "/dashboard"
PROFILE = "/profile"
ADMIN_USERS = "/admin/users"
NOT_FOUND = "404"

HEALTH = "/health"
METRICS = "/metrics"
API_PREFIX = "/api/v1"


def login_then(next_path: str) -> str:
    """The login page that sends the user back to `next_path` afterwards."""
    return f"{LOGIN}?{urlencode({'next': next_path})}"


def safe_next(next_path: str | None) -> str:
    """Only same-site relative paths are followed after login (no open redirect)."""
    if not next_path or not next_path.startswith("/") or next_path.startswith("//"):
        return HOME
    return quote(next_path, safe="/?=&-_.~%")
