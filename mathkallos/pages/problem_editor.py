"""The problem editor: statement and key with live previews, a real "try an answer" box,
hints, solution, difficulty and status. Nothing is saved until every field is valid."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import reflex as rx

from mathkallos import i18n, routes
from mathkallos.components.forms import form_alert
from mathkallos.components.guard import guarded
from mathkallos.components.i18n import tr
from mathkallos.components.layout import layout
from mathkallos.components.markdown import math_markdown
from mathkallos.models.content import ProblemKind, ProblemStatus
from mathkallos.models.users import Role
from mathkallos.services import content
from mathkallos.services.content.dto import ProblemAuthoring
from mathkallos.services.errors import DomainError, InvalidInput
from mathkallos.state import AppState, run_service

_OPTION_LINE = re.compile(r"^\s*([A-Za-z0-9]{1,3})\s*[:).]\s*(.+)$")
_TEXT_FIELDS = (
    "statement",
    "answer_key",
    "settings_text",
    "options_text",
    "hints_text",
    "solution",
    "topics_text",
    "source",
    "trial_answer",
)


def parse_options(text: str) -> list[dict[str, str]]:
    """One option per line, `A: text` (a missing label gets the next letter)."""
    options = []
    for line in (raw for raw in text.splitlines() if raw.strip()):
        match = _OPTION_LINE.match(line)
        label = match.group(1) if match else chr(ord("A") + len(options))
        options.append({"label": label, "text": (match.group(2) if match else line).strip()})
    return options


class ProblemEditorState(AppState):
    problem_id: int = 0
    course_id: int = 0
    statement: str = ""
    kind: str = ProblemKind.SYMBOLIC.value
    answer_key: str = ""
    settings_text: str = "{}"
    options_text: str = ""
    hints_text: str = ""
    solution: str = ""
    difficulty: str = "5"
    topics_text: str = ""
    source: str = ""
    status: str = ProblemStatus.DRAFT.value
    key_latex: str = ""
    key_errors: list[str] = []
    trial_answer: str = ""
    trial_verdict: str = ""
    trial_feedback: str = ""
    trial_latex: str = ""
    errors: dict[str, str] = {}
    loaded: bool = False

    def _settings(self) -> dict[str, Any] | None:
        try:
            value = json.loads(self.settings_text or "{}")
        except json.JSONDecodeError:
            return None
        return value if isinstance(value, dict) else None

    def _show(self, problem: ProblemAuthoring) -> None:
        self.problem_id, self.course_id = problem.id, problem.course_id or 0
        self.statement, self.kind, self.answer_key = (
            problem.statement,
            problem.kind,
            problem.answer_key,
        )
        self.settings_text = json.dumps(problem.checker_settings, ensure_ascii=False)
        self.options_text = "\n".join(f"{o.label}: {o.text}" for o in problem.options)
        self.hints_text = "\n".join(problem.hints)
        self.solution, self.difficulty = problem.solution, str(problem.difficulty)
        self.topics_text, self.source = ", ".join(problem.topics), problem.source
        self.status = problem.status

    @rx.event
    async def load(self) -> None:
        self.errors, self.trial_verdict, self.loaded = {}, "", False
        arg = self.route_arg("problem_id")
        if arg == routes.NEW:
            self.problem_id = 0
            self.course_id = int(self.router.url.query_parameters.get("course", "0") or 0)
            self.statement = self.answer_key = self.options_text = self.hints_text = ""
            self.solution = self.topics_text = self.source = self.trial_answer = ""
            self.kind, self.status, self.difficulty = ProblemKind.SYMBOLIC.value, "draft", "5"
            self.settings_text = "{}"
        else:
            try:
                problem = await run_service(
                    content.get_problem_authoring, actor=await self.actor(), problem_id=int(arg)
                )
            except (DomainError, ValueError) as error:
                self.errors = {
                    "form": self.message(error)
                    if isinstance(error, DomainError)
                    else i18n.translate("errors.not_found", self.lang)
                }
                return
            self._show(problem)
        self.loaded = True
        await self._preview_key()

    async def _preview_key(self) -> None:
        settings = self._settings()
        if settings is None:
            self.key_latex, self.key_errors = (
                "",
                [i18n.translate("editor.settings_invalid", self.lang)],
            )
            return
        result = await asyncio.to_thread(
            content.preview_key,
            actor=await self.actor(),
            kind=self.kind,
            answer_key=self.answer_key,
            checker_settings=settings,
            options=parse_options(self.options_text),
        )
        self.key_latex, self.key_errors = result.latex, list(result.errors)

    @rx.event
    async def set_field(self, name: str, value: str) -> None:
        if name in _TEXT_FIELDS:
            setattr(self, name, value)
        if name in ("answer_key", "settings_text", "options_text"):
            await self._preview_key()

    @rx.event
    async def set_choice(self, name: str, value: str) -> None:
        if name in ("kind", "status", "difficulty"):
            setattr(self, name, value)
        if name == "kind":
            await self._preview_key()

    def _draft(self) -> dict[str, Any]:
        return {
            "statement": self.statement,
            "kind": self.kind,
            "answer_key": self.answer_key,
            "checker_settings": self._settings() or {},
            "options": parse_options(self.options_text),
            "hints": [h.strip() for h in self.hints_text.splitlines() if h.strip()],
            "solution": self.solution,
            "difficulty": int(self.difficulty),
            "topics": [t.strip().lower() for t in self.topics_text.split(",") if t.strip()],
            "source": self.source,
            "status": self.status,
        }

    @rx.event
    async def try_answer(self) -> None:
        try:
            verdict = await run_service(
                content.try_answer,
                actor=await self.actor(),
                answer=self.trial_answer,
                kind=self.kind,
                answer_key=self.answer_key,
                checker_settings=self._settings() or {},
                options=parse_options(self.options_text),
            )
        except DomainError as error:
            self.trial_verdict, self.trial_feedback = "invalid", self.message(error)
            return
        self.trial_verdict = (
            "correct" if verdict.correct else "invalid" if verdict.status != "checked" else "wrong"
        )
        self.trial_feedback, self.trial_latex = verdict.feedback, verdict.preview_latex

    @rx.event
    async def save(self):  # noqa: ANN201 - event specs
        if self._settings() is None:
            self.errors = {"checker_settings": i18n.translate("editor.settings_invalid", self.lang)}
            return None
        actor = await self.actor()
        try:
            if self.problem_id:
                saved = await run_service(
                    content.update_problem, actor=actor, problem_id=self.problem_id, **self._draft()
                )
            else:
                saved = await run_service(
                    content.create_problem,
                    actor=actor,
                    course_id=self.course_id or None,
                    **self._draft(),
                )
        except InvalidInput as error:
            self.errors = {
                (e.field or "form").split(".")[-1]: self.message(e)
                for e in (error.errors or [error])
            }
            return rx.toast.error(i18n.translate("errors.form_invalid", self.lang))
        except DomainError as error:
            self.errors = {"form": self.message(error)}
            return None
        self.errors = {}
        created = not self.problem_id
        self._show(saved)
        toast = rx.toast.success(i18n.translate("editor.saved", self.lang))
        return [toast, rx.redirect(routes.teach_problem(saved.id))] if created else toast


def _error(name: str) -> rx.Component:
    errors = ProblemEditorState.errors
    return rx.cond(
        errors.contains(name),
        rx.text(errors[name].to(str), color_scheme="red", size="2", role="alert"),
    )


def _labelled(
    label_key: str, control: rx.Component, name: str, hint_key: str | None = None
) -> rx.Component:
    return rx.vstack(
        rx.el.label(tr(label_key), html_for=f"editor-{name}", class_name="mk-label"),
        control,
        _error(name),
        rx.text(tr(hint_key), size="1", color_scheme="gray") if hint_key else rx.fragment(),
        spacing="1",
        width="100%",
    )


def _text(
    name: str, label_key: str, *, rows: str = "3", hint_key: str | None = None, mono: bool = False
) -> rx.Component:
    """A controlled, debounced text field; one row becomes a plain input."""
    control = rx.input if rows == "1" else rx.text_area
    extra = {} if rows == "1" else {"rows": rows}
    return _labelled(
        label_key,
        control(
            id=f"editor-{name}",
            value=getattr(ProblemEditorState, name),
            on_change=lambda v: ProblemEditorState.set_field(name, v),
            debounce_timeout=300,
            width="100%",
            font_family="monospace" if mono else None,
            **extra,
        ),
        name,
        hint_key,
    )


def _select(
    name: str, label_key: str, options: list[tuple[str, rx.Var[str] | str]]
) -> rx.Component:
    return _labelled(
        label_key,
        rx.select.root(
            rx.select.trigger(id=f"editor-{name}", aria_label=tr(label_key), width="100%"),
            rx.select.content(*[rx.select.item(label, value=v) for v, label in options]),
            value=getattr(ProblemEditorState, name),
            on_change=lambda v: ProblemEditorState.set_choice(name, v),
        ),
        name,
    )


def _preview_box(title_key: str, *children: rx.Component, testid: str) -> rx.Component:
    return rx.box(
        rx.text(tr(title_key), size="1", weight="bold", color_scheme="gray"),
        *children,
        padding="0.75em",
        border=f"1px dashed {rx.color('gray', 7)}",
        border_radius="8px",
        width="100%",
        data_testid=testid,
    )


def _key_section() -> rx.Component:
    s = ProblemEditorState
    return rx.vstack(
        rx.grid(
            _select("kind", "editor.kind", [(k.value, tr(f"kind.{k.value}")) for k in ProblemKind]),
            _select("difficulty", "editor.difficulty", [(str(n), str(n)) for n in range(1, 11)]),
            _select(
                "status",
                "editor.status",
                [(st.value, tr(f"status.{st.value}")) for st in ProblemStatus],
            ),
            columns={"initial": "1", "sm": "3"},
            spacing="3",
            width="100%",
        ),
        rx.cond(
            s.kind == "choice",
            _text("options_text", "editor.options", rows="4", hint_key="editor.options_hint"),
        ),
        _text(
            "answer_key",
            "editor.answer_key",
            rows="2",
            hint_key="editor.answer_key_hint",
            mono=True,
        ),
        _preview_box(
            "editor.key_preview",
            rx.cond(
                s.key_errors.length() > 0,
                rx.vstack(
                    rx.foreach(s.key_errors, lambda e: rx.text(e, color_scheme="red", size="2"))
                ),
                rx.cond(
                    s.key_latex != "",
                    math_markdown("$$\n" + s.key_latex + "\n$$"),
                    rx.text(s.answer_key, size="2"),
                ),
            ),
            testid="key-preview",
        ),
        _text(
            "settings_text", "editor.settings", rows="2", hint_key="editor.settings_hint", mono=True
        ),
        _error("checker_settings"),
        spacing="3",
        width="100%",
    )


def _try_box() -> rx.Component:
    s = ProblemEditorState
    colour = rx.match(s.trial_verdict, ("correct", "green"), ("wrong", "red"), "amber")
    return rx.card(
        rx.vstack(
            rx.heading(tr("editor.try_title"), as_="h2", size="4"),
            rx.hstack(
                rx.input(
                    value=s.trial_answer,
                    placeholder=tr("editor.try_placeholder"),
                    aria_label=tr("editor.try_placeholder"),
                    on_change=lambda v: s.set_field("trial_answer", v),
                    debounce_timeout=150,
                    width="100%",
                ),
                rx.button(tr("editor.try_button"), on_click=s.try_answer, variant="soft"),
                width="100%",
            ),
            rx.cond(
                s.trial_verdict != "",
                rx.callout(
                    rx.vstack(
                        rx.text(
                            rx.match(
                                s.trial_verdict,
                                ("correct", tr("editor.verdict_correct")),
                                ("wrong", tr("editor.verdict_wrong")),
                                tr("editor.verdict_invalid"),
                            ),
                            weight="bold",
                        ),
                        rx.text(s.trial_feedback),
                        rx.cond(s.trial_latex != "", math_markdown("$" + s.trial_latex + "$")),
                        spacing="1",
                    ),
                    color_scheme=colour,
                    width="100%",
                    data_testid="trial-verdict",
                ),
            ),
            spacing="3",
            width="100%",
        ),
        width="100%",
    )


def _editor() -> rx.Component:
    s = ProblemEditorState
    return rx.vstack(
        rx.hstack(
            rx.heading(
                rx.cond(s.problem_id > 0, tr("editor.edit_title"), tr("editor.new_title")),
                as_="h1",
                size="7",
            ),
            rx.spacer(),
            rx.cond(
                s.course_id > 0,
                rx.link(tr("editor.back_to_course"), href=routes.teach_course(s.course_id)),
            ),
            width="100%",
            align="center",
        ),
        form_alert(s.errors.get("form", "").to(str)),
        rx.grid(
            rx.vstack(
                _text("statement", "editor.statement", rows="6", hint_key="editor.markdown_hint"),
                _key_section(),
                _text("hints_text", "editor.hints", rows="3", hint_key="editor.hints_hint"),
                _text("solution", "editor.solution", rows="5", hint_key="editor.markdown_hint"),
                _text("topics_text", "editor.topics", rows="1", hint_key="editor.topics_hint"),
                _text("source", "editor.source", rows="1"),
                rx.button(rx.icon("save", size=16), tr("editor.save"), on_click=s.save, size="3"),
                spacing="4",
                width="100%",
            ),
            rx.vstack(
                _preview_box(
                    "editor.statement_preview",
                    math_markdown(s.statement),
                    testid="statement-preview",
                ),
                _try_box(),
                _preview_box(
                    "editor.solution_preview", math_markdown(s.solution), testid="solution-preview"
                ),
                spacing="4",
                width="100%",
                position={"md": "sticky"},
                top="5em",
            ),
            columns={"initial": "1", "md": "2"},
            spacing="5",
            width="100%",
            align_items="start",
        ),
        spacing="4",
        width="100%",
    )


def problem_editor_page() -> rx.Component:
    return layout(
        guarded(
            rx.cond(
                ProblemEditorState.loaded,
                _editor(),
                form_alert(ProblemEditorState.errors.get("form", "").to(str)),
            ),
            Role.TEACHER,
            Role.ADMIN,
        )
    )
