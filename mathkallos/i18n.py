"""Every UI string in English and Russian, and the rules for choosing the language.

Each entry holds both translations side by side, so a missing translation is a syntax
error rather than a blank on the page. Placeholders use `{name}` and must match in both.
"""

from __future__ import annotations

from functools import lru_cache

LANGUAGES: tuple[str, ...] = ("en", "ru")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}

_MESSAGES: dict[str, tuple[str, str]] = {
    # Shell and navigation
    "app.name": ("MathKallos", "MathKallos"),
    "app.tagline": (
        "Olympiad mathematics for university students",
        "Олимпиадная математика для студентов",
    ),
    "nav.home": ("Home", "Главная"),
    "nav.courses": ("Courses", "Курсы"),
    "nav.dashboard": ("Dashboard", "Кабинет"),
    "nav.login": ("Log in", "Войти"),
    "nav.register": ("Sign up", "Регистрация"),
    "nav.menu": ("Menu", "Меню"),
    "nav.language": ("Language", "Язык"),
    "nav.toggle_theme": ("Switch light/dark theme", "Переключить светлую/тёмную тему"),
    "nav.skip_to_content": ("Skip to content", "Перейти к содержимому"),
    "footer.rights": (
        "MathKallos — an online school for mathematical olympiads.",
        "MathKallos — онлайн-школа подготовки к математическим олимпиадам.",
    ),
    "footer.health": ("Service status", "Состояние сервиса"),
    "footer.api": ("API", "API"),
    # Landing
    "landing.title": (
        "Train for mathematics olympiads with a tutor that checks every step",
        "Готовьтесь к олимпиадам по математике с наставником, который проверяет каждый шаг",
    ),
    "landing.subtitle": (
        "Courses with rigorous theory, problems whose answers a computer-algebra system "
        "checks in any equivalent form, timed exams and an AI tutor — for university "
        "students aiming at regional, national and international olympiads.",
        "Курсы со строгой теорией, задачи, ответы на которые система компьютерной алгебры "
        "принимает в любой равносильной форме, экзамены на время и ИИ-наставник — для "
        "студентов, которые готовятся к региональным, всероссийским и международным олимпиадам.",
    ),
    "landing.cta_start": ("Start learning for free", "Начать бесплатно"),
    "landing.cta_courses": ("Browse courses", "Смотреть курсы"),
    "landing.features_title": ("What makes MathKallos different", "Чем MathKallos отличается"),
    "landing.feature_cas_title": (
        "Answers checked like a mathematician would",
        "Проверка ответов как у математика",
    ),
    "landing.feature_cas_text": (
        "Type $\\frac{\\sqrt{2}}{2}$, sqrt(2)/2 or 1/sqrt(2): a computer-algebra system "
        "recognises equivalent answers, intervals, sets, equations and step-by-step solutions.",
        "Пишите $\\frac{\\sqrt{2}}{2}$, sqrt(2)/2 или 1/sqrt(2): система компьютерной алгебры "
        "узнаёт равносильные ответы, промежутки, множества, уравнения и решения по шагам.",
    ),
    "landing.feature_practice_title": (
        "Practice that adapts to you",
        "Практика, которая подстраивается",
    ),
    "landing.feature_practice_text": (
        "Instant feedback, hints one at a time and worked solutions in practice; the next "
        "problem set starts from your weakest topic.",
        "Мгновенная обратная связь, подсказки по одной и разобранные решения; следующая "
        "подборка задач начинается с вашей самой слабой темы.",
    ),
    "landing.feature_exam_title": ("Honest timed exams", "Честные экзамены на время"),
    "landing.feature_exam_text": (
        "The server keeps the clock, every answer is saved as you give it, and answer keys "
        "never reach your browser.",
        "Время считает сервер, каждый ответ сохраняется сразу, а правильные ответы никогда "
        "не попадают в браузер.",
    ),
    "landing.feature_ai_title": (
        "AI that drafts, CAS that verifies",
        "ИИ составляет, CAS проверяет",
    ),
    "landing.feature_ai_text": (
        "New problems drafted by AI reach students only after the computer-algebra system "
        "has verified the answer or a teacher has approved it.",
        "Новые задачи от ИИ попадают к студентам только после того, как система "
        "компьютерной алгебры проверила ответ или преподаватель одобрил задачу.",
    ),
    "landing.feature_tutor_title": (
        "A tutor that never gives away an exam",
        "Наставник, который не подскажет на экзамене",
    ),
    "landing.feature_tutor_text": (
        "Ask the AI tutor about theory and practice problems at any hour; during an exam it "
        "stays silent.",
        "Спрашивайте ИИ-наставника о теории и тренировочных задачах в любое время; во время "
        "экзамена он молчит.",
    ),
    "landing.feature_kpi_title": ("Progress you can see", "Прогресс, который видно"),
    "landing.feature_kpi_text": (
        "Scores, streaks, time spent and mastery per topic on a dashboard that updates "
        "with every solved problem.",
        "Баллы, серии дней, затраченное время и освоение тем на панели, которая обновляется "
        "после каждой решённой задачи.",
    ),
    "landing.sample_title": ("A taste of the problems", "Попробуйте задачу"),
    "landing.sample_problem": (
        "Prove that for all positive reals $a, b, c$\n\n"
        "$$\n\\frac{a}{b+c}+\\frac{b}{c+a}+\\frac{c}{a+b} \\ge \\frac{3}{2}.\n$$\n\n"
        "*Nesbitt's inequality — the first problem of our course on inequalities.*",
        "Докажите, что для любых положительных $a, b, c$\n\n"
        "$$\n\\frac{a}{b+c}+\\frac{b}{c+a}+\\frac{c}{a+b} \\ge \\frac{3}{2}.\n$$\n\n"
        "*Неравенство Несбитта — первая задача нашего курса о неравенствах.*",
    ),
    "landing.steps_title": ("How it works", "Как это устроено"),
    "landing.step_1": ("Pick a course and read the theory.", "Выберите курс и прочитайте теорию."),
    "landing.step_2": (
        "Solve problems with instant, precise feedback.",
        "Решайте задачи с мгновенной и точной проверкой.",
    ),
    "landing.step_3": (
        "Sit timed exams and watch your KPIs grow.",
        "Сдавайте экзамены на время и следите за ростом показателей.",
    ),
    # 404
    "not_found.title": ("Page not found", "Страница не найдена"),
    "not_found.text": (
        "There is no page at this address. It may have moved, or the link may be mistyped.",
        "По этому адресу страницы нет. Возможно, она переехала или в ссылке опечатка.",
    ),
    "not_found.home": ("Back to the home page", "На главную"),
    # Domain errors shared by every service
    "errors.login_required": ("Please log in to continue.", "Войдите, чтобы продолжить."),
    "errors.not_allowed": ("You are not allowed to do this.", "У вас нет прав на это действие."),
    "errors.not_found": ("Not found.", "Не найдено."),
    # Generic states
    "common.loading": ("Loading…", "Загрузка…"),
    "common.error": (
        "Something went wrong. Please try again.",
        "Что-то пошло не так. Попробуйте ещё раз.",
    ),
}


def _index(lang: str) -> int:
    return LANGUAGES.index(lang) if lang in LANGUAGES else 0


@lru_cache(maxsize=len(LANGUAGES))
def catalog(lang: str) -> dict[str, str]:
    """All strings of one language, as the UI state ships them to the browser."""
    i = _index(lang)
    return {key: texts[i] for key, texts in _MESSAGES.items()}


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """One string, with `{placeholders}` filled; an unknown key shows itself, never crashes."""
    texts = _MESSAGES.get(key)
    if texts is None:
        return key
    text = texts[_index(lang)]
    return text.format(**params) if params else text


def keys() -> list[str]:
    return list(_MESSAGES)


def negotiate(preference: str | None, accept_language: str | None) -> str:
    """The user's saved choice first, then the browser's Accept-Language, then English."""
    if preference in LANGUAGES:
        return preference
    ranked: list[tuple[float, str]] = []
    for part in (accept_language or "").split(","):
        tag, _, q = part.strip().partition(";q=")
        code = tag.split("-")[0].lower()
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            continue
        if code in LANGUAGES:
            ranked.append((weight, code))
    return max(ranked, key=lambda item: item[0])[1] if ranked else DEFAULT_LANGUAGE
