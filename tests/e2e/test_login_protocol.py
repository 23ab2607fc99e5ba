"""The login form over the app's websocket protocol: a tab's state outlives its page, so what a
new visit shows must not depend on how quickly a browser looks at it."""

from __future__ import annotations

from tests.support.app_server import ServedApp
from tests.support.protocol_tabs import open_tab, run_client
from tests.support.reflex_client import APP_STATE, state_key

LOGIN_STATE = f"{APP_STATE}.{state_key('mathkallos.pages.auth', 'LoginState')}"
WAIT = 60.0


async def _refused_then_reloaded(url: str) -> tuple[str, str, str]:
    """A wrong password, then the same tab reloads the login page: the error before and after
    the reload's load, and the login kept in the form."""
    async with open_tab(url) as tab:
        await tab.wait(await tab.open("/login", {}, lambda _d: tab.hydrated), WAIT)
        refused = tab.expect(lambda _d: bool(tab.var(LOGIN_STATE, "error")))
        form = {"login": "student", "password": "not-the-password"}
        await tab.emit(f"{LOGIN_STATE}.submit", {"form": form})
        await tab.wait(refused, WAIT)
        before = tab.var(LOGIN_STATE, "error")
        await tab.sio.disconnect()
        await tab.wait(await tab.open("/login", {}, lambda _d: tab.hydrated), WAIT)
        return before, tab.var(LOGIN_STATE, "error"), tab.var(LOGIN_STATE, "login_value")


def test_a_new_visit_to_login_does_not_show_the_last_visits_error(app_server: ServedApp) -> None:
    before, after, login = run_client(_refused_then_reloaded(app_server.url))
    assert before == "Wrong email, username or password."
    assert after == "", "the reloaded login page greets the visitor with the old error"
    assert login == "student", "the login typed before is no longer in the form"
