"""The exam countdown: ticks in the browser, but every figure comes from the server.

Each time the server sends `seconds_left` (on load and with every autosave receipt) the
browser re-anchors its deadline, so a wrong client clock or a sleeping laptop cannot extend an
exam; `on_expire` asks the server, which alone decides that time is up.
"""

from __future__ import annotations

import reflex as rx
from reflex.event import no_args_event_spec

_COMPONENT_JS = """
function MkCountdown({secondsLeft, stamp, onExpire, ...rest}) {
  const [deadline, setDeadline] = useState(() => Date.now() + secondsLeft * 1000);
  const [now, setNow] = useState(() => Date.now());
  const fired = useRef(false);
  useEffect(() => {
    setDeadline(Date.now() + secondsLeft * 1000);
    fired.current = false;
  }, [secondsLeft, stamp]);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, []);
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  useEffect(() => {
    if (left === 0 && !fired.current) {
      fired.current = true;
      if (onExpire) onExpire();
    }
  }, [left]);
  const hours = Math.floor(left / 3600);
  const minutes = Math.floor((left % 3600) / 60);
  const seconds = String(left % 60).padStart(2, "0");
  const text = hours > 0
    ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`
    : `${minutes}:${seconds}`;
  return jsx("span", {...rest, "data-seconds-left": left, "data-urgent": left < 60}, text);
}
"""


class Countdown(rx.Component):
    """`<MkCountdown>`: m:ss left, re-anchored whenever `seconds_left` or `stamp` changes."""

    library = None
    tag = "MkCountdown"

    seconds_left: rx.Var[int]
    stamp: rx.Var[int]
    on_expire: rx.EventHandler[no_args_event_spec]

    def add_imports(self) -> dict[str, list[rx.ImportVar]]:
        return {
            "react": [
                rx.ImportVar(tag="useState"),
                rx.ImportVar(tag="useRef"),
                rx.ImportVar(tag="useEffect"),
            ],
            "@emotion/react": [rx.ImportVar(tag="jsx")],
        }

    def add_custom_code(self) -> list[str]:
        return [_COMPONENT_JS]


countdown = Countdown.create
