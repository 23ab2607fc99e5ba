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
    # Accounts: errors raised by services
    "errors.form_invalid": ("Please correct the highlighted fields.", "Исправьте отмеченные поля."),
    "auth.invalid_credentials": (
        "Wrong email, username or password.",
        "Неверный email, имя пользователя или пароль.",
    ),
    "auth.account_deactivated": (
        "This account has been deactivated. Contact the school.",
        "Эта учётная запись отключена. Свяжитесь со школой.",
    ),
    "auth.session_expired": (
        "Your session has ended. Please log in again.",
        "Сеанс завершён. Войдите снова.",
    ),
    "auth.too_many_attempts": (
        "Too many failed attempts. Try again in {minutes} min.",
        "Слишком много неудачных попыток. Повторите через {minutes} мин.",
    ),
    "auth.email_invalid": (
        "Enter a valid email address.",
        "Введите корректный адрес электронной почты.",
    ),
    "auth.email_taken": (
        "An account with this email already exists.",
        "Учётная запись с таким email уже существует.",
    ),
    "auth.username_invalid": (
        "3–40 characters: Latin letters, digits, dot, dash or underscore.",
        "3–40 символов: латинские буквы, цифры, точка, дефис или подчёркивание.",
    ),
    "auth.username_taken": ("This username is taken.", "Это имя пользователя занято."),
    "auth.full_name_too_long": (
        "The name may have at most 120 characters.",
        "Имя может содержать не более 120 символов.",
    ),
    "auth.password_too_short": (
        "The password needs at least 8 characters.",
        "Пароль должен содержать не менее 8 символов.",
    ),
    "auth.password_too_long": (
        "The password may have at most 128 characters.",
        "Пароль может содержать не более 128 символов.",
    ),
    "auth.password_needs_letter_and_digit": (
        "Use at least one letter and one digit.",
        "Используйте хотя бы одну букву и одну цифру.",
    ),
    "auth.password_too_common": (
        "This password is too easy to guess.",
        "Этот пароль слишком легко угадать.",
    ),
    "auth.current_password_wrong": (
        "The current password is not right.",
        "Текущий пароль указан неверно.",
    ),
    "auth.passwords_differ": ("The two passwords do not match.", "Пароли не совпадают."),
    "profile.language_invalid": ("Choose English or Russian.", "Выберите английский или русский."),
    "profile.theme_invalid": ("Choose a theme from the list.", "Выберите тему из списка."),
    "profile.timezone_invalid": (
        "Choose a time zone from the list, e.g. Europe/Moscow.",
        "Выберите часовой пояс из списка, например Europe/Moscow.",
    ),
    "admin.role_invalid": (
        "Choose student, teacher or admin.",
        "Выберите: студент, преподаватель или администратор.",
    ),
    "admin.last_admin": (
        "The school needs at least one active admin.",
        "В школе должен остаться хотя бы один активный администратор.",
    ),
    "admin.no_admin": (
        "No active admin account: run create-admin first.",
        "Нет активного администратора: сначала выполните create-admin.",
    ),
    "admin.cannot_deactivate_self": (
        "You cannot deactivate your own account.",
        "Нельзя отключить собственную учётную запись.",
    ),
    # Roles
    "role.student": ("Student", "Студент"),
    "role.teacher": ("Teacher", "Преподаватель"),
    "role.admin": ("Admin", "Администратор"),
    # Navigation for signed-in users
    "nav.profile": ("Profile", "Профиль"),
    "nav.logout": ("Log out", "Выйти"),
    "nav.admin_users": ("Users", "Пользователи"),
    "nav.account": ("Account", "Учётная запись"),
    # Guard
    "guard.not_allowed_title": ("Not allowed", "Доступ запрещён"),
    "guard.not_allowed_text": (
        "Your account does not have access to this page.",
        "У вашей учётной записи нет доступа к этой странице.",
    ),
    # Login
    "login.title": ("Log in", "Вход"),
    "login.subtitle": (
        "Welcome back. Continue where you left off.",
        "С возвращением. Продолжайте с того места, где остановились.",
    ),
    "login.login_label": ("Email or username", "Email или имя пользователя"),
    "login.password_label": ("Password", "Пароль"),
    "login.submit": ("Log in", "Войти"),
    "login.no_account": ("No account yet?", "Ещё нет учётной записи?"),
    "login.register_link": ("Sign up for free", "Зарегистрируйтесь бесплатно"),
    "login.demo_hint": (
        "Demo accounts are listed in the README and printed by `make run`.",
        "Демо-аккаунты перечислены в README и выводятся командой `make run`.",
    ),
    # Register
    "register.title": ("Create your account", "Создайте учётную запись"),
    "register.subtitle": (
        "Free courses, practice problems and progress tracking.",
        "Бесплатные курсы, тренировочные задачи и отслеживание прогресса.",
    ),
    "register.email": ("Email", "Email"),
    "register.username": ("Username", "Имя пользователя"),
    "register.username_hint": (
        "Shown to teachers; 3–40 Latin letters, digits, . - _",
        "Видно преподавателям; 3–40 латинских букв, цифр, . - _",
    ),
    "register.full_name": ("Full name", "Полное имя"),
    "register.password": ("Password", "Пароль"),
    "register.password_hint": (
        "At least 8 characters with a letter and a digit.",
        "Не менее 8 символов, буква и цифра.",
    ),
    "register.confirm": ("Repeat the password", "Повторите пароль"),
    "register.submit": ("Create account", "Создать учётную запись"),
    "register.have_account": ("Already have an account?", "Уже есть учётная запись?"),
    "register.welcome": (
        "Welcome to MathKallos, {name}!",
        "Добро пожаловать в MathKallos, {name}!",
    ),
    # Profile
    "profile.title": ("Your profile", "Ваш профиль"),
    "profile.details": ("Details and preferences", "Данные и настройки"),
    "profile.email": ("Email", "Email"),
    "profile.role": ("Role", "Роль"),
    "profile.language": ("Language", "Язык"),
    "nav.language_en": ("English", "English"),
    "nav.language_ru": ("Русский", "Русский"),
    "profile.language_auto": ("Follow the browser", "Как в браузере"),
    "profile.theme": ("Theme", "Тема"),
    "profile.theme_system": ("As the system", "Как в системе"),
    "profile.theme_light": ("Light", "Светлая"),
    "profile.theme_dark": ("Dark", "Тёмная"),
    "profile.timezone": ("Time zone", "Часовой пояс"),
    "profile.timezone_hint": (
        "Streaks and daily goals follow this time zone.",
        "Серии дней и дневные цели считаются в этом часовом поясе.",
    ),
    "profile.save": ("Save changes", "Сохранить изменения"),
    "profile.saved": ("Profile saved.", "Профиль сохранён."),
    "profile.password_title": ("Change password", "Смена пароля"),
    "profile.password_text": (
        "Every other device where you are signed in will be logged out.",
        "На всех остальных устройствах будет выполнен выход.",
    ),
    "profile.current_password": ("Current password", "Текущий пароль"),
    "profile.new_password": ("New password", "Новый пароль"),
    "profile.confirm_password": ("Repeat the new password", "Повторите новый пароль"),
    "profile.change_password": ("Change password", "Сменить пароль"),
    "profile.password_changed": (
        "Password changed. Other sessions were logged out.",
        "Пароль изменён. Остальные сеансы завершены.",
    ),
    "profile.data_title": ("Your data", "Ваши данные"),
    "profile.data_text": (
        "Download everything the school keeps about you as a JSON file.",
        "Скачайте всё, что школа хранит о вас, в виде JSON-файла.",
    ),
    "profile.export": ("Download my data", "Скачать мои данные"),
    "profile.delete_title": ("Delete account", "Удаление учётной записи"),
    "profile.delete_text": (
        "Your account and all your personal data are removed for good.",
        "Учётная запись и все ваши персональные данные будут удалены безвозвратно.",
    ),
    "profile.delete_button": ("Delete my account", "Удалить учётную запись"),
    "profile.delete_confirm_title": ("Delete your account?", "Удалить учётную запись?"),
    "profile.delete_confirm_text": (
        "This cannot be undone. Enter your password to confirm.",
        "Это действие нельзя отменить. Введите пароль для подтверждения.",
    ),
    "profile.delete_password": ("Password", "Пароль"),
    "profile.delete_confirm": ("Delete for good", "Удалить навсегда"),
    "profile.deleted": ("Your account has been deleted.", "Ваша учётная запись удалена."),
    "common.cancel": ("Cancel", "Отмена"),
    # Admin: users
    "admin.users_title": ("Users", "Пользователи"),
    "admin.search": ("Search by name, username or email", "Поиск по имени, логину или email"),
    "admin.search_button": ("Search", "Найти"),
    "admin.role_filter": ("Role", "Роль"),
    "admin.status_filter": ("Status", "Статус"),
    "admin.all_roles": ("All roles", "Все роли"),
    "admin.all_statuses": ("Any status", "Любой статус"),
    "admin.status_active": ("Active", "Активен"),
    "admin.status_inactive": ("Deactivated", "Отключён"),
    "admin.col_user": ("User", "Пользователь"),
    "admin.col_role": ("Role", "Роль"),
    "admin.col_status": ("Status", "Статус"),
    "admin.col_joined": ("Joined", "Регистрация"),
    "admin.col_actions": ("Actions", "Действия"),
    "admin.deactivate": ("Deactivate", "Отключить"),
    "admin.reactivate": ("Reactivate", "Включить"),
    "admin.create_user": ("New user", "Новый пользователь"),
    "admin.create_title": ("Create a user", "Создание пользователя"),
    "admin.create_submit": ("Create", "Создать"),
    "admin.created": ("User {username} created.", "Пользователь {username} создан."),
    "admin.updated": ("User {username} updated.", "Пользователь {username} обновлён."),
    "admin.no_users": (
        "No users match these filters.",
        "Нет пользователей, подходящих под фильтры.",
    ),
    "admin.page_of": (
        "Page {page} of {pages} · {total} users",
        "Страница {page} из {pages} · пользователей: {total}",
    ),
    "admin.prev": ("Previous", "Назад"),
    "admin.next": ("Next", "Вперёд"),
    # Levels and topics of courses and problems
    "level.introductory": ("Introductory", "Начальный"),
    "level.regional": ("Regional", "Региональный"),
    "level.national": ("National", "Всероссийский"),
    "level.international": ("International", "Международный"),
    "topic.algebra": ("Algebra", "Алгебра"),
    "topic.inequalities": ("Inequalities", "Неравенства"),
    "topic.number theory": ("Number theory", "Теория чисел"),
    "topic.combinatorics": ("Combinatorics", "Комбинаторика"),
    "topic.geometry": ("Geometry", "Геометрия"),
    "topic.calculus": ("Calculus", "Математический анализ"),
    "topic.analysis": ("Analysis", "Анализ"),
    "topic.linear algebra": ("Linear algebra", "Линейная алгебра"),
    "topic.functional equations": ("Functional equations", "Функциональные уравнения"),
    "topic.sequences": ("Sequences", "Последовательности"),
    "topic.sequences and series": ("Sequences and series", "Последовательности и ряды"),
    "topic.polynomials": ("Polynomials", "Многочлены"),
    # Catalog
    "catalog.title": ("Courses", "Курсы"),
    "catalog.subtitle": (
        "Olympiad preparation by topic and level, with theory, problems and exams.",
        "Подготовка к олимпиадам по темам и уровням: теория, задачи и экзамены.",
    ),
    "catalog.search": ("Search courses", "Поиск курсов"),
    "catalog.search_button": ("Search", "Найти"),
    "catalog.topic": ("Topic", "Тема"),
    "catalog.all_topics": ("All topics", "Все темы"),
    "catalog.level": ("Level", "Уровень"),
    "catalog.all_levels": ("All levels", "Все уровни"),
    "catalog.price": ("Price", "Цена"),
    "catalog.any_price": ("Free and paid", "Бесплатные и платные"),
    "catalog.free": ("Free", "Бесплатно"),
    "catalog.paid": ("Paid", "Платные"),
    "catalog.sort": ("Sort", "Сортировка"),
    "catalog.sort_relevance": ("Best match", "По релевантности"),
    "catalog.sort_newest": ("Newest", "Сначала новые"),
    "catalog.sort_title": ("Title", "По названию"),
    "catalog.sort_level": ("Level", "По уровню"),
    "catalog.empty_title": ("No courses match", "Курсы не найдены"),
    "catalog.empty_text": (
        "Try another word or clear the filters.",
        "Попробуйте другое слово или сбросьте фильтры.",
    ),
    "catalog.clear": ("Clear filters", "Сбросить фильтры"),
    "catalog.found": ("{total} courses", "Курсов: {total}"),
    "catalog.draft": ("Draft", "Черновик"),
    # Course page
    "course.syllabus": ("Syllabus", "Программа"),
    "course.sections": ("Theory", "Теория"),
    "course.tests": ("Practice and exams", "Практика и экзамены"),
    "course.enrol": ("Enrol in this course", "Записаться на курс"),
    "course.enrol_login": ("Log in to enrol", "Войдите, чтобы записаться"),
    "course.enrolled": ("You are enrolled", "Вы записаны"),
    "course.enrolled_toast": (
        "Enrolled. Start with the first section.",
        "Вы записаны. Начните с первого раздела.",
    ),
    "course.progress": ("{percent}% read", "Прочитано: {percent}%"),
    "course.read": ("Read", "Прочитано"),
    "course.practice": ("Practice", "Практика"),
    "course.exam": ("Exam", "Экзамен"),
    "course.min_unit": ("min", "мин"),
    "course.problems_unit": ("problems", "задач"),
    "course.no_tests": ("No tests yet.", "Тестов пока нет."),
    "course.no_sections": ("No sections yet.", "Разделов пока нет."),
    "course.topics": ("Practise a topic", "Практика по темам"),
    "course.topics_help": (
        "A short set of this course's problems on one topic, unsolved ones near your level "
        "first; answers are checked at once, with hints and solutions.",
        "Короткая подборка задач курса по одной теме: сначала нерешённые, близкие к вашему "
        "уровню; ответы проверяются сразу, есть подсказки и решения.",
    ),
    "course.topic_counts": ("{problems} problems · {solved} solved", "задач: {problems} · решено: {solved}"),
    "course.topic_no_problems": ("No problems yet", "Задач пока нет"),
    "course.practise_topic": ("Practise", "Практиковаться"),
    "course.practise_topic_label": ("Practise {topic}", "Практиковаться: {topic}"),
    "course.start_reading": ("Start reading", "Начать чтение"),
    "course.not_found": (
        "This course does not exist or is not published.",
        "Такого курса нет или он не опубликован.",
    ),
    "course.back": ("All courses", "Все курсы"),
    # Reader
    "reader.previous": ("Previous", "Назад"),
    "reader.next": ("Next", "Далее"),
    "reader.mark_read": ("Mark as read", "Отметить прочитанным"),
    "reader.is_read": ("Read", "Прочитано"),
    "reader.marked": (
        "Marked as read · course {percent}% read",
        "Отмечено · курс прочитан на {percent}%",
    ),
    "reader.video": ("Video", "Видео"),
    "reader.back_to_course": ("Back to the course", "К курсу"),
    "reader.login_to_track": (
        "Log in to track your reading progress.",
        "Войдите, чтобы отмечать прогресс чтения.",
    ),
    # Content: errors raised by services
    "content.errors.required": ("This field is required.", "Это поле обязательно."),
    "content.errors.too_long": (
        "This text is too long (at most {detail} characters).",
        "Текст слишком длинный (не более {detail} символов).",
    ),
    "content.errors.wrong_type": ("This value has the wrong type.", "Значение неверного типа."),
    "content.errors.slug_invalid": (
        "Use lowercase Latin letters, digits and hyphens.",
        "Используйте строчные латинские буквы, цифры и дефисы.",
    ),
    "content.errors.slug_taken": ("This address is already taken.", "Этот адрес уже занят."),
    "content.errors.level_unknown": (
        "Choose a level from the list.",
        "Выберите уровень из списка.",
    ),
    "content.errors.topic_invalid": (
        'Topics are short lowercase tags such as "number theory".',
        "Темы — короткие теги строчными буквами, например «number theory».",
    ),
    "content.errors.price_invalid": (
        "The price is a whole non-negative number.",
        "Цена — целое неотрицательное число.",
    ),
    "content.errors.url_invalid": ("Enter a full http(s) link.", "Введите полную ссылку http(s)."),
    "content.errors.kind_unknown": (
        "Choose an answer type from the list.",
        "Выберите тип ответа из списка.",
    ),
    "content.errors.key_invalid": (
        "The answer key does not fit this answer type: {detail}",
        "Ключ ответа не подходит для этого типа ответа: {detail}",
    ),
    "content.errors.options_invalid": (
        "A choice problem needs at least two options with distinct labels.",
        "Задаче с выбором нужно не меньше двух вариантов с разными метками.",
    ),
    "content.errors.options_only_choice": (
        "Options are only for choice problems.",
        "Варианты ответа бывают только у задач с выбором.",
    ),
    "content.errors.list_of_texts": (
        "Every item must be non-empty text.",
        "Каждый пункт должен быть непустым текстом.",
    ),
    "content.errors.difficulty_range": (
        "Difficulty is a whole number from 1 to 10.",
        "Сложность — целое число от 1 до 10.",
    ),
    "content.errors.status_unknown": (
        "Choose a status from the list.",
        "Выберите статус из списка.",
    ),
    "content.errors.mode_unknown": (
        "Choose practice or exam.",
        "Выберите «тренировка» или «экзамен».",
    ),
    "content.errors.duration_required": (
        "An exam needs a duration.",
        "Для экзамена нужна длительность.",
    ),
    "content.errors.duration_range": (
        "Duration is from 1 to 600 minutes.",
        "Длительность — от 1 до 600 минут.",
    ),
    "content.errors.pass_score_range": (
        "The pass score is a percentage from 0 to 100.",
        "Проходной балл — процент от 0 до 100.",
    ),
    "content.errors.points_range": (
        "Points are a whole number from 1 to 100.",
        "Баллы — целое число от 1 до 100.",
    ),
    "content.errors.course_empty": (
        "Add at least one section before publishing.",
        "Добавьте хотя бы один раздел перед публикацией.",
    ),
    "content.errors.test_empty": (
        "Add at least one problem before publishing.",
        "Добавьте хотя бы одну задачу перед публикацией.",
    ),
    "content.errors.problem_not_ready": (
        "Only verified or published problems can be in a published test.",
        "В опубликованном тесте могут быть только проверенные или опубликованные задачи.",
    ),
    "content.errors.problem_unknown": (
        "No such problem in this course.",
        "В этом курсе нет такой задачи.",
    ),
    "content.errors.course_unknown": ("No course with this address.", "Курса с таким адресом нет."),
    "content.errors.duplicate": ("This problem appears twice.", "Эта задача указана дважды."),
    "content.errors.order_mismatch": (
        "The new order must list every section exactly once.",
        "Новый порядок должен содержать каждый раздел ровно один раз.",
    ),
    "content.errors.paging": ("Invalid page.", "Неверная страница."),
    "content.errors.not_published": (
        "This course is not published yet.",
        "Этот курс ещё не опубликован.",
    ),
    "content.errors.enrol_first": (
        "Enrol in this course to read it.",
        "Запишитесь на курс, чтобы читать его.",
    ),
    "content.errors.payment_required": (
        "This course is paid; payments are coming soon.",
        "Этот курс платный; оплата появится позже.",
    ),
    "content.errors.file_type": (
        "Import .json or .csv files.",
        "Импортируйте файлы .json или .csv.",
    ),
    "content.errors.file_unreadable": ("This file cannot be read.", "Не удаётся прочитать файл."),
    "content.errors.file_format": (
        "This is not a MathKallos content file (format/version).",
        "Это не файл контента MathKallos (формат/версия).",
    ),
    "content.errors.column_missing": (
        "A required column is missing.",
        "Не хватает обязательного столбца.",
    ),
    "content.errors.column_unknown": ("Unknown column.", "Неизвестный столбец."),
    "content.errors.row_shape": (
        "This row has the wrong number of cells.",
        "В строке неверное число ячеек.",
    ),
    "content.errors.field_unknown": ("Unknown field.", "Неизвестное поле."),
    # Answer kinds and problem statuses
    "kind.numeric": ("Number", "Число"),
    "kind.symbolic": ("Formula", "Формула"),
    "kind.set": ("Set", "Множество"),
    "kind.tuple": ("Tuple / vector", "Кортеж / вектор"),
    "kind.matrix": ("Matrix", "Матрица"),
    "kind.interval": ("Interval / inequality", "Промежуток / неравенство"),
    "kind.equation": ("Equation", "Уравнение"),
    "kind.complex": ("Complex number", "Комплексное число"),
    "kind.string": ("Text", "Текст"),
    "kind.choice": ("Multiple choice", "Выбор ответа"),
    "kind.steps": ("Step by step", "Пошаговое решение"),
    "kind.proof": ("Proof (teacher review)", "Доказательство (проверяет преподаватель)"),
    "status.draft": ("Draft", "Черновик"),
    "status.verified": ("Verified", "Проверена"),
    "status.published": ("Published", "Опубликована"),
    # Problem editor
    "editor.new_title": ("New problem", "Новая задача"),
    "editor.edit_title": ("Edit problem", "Редактирование задачи"),
    "editor.back_to_course": ("Back to the course editor", "К редактору курса"),
    "editor.statement": ("Statement", "Условие"),
    "editor.markdown_hint": (
        "Markdown with LaTeX: $x^2$ inline, $$ on their own lines for display.",
        "Markdown с LaTeX: $x^2$ в строке, $$ на отдельных строках для выключных формул.",
    ),
    "editor.kind": ("Answer type", "Тип ответа"),
    "editor.difficulty": ("Difficulty (1–10)", "Сложность (1–10)"),
    "editor.status": ("Status", "Статус"),
    "editor.options": ("Options", "Варианты ответа"),
    "editor.options_hint": ("One per line: `A: text`.", "По одному в строке: `A: текст`."),
    "editor.answer_key": ("Answer key", "Ключ ответа"),
    "editor.answer_key_hint": (
        "As a student would type it: sqrt(2)/2, {1,2}, [0, inf), y=2x+1; option labels for choice; the rubric for proofs.",
        "Как ввёл бы студент: sqrt(2)/2, {1,2}, [0, inf), y=2x+1; метки вариантов для выбора; критерии для доказательств.",
    ),
    "editor.key_preview": (
        "The checker understands the key as",
        "Проверяющая система понимает ключ так",
    ),
    "editor.settings": ("Checker settings (JSON)", "Настройки проверки (JSON)"),
    "editor.settings_hint": (
        'E.g. {"form": ["factored"]}, {"abs_tol": 0.01}, {"multiple": true}. See docs/grading.md.',
        'Например {"form": ["factored"]}, {"abs_tol": 0.01}, {"multiple": true}. См. docs/grading.md.',
    ),
    "editor.settings_invalid": (
        "Checker settings must be a JSON object.",
        "Настройки проверки должны быть объектом JSON.",
    ),
    "editor.hints": ("Hints", "Подсказки"),
    "editor.hints_hint": (
        "One hint per line, shown to students one at a time.",
        "По одной подсказке в строке; студенты открывают их по одной.",
    ),
    "editor.solution": ("Worked solution", "Разбор решения"),
    "editor.topics": ("Topics", "Темы"),
    "editor.topics_hint": (
        "Comma-separated tags, e.g. algebra, number theory.",
        "Теги через запятую, например algebra, number theory.",
    ),
    "editor.source": ("Source or attribution", "Источник"),
    "editor.save": ("Save problem", "Сохранить задачу"),
    "editor.saved": ("Problem saved.", "Задача сохранена."),
    "editor.statement_preview": ("Statement preview", "Предпросмотр условия"),
    "editor.solution_preview": ("Solution preview", "Предпросмотр решения"),
    "editor.try_title": ("Try an answer", "Проверить ответ"),
    "editor.try_placeholder": (
        "Type an answer as a student would",
        "Введите ответ, как это сделал бы студент",
    ),
    "editor.try_button": ("Check", "Проверить"),
    "editor.verdict_correct": ("Accepted", "Принято"),
    "editor.verdict_wrong": ("Not accepted", "Не принято"),
    "editor.verdict_invalid": ("Could not read this answer", "Не удалось прочитать ответ"),
    # Teaching: hub, course editor, import
    "nav.teach": ("Teaching", "Преподавание"),
    "teach.title": ("Teaching", "Преподавание"),
    "teach.subtitle": (
        "Your courses, their theory, problems and tests.",
        "Ваши курсы: теория, задачи и тесты.",
    ),
    "teach.new_course": ("New course", "Новый курс"),
    "teach.course_title": ("Title", "Название"),
    "teach.course_summary": ("Summary for the catalog", "Краткое описание для каталога"),
    "teach.create": ("Create", "Создать"),
    "teach.col_course": ("Course", "Курс"),
    "teach.no_courses": (
        "No courses yet. Create the first one.",
        "Курсов пока нет. Создайте первый.",
    ),
    "teach.import": ("Import", "Импорт"),
    "teach.import_title": ("Import courses and problems", "Импорт курсов и задач"),
    "teach.import_text": (
        "Upload a MathKallos JSON file (courses or problems) or a CSV of problems. Every row is checked, answer keys included; if any row is wrong, nothing is saved. The format is described in docs/content-format.md.",
        "Загрузите JSON-файл MathKallos (курсы или задачи) или CSV с задачами. Проверяется каждая строка, включая ключи ответов; если хоть одна строка с ошибкой, ничего не сохраняется. Формат описан в docs/content-format.md.",
    ),
    "teach.import_drop": ("Drop a .json or .csv file here", "Перетащите сюда файл .json или .csv"),
    "teach.import_choose": ("Choose a file", "Выбрать файл"),
    "teach.import_done": ("Imported: {created}.", "Импортировано: {created}."),
    "teach.import_refused": (
        "Nothing was imported: {count} problem(s) found.",
        "Ничего не импортировано: найдено ошибок — {count}.",
    ),
    "teach.import_issue": ("Row {row}, {field}: {message}", "Строка {row}, {field}: {message}"),
    "teach.saved": ("Saved.", "Сохранено."),
    "teach.deleted": ("Deleted.", "Удалено."),
    "teach.save": ("Save", "Сохранить"),
    "teach.save_details": ("Save details", "Сохранить"),
    "teach.slug": ("Address (slug)", "Адрес (slug)"),
    "teach.slug_hint": (
        "Part of the course's web address: lowercase letters, digits and hyphens.",
        "Часть адреса курса: строчные латинские буквы, цифры и дефисы.",
    ),
    "teach.description": ("Description", "Описание"),
    "teach.price_hint": ("0 means free.", "0 — бесплатно."),
    "teach.export": ("Export", "Экспорт"),
    "teach.export_json": ("Course as JSON", "Курс в JSON"),
    "teach.export_csv": ("Problems as CSV", "Задачи в CSV"),
    "teach.publish": ("Publish", "Опубликовать"),
    "teach.unpublish": ("Unpublish", "Снять с публикации"),
    "teach.view": ("View as a student", "Открыть как студент"),
    "teach.tab_details": ("Details", "Описание"),
    "teach.tab_problems": ("Problems", "Задачи"),
    "teach.edit": ("Edit", "Изменить"),
    "teach.delete": ("Delete", "Удалить"),
    "teach.move_up": ("Move up", "Выше"),
    "teach.move_down": ("Move down", "Ниже"),
    "teach.new_section": ("New section", "Новый раздел"),
    "teach.edit_section": ("Edit section", "Редактирование раздела"),
    "teach.section_title": ("Section title", "Название раздела"),
    "teach.section_content": ("Theory (Markdown + LaTeX)", "Теория (Markdown + LaTeX)"),
    "teach.video_url": ("Video link (optional)", "Ссылка на видео (необязательно)"),
    "teach.col_test": ("Test", "Тест"),
    "teach.col_mode": ("Mode", "Режим"),
    "teach.col_problems": ("Problems / points", "Задачи / баллы"),
    "teach.test_title": ("Test title", "Название теста"),
    "teach.duration": ("Minutes (exams)", "Минут (для экзамена)"),
    "teach.add_test": ("Add test", "Добавить тест"),
    "teach.choose_problems": ("Problems", "Задачи"),
    "teach.points": ("Points", "Баллы"),
    "teach.points_hint": (
        "Give points to the problems that belong in this test; leave the others empty.",
        "Укажите баллы для задач, входящих в тест; остальные оставьте пустыми.",
    ),
    # Attempts: errors and notifications from services
    "attempts.answer_empty": ("Please enter an answer.", "Введите ответ."),
    "attempts.answer_too_long": ("The answer is too long (at most {limit} characters).", "Ответ слишком длинный (не более {limit} символов)."),
    "attempts.closed": ("This attempt is already finished.", "Эта попытка уже завершена."),
    "attempts.deadline_passed": ("Time is up: answers are no longer accepted.", "Время вышло: ответы больше не принимаются."),
    "attempts.no_hints_in_exam": ("Hints are not available during an exam.", "Подсказки недоступны во время экзамена."),
    "attempts.no_solution_in_exam": ("Solutions are shown after the exam is submitted.", "Решения будут показаны после сдачи экзамена."),
    "attempts.no_more_hints": ("There are no more hints for this problem.", "Больше подсказок к этой задаче нет."),
    "attempts.solution_locked": ("The solution opens after a correct answer or if you give up.", "Решение откроется после верного ответа или если вы сдадитесь."),
    "attempts.not_finished": ("The attempt is not finished yet.", "Попытка ещё не завершена."),
    "attempts.wrong_mode": ("This action does not match the test's mode.", "Это действие не соответствует режиму теста."),
    "attempts.test_empty": ("This test has no problems yet.", "В этом тесте пока нет задач."),
    "attempts.topic_empty": (
        "There are no problems on this topic to practise in this course yet.",
        "В этом курсе пока нет задач по этой теме для практики.",
    ),
    "attempts.topic_unknown": ("Choose a topic to practise.", "Выберите тему для практики."),
    "attempts.topic_title": ("Practice: {topic}", "Практика: {topic}"),
    "attempts.unknown_event": ("Unknown event.", "Неизвестное событие."),
    "attempts.score_range": ("The score must be between 0 and {points}.", "Оценка должна быть от 0 до {points}."),
    "attempts.comment_too_long": ("The comment is too long (at most {limit} characters).", "Комментарий слишком длинный (не более {limit} символов)."),
    "attempts.status_unknown": ("Unknown attempt status.", "Неизвестный статус попытки."),
    "attempts.notify_reviewed": ("Your answer in “{test}” was graded: {score} of {points}.", "Ваш ответ в «{test}» проверен: {score} из {points}."),
    # Test runner
    "runner.your_answer": ("Your answer", "Ваш ответ"),
    "runner.placeholder.numeric": ("e.g. 3/4, sqrt(2)/2, 2pi", "например 3/4, sqrt(2)/2, 2pi"),
    "runner.placeholder.symbolic": ("e.g. x^2 + 2x + 1, sin(x)/x", "например x^2 + 2x + 1, sin(x)/x"),
    "runner.placeholder.set": ("e.g. {1, 2, 3}", "например {1, 2, 3}"),
    "runner.placeholder.tuple": ("e.g. (2, -1)", "например (2, -1)"),
    "runner.placeholder.matrix": ("e.g. [[1, 2], [3, 4]]", "например [[1, 2], [3, 4]]"),
    "runner.placeholder.interval": ("e.g. (-inf, 1) U [3, inf)", "например (-inf, 1) U [3, inf)"),
    "runner.placeholder.equation": ("e.g. x = 2 or x = -2", "например x = 2 or x = -2"),
    "runner.placeholder.complex": ("e.g. 1 + 2i, 3e^(i pi/4)", "например 1 + 2i, 3e^(i pi/4)"),
    "runner.placeholder.string": ("Type your answer", "Введите ответ"),
    "runner.placeholder.steps": ("2x + 3 = 7\n2x = 4\nx = 2", "2x + 3 = 7\n2x = 4\nx = 2"),
    "runner.placeholder.proof": ("Write your proof; $x^2$ for formulas", "Напишите доказательство; $x^2$ для формул"),
    "runner.steps_help": ("One step per line: each line must follow from the one before.", "По одному шагу в строке: каждая строка должна следовать из предыдущей."),
    "runner.proof_help": ("Write the proof in words; Markdown and $…$ LaTeX are rendered below. A teacher grades it.", "Пишите доказательство словами; Markdown и формулы $…$ показаны ниже. Его проверит преподаватель."),
    "runner.proof_preview": ("Preview", "Предпросмотр"),
    "runner.choose_all": ("Choose every correct option.", "Выберите все верные варианты."),
    "runner.step_n": ("Step {n}:", "Шаг {n}:"),
    "runner.position": ("Problem {number} of {total}", "Задача {number} из {total}"),
    "runner.problem_n": ("Problem", "Задача"),
    "runner.problems": ("Problems", "Задачи"),
    "runner.points": ("pts", "балл."),
    "runner.check": ("Check", "Проверить"),
    "runner.get_hint": ("Hint", "Подсказка"),
    "runner.hint": ("Hint", "Подсказка"),
    "runner.show_solution": ("Show solution", "Показать решение"),
    "runner.give_up": ("Give up", "Сдаться"),
    "runner.give_up_title": ("Give up on this problem?", "Сдаться в этой задаче?"),
    "runner.give_up_text": ("You will see the solution, and this problem will not count as solved.", "Вы увидите решение, а задача не будет засчитана как решённая."),
    "runner.give_up_confirm": ("Show me the solution", "Показать решение"),
    "runner.tries": ("Tries:", "Попыток:"),
    "runner.correct": ("Correct.", "Верно."),
    "runner.incorrect": ("Not correct.", "Неверно."),
    "runner.not_counted": ("Not counted.", "Не засчитано как попытка."),
    "runner.awaiting_review": ("Awaiting review", "Ждёт проверки"),
    "runner.solution": ("Solution", "Решение"),
    "runner.correct_answer": ("Correct answer:", "Верный ответ:"),
    "runner.previous": ("Previous", "Назад"),
    "runner.next": ("Next", "Далее"),
    "runner.autosave": ("Answers are saved as you type.", "Ответы сохраняются по мере ввода."),
    "runner.saved": ("Answer saved.", "Ответ сохранён."),
    "runner.empty_not_saved": ("An empty answer is not saved; your previous answer stays.", "Пустой ответ не сохраняется; остаётся предыдущий."),
    "runner.time_left": ("Time left", "Осталось"),
    "runner.fullscreen": ("Full screen", "Во весь экран"),
    "runner.submit_exam": ("Submit exam", "Сдать экзамен"),
    "runner.finish": ("Finish practice", "Завершить практику"),
    "runner.submit_title": ("Submit the exam?", "Сдать экзамен?"),
    "runner.finish_title": ("Finish this practice run?", "Завершить практику?"),
    "runner.unanswered": ("Problems without an answer:", "Задач без ответа:"),
    "runner.all_answered": ("Every problem has an answer.", "На все задачи дан ответ."),
    "runner.keep_working": ("Keep working", "Продолжить"),
    "runner.submit_confirm": ("Submit", "Сдать"),
    "runner.back_to_course": ("Back to the course", "Назад к курсу"),
    "runner.exam_rules": ("The server's clock rules: when time is up, your saved answers are submitted. Hints, solutions and the tutor are off during the exam; leaving the tab is recorded.", "Время считает сервер: когда оно выйдет, сохранённые ответы будут сданы. Подсказки, решения и ИИ-тьютор во время экзамена недоступны; уход со вкладки фиксируется."),
    "runner.practice_rules": ("Check as often as you like; hints cost nothing but are recorded. The solution opens after a correct answer or if you give up.", "Проверяйте сколько угодно; подсказки бесплатны, но учитываются. Решение откроется после верного ответа или если вы сдадитесь."),
    "runner.no_answer": ("No answer", "Нет ответа"),
    "runner.score": ("Score", "Баллы"),
    "runner.percent": ("Result", "Результат"),
    "runner.time_used": ("Time used", "Затрачено"),
    "runner.min": ("min", "мин"),
    "runner.sec": ("s", "с"),
    "runner.provisional": ("Provisional", "Предварительно"),
    "runner.provisional_note": ("A teacher has not graded every answer yet; the score may still go up.", "Преподаватель ещё проверяет ответы; баллы могут вырасти."),
    "runner.passed": ("Passed", "Сдано"),
    "runner.not_passed": ("Below the pass mark", "Ниже проходного балла"),
    "runner.submitted_note": ("Submitted. Here are your results with the correct answers and solutions.", "Сдано. Ваши результаты с верными ответами и решениями."),
    "runner.expired_note": ("Time ran out, so your saved answers were submitted automatically.", "Время вышло, поэтому сохранённые ответы сданы автоматически."),
    "course.start_practice": ("Practise", "Практиковаться"),
    "course.start_exam": ("Start exam", "Начать экзамен"),
    "course.start_exam_confirm": ("Start the clock", "Запустить таймер"),
    "course.exam_warning": ("This is a timed exam of {minutes} minutes. The clock starts now and keeps running if you close the tab; answers are saved as you type.", "Это экзамен на {minutes} мин. Таймер запустится сейчас и не остановится, если закрыть вкладку; ответы сохраняются по мере ввода."),
    "runner.you_entered": ("You entered:", "Вы ввели:"),
    # KPI: dashboard cards, mastery rule, achievements, report reasons (services)
    "kpi.card.tests_taken": ("Tests taken", "Пройдено тестов"),
    "kpi.card.avg_score": ("Average score, %", "Средний балл, %"),
    "kpi.card.time_spent": ("Minutes of study", "Минут занятий"),
    "kpi.card.topics_mastered": ("Topics mastered", "Освоено тем"),
    "kpi.card.streak": ("Days in a row", "Дней подряд"),
    "kpi.card.xp": ("Experience (XP)", "Опыт (XP)"),
    "kpi.mastery_rule": ("A topic counts as mastered while at least {needed} of your last {window} answers on it are correct.", "Тема считается освоенной, пока не менее {needed} из ваших последних {window} ответов по ней верны."),
    "kpi.achievement.first_solve.title": ("First solve", "Первая задача"),
    "kpi.achievement.first_solve.description": ("Solve your first problem.", "Решите первую задачу."),
    "kpi.achievement.first_exam.title": ("First exam", "Первый экзамен"),
    "kpi.achievement.first_exam.description": ("Finish your first exam.", "Завершите первый экзамен."),
    "kpi.achievement.streak_7.title": ("A week in a row", "Неделя подряд"),
    "kpi.achievement.streak_7.description": ("Study 7 days in a row.", "Занимайтесь 7 дней подряд."),
    "kpi.achievement.streak_30.title": ("A month in a row", "Месяц подряд"),
    "kpi.achievement.streak_30.description": ("Study 30 days in a row.", "Занимайтесь 30 дней подряд."),
    "kpi.achievement.solved_100.title": ("Hundred problems", "Сто задач"),
    "kpi.achievement.solved_100.description": ("Solve 100 different problems.", "Решите 100 разных задач."),
    "kpi.achievement.topic_mastered.title": ("Topic mastered", "Тема освоена"),
    "kpi.achievement.topic_mastered.description": ("Master your first topic.", "Освойте первую тему."),
    "kpi.achievement.topics_5.title": ("Five topics", "Пять тем"),
    "kpi.achievement.topics_5.description": ("Master 5 topics.", "Освойте 5 тем."),
    "kpi.achievement.reader_10.title": ("Reader", "Читатель"),
    "kpi.achievement.reader_10.description": ("Read 10 sections of theory.", "Прочитайте 10 разделов теории."),
    "kpi.achievement.level_5.title": ("Level 5", "Уровень 5"),
    "kpi.achievement.level_5.description": ("Reach level 5.", "Достигните 5-го уровня."),
    "kpi.risk.inactive": ("No activity for two weeks", "Нет активности две недели"),
    "kpi.risk.falling": ("Scores are falling", "Баллы снижаются"),
    "kpi.errors.filter": ("Unknown filter value.", "Неизвестное значение фильтра."),
    # Teacher review, attempts of a course, notifications
    "nav.review": ("Review queue", "Очередь проверки"),
    "nav.attempts": ("Attempts", "Попытки"),
    "nav.notifications": ("Notifications", "Уведомления"),
    "verdict.reviewed": ("Graded by a teacher", "Проверено преподавателем"),
    "review.title": ("Review queue", "Очередь проверки"),
    "review.subtitle": (
        "Proofs and answers the checker could not settle, oldest first. A grade updates the attempt's score and tells the student.",
        "Доказательства и ответы, которые не смогла оценить программа, — сначала самые старые. Оценка обновляет баллы попытки, студент получает уведомление.",
    ),
    "review.course_filter": ("Course", "Курс"),
    "review.all_courses": ("All my courses", "Все мои курсы"),
    "review.waiting": ("{count} awaiting review", "Ждут проверки: {count}"),
    "review.empty": (
        "Nothing to review. Proofs appear here as soon as students submit them.",
        "Проверять нечего. Доказательства появятся здесь, как только студенты их сдадут.",
    ),
    "review.submitted": ("Submitted", "Сдано"),
    "review.in_practice": ("in practice", "в практике"),
    "review.statement": ("Problem", "Условие"),
    "review.student_answer": ("Student's answer", "Ответ студента"),
    "review.rubric": ("Rubric / answer key", "Критерии / ключ"),
    "review.solution": ("Worked solution", "Решение"),
    "review.score": ("Score", "Оценка"),
    "review.quick": ("Quick marks", "Быстрая оценка"),
    "review.zero": ("Nothing", "Ничего"),
    "review.half": ("Half", "Половина"),
    "review.full": ("Full marks", "Полный балл"),
    "review.comment": ("Comment for the student", "Комментарий для студента"),
    "review.comment_placeholder": (
        "What was right, what is missing; Markdown and $…$ work.",
        "Что верно, чего не хватает; можно Markdown и $…$.",
    ),
    "review.save": ("Save grade", "Сохранить оценку"),
    "review.graded": (
        "Graded {score} of {points}. {student}'s attempt now has {total} of {max}.",
        "Оценено: {score} из {points}. У попытки студента {student} теперь {total} из {max}.",
    ),
    "review.open_attempt": ("Open the attempt", "Открыть попытку"),
    "review.go_to_queue": ("Grade in the review queue", "Оценить в очереди проверки"),
    "attempt_list.title": ("Attempts", "Попытки"),
    "attempt_list.subtitle": (
        "Every start of a test in your courses, newest first.",
        "Все прохождения тестов в ваших курсах, сначала новые.",
    ),
    "attempt_list.subtitle_admin": (
        "Every start of a test in every course, newest first.",
        "Все прохождения тестов во всех курсах, сначала новые.",
    ),
    "attempt_list.test_filter": ("Test", "Тест"),
    "attempt_list.all_tests": ("All tests", "Все тесты"),
    "attempt_list.status_filter": ("Status", "Статус"),
    "attempt_list.any_status": ("Any status", "Любой статус"),
    "attempt_list.search": ("Student: name, username or e-mail", "Студент: имя, логин или e-mail"),
    "attempt_list.col_student": ("Student", "Студент"),
    "attempt_list.col_test": ("Test", "Тест"),
    "attempt_list.col_started": ("Started", "Начало"),
    "attempt_list.col_status": ("Status", "Статус"),
    "attempt_list.col_score": ("Score", "Баллы"),
    "attempt_list.empty": ("No attempts match these filters.", "Нет попыток, подходящих под фильтры."),
    "attempt_list.page_of": (
        "Page {page} of {pages} · {total} attempts",
        "Страница {page} из {pages} · попыток: {total}",
    ),
    "attempt_status.in_progress": ("In progress", "Идёт"),
    "attempt_status.submitted": ("Submitted", "Сдана"),
    "attempt_status.expired": ("Time ran out", "Время вышло"),
    "attempt_detail.back": ("All attempts", "Все попытки"),
    "attempt_detail.student": ("Student", "Студент"),
    "attempt_detail.started": ("Started", "Начало"),
    "attempt_detail.deadline": ("Deadline", "Срок"),
    "attempt_detail.no_deadline": ("No time limit", "Без ограничения времени"),
    "attempt_detail.submitted": ("Submitted", "Сдано"),
    "attempt_detail.not_submitted": ("Not yet", "Ещё нет"),
    "attempt_detail.answers": ("Answers", "Ответы"),
    "attempt_detail.review_comment": ("Teacher's comment", "Комментарий преподавателя"),
    "attempt_detail.hints": ("Hints used:", "Подсказок:"),
    "attempt_detail.gave_up": ("Gave up", "Сдался"),
    "attempt_detail.events": ("Proctoring events", "События прокторинга"),
    "attempt_detail.no_events": ("No proctoring events were recorded.", "События прокторинга не записаны."),
    "proctoring.tab_hidden": ("Left the tab", "Ушёл со вкладки"),
    "proctoring.tab_visible": ("Came back to the tab", "Вернулся на вкладку"),
    "proctoring.window_blur": ("Left the window", "Ушёл из окна"),
    "proctoring.window_focus": ("Came back to the window", "Вернулся в окно"),
    "proctoring.copy": ("Copied text", "Скопировал текст"),
    "proctoring.paste": ("Pasted text", "Вставил текст"),
    "proctoring.fullscreen_exit": ("Left full screen", "Вышел из полноэкранного режима"),
    "proctoring.fullscreen_enter": ("Entered full screen", "Перешёл в полноэкранный режим"),
    "notifications.title": ("Notifications", "Уведомления"),
    "notifications.mark_all_read": ("Mark all as read", "Отметить все прочитанными"),
    "notifications.marked": ("All notifications are marked as read.", "Все уведомления отмечены прочитанными."),
    "notifications.empty": (
        "No notifications yet. You will hear here when a teacher grades your proof.",
        "Уведомлений пока нет. Здесь появится сообщение, когда преподаватель проверит ваше доказательство.",
    ),
    "notifications.unread": ("New", "Новое"),
    "notifications.open": ("Open", "Открыть"),
    # Student dashboard
    "dashboard.title": ("Your progress", "Ваш прогресс"),
    "dashboard.progress": ("Charts", "Графики"),
    "dashboard.no_change": ("no change this week", "без изменений за неделю"),
    "dashboard.change_7d": ("{change} in 7 days", "{change} за 7 дней"),
    "dashboard.level": ("Level", "Уровень"),
    "dashboard.xp_to_next": ("XP to the next level", "XP до следующего уровня"),
    "dashboard.streak": ("Current streak:", "Серия сейчас:"),
    "dashboard.best_streak": ("best:", "лучшая:"),
    "dashboard.continue": ("Continue where you left off", "Продолжить с того места"),
    "dashboard.continue_button": ("Continue", "Продолжить"),
    "dashboard.nothing_to_continue": ("Nothing started yet.", "Пока ничего не начато."),
    "dashboard.browse": ("Browse courses", "Выбрать курс"),
    "dashboard.suggested": ("Suggested next", "Что решать дальше"),
    "dashboard.weakest_topic": ("Your weakest topic:", "Самая слабая тема:"),
    "dashboard.unsolved": ("unsolved problems: {count}", "нерешённых задач: {count}"),
    "dashboard.practise_topic": ("Practise this topic", "Потренировать эту тему"),
    "dashboard.no_suggestion": ("Solve a few problems and we will suggest what to practise.", "Решите несколько задач, и мы подскажем, что потренировать."),
    "dashboard.chart.score": ("Score by day", "Баллы по дням"),
    "dashboard.chart.minutes": ("Minutes of study per day", "Минут занятий в день"),
    "dashboard.chart.activity": ("Activity", "Активность"),
    "dashboard.chart.mastery": ("Mastery by topic (recent answers)", "Освоение тем (последние ответы)"),
    "dashboard.no_activity": ("No activity yet: solve a problem or read a section and your charts appear here.", "Активности пока нет: решите задачу или прочитайте раздел, и здесь появятся графики."),
    "dashboard.weekdays": ("Mon,Tue,Wed,Thu,Fri,Sat,Sun", "Пн,Вт,Ср,Чт,Пт,Сб,Вс"),
    "dashboard.achievements": ("Achievements", "Достижения"),
    "dashboard.history": ("Attempt history", "История попыток"),
    "dashboard.filter_mode": ("Filter by mode", "Фильтр по режиму"),
    "dashboard.filter_status": ("Filter by status", "Фильтр по статусу"),
    "dashboard.all_modes": ("All modes", "Все режимы"),
    "dashboard.all_statuses": ("All statuses", "Все статусы"),
    "dashboard.col_test": ("Test", "Тест"),
    "dashboard.col_mode": ("Mode", "Режим"),
    "dashboard.col_status": ("Status", "Статус"),
    "dashboard.col_when": ("When (UTC)", "Когда (UTC)"),
    "dashboard.col_score": ("Score", "Баллы"),
    "dashboard.no_attempts": ("No attempts match.", "Попыток не найдено."),
    "dashboard.page": ("Page", "Страница"),
    # Reports
    "reports.course_title": ("Report:", "Отчёт:"),
    "reports.school_title": ("School report", "Отчёт по школе"),
    "reports.download_csv": ("Download CSV", "Скачать CSV"),
    "reports.students": ("Students", "Студентов"),
    "reports.enrolments": ("Enrolments", "Записей на курсы"),
    "reports.active_7": ("Active, 7 days", "Активны за 7 дней"),
    "reports.active_30": ("Active, 30 days", "Активны за 30 дней"),
    "reports.average": ("Average score", "Средний балл"),
    "reports.daily_active": ("Daily active users", "Активные пользователи по дням"),
    "reports.courses": ("Courses", "Курсы"),
    "reports.tests": ("Tests", "Тесты"),
    "reports.problems": ("Problems", "Задачи"),
    "reports.hardest": ("Hardest problems", "Самые трудные задачи"),
    "reports.at_risk": ("Students at risk", "Студенты в зоне риска"),
    "reports.discrimination_help": ("Discrimination: success in the top 27% of attempts minus the bottom 27% (from −1 to +1); near zero or negative means the problem does not tell strong from weak students.", "Дискриминативность: доля верных ответов у лучших 27% попыток минус у худших 27% (от −1 до +1); около нуля или меньше — задача не отличает сильных от слабых."),
    "reports.col_course": ("Course", "Курс"),
    "reports.col_test": ("Test", "Тест"),
    "reports.col_attempts": ("Attempts", "Попыток"),
    "reports.col_average": ("Average", "Средний"),
    "reports.col_problem": ("Problem", "Задача"),
    "reports.col_answers": ("Answers", "Ответов"),
    "reports.col_success": ("Success", "Верно"),
    "reports.col_seconds": ("Avg. seconds", "Ср. секунд"),
    "reports.col_hints": ("Used hints", "С подсказкой"),
    "reports.col_discrimination": ("Discrimination", "Дискрим."),
    "reports.col_student": ("Student", "Студент"),
    "reports.col_last_active": ("Last active", "Последняя активность"),
    "reports.col_reasons": ("Why", "Причина"),
    "reports.no_tests": ("No tests yet.", "Тестов пока нет."),
    "reports.no_problems": ("No answers yet.", "Ответов пока нет."),
    "reports.no_courses": ("No courses yet.", "Курсов пока нет."),
    "reports.nobody_at_risk": ("Nobody is at risk.", "Никто не в зоне риска."),
    "nav.reports": ("Reports", "Отчёты"),
    "nav.report": ("Report", "Отчёт"),
    "reports.title": ("Results", "Результаты"),
    # Grading feedback (services/grading/feedback.py): codes, and the words put in them
    "grading.correct": ("Correct.", "Верно."),
    "grading.incorrect": ("Not correct.", "Неверно."),
    "grading.syntax_error": ("Could not read your answer: {detail}.", "Не удалось прочитать ответ: {detail}."),
    "grading.too_large": ("Could not check this expression: {detail}.", "Не удалось проверить это выражение: {detail}."),
    "grading.limit": ("Could not check this expression (it needs too much time or memory).", "Не удалось проверить это выражение (нужно слишком много времени или памяти)."),
    "grading.wrong_type": ("Expected {expected}, but your answer is {got}.", "Ожидается {expected}, а ваш ответ — {got}."),
    "grading.number_expected": ("Enter a number, not an expression with variables.", "Введите число, а не выражение с переменными."),
    "grading.exact_expected": ("Your answer is close, but an exact value is expected (not a decimal).", "Близко, но нужен точный ответ (не десятичная дробь)."),
    "grading.outside_tolerance": ("Not correct: your value is outside the allowed tolerance.", "Неверно: значение вне допустимой погрешности."),
    "grading.sig_figs": ("Not correct to {sig_figs} significant figures.", "Неверно с точностью до {sig_figs} значащих цифр."),
    "grading.sign_error": ("Not correct: check the sign.", "Неверно: проверьте знак."),
    "grading.equivalent_not_expanded": ("Equivalent, but not expanded.", "Равносильно, но скобки не раскрыты."),
    "grading.equivalent_not_factored": ("Equivalent, but not fully factored.", "Равносильно, но не разложено на множители до конца."),
    "grading.equivalent_not_simplified_fraction": ("Equivalent, but the fraction is not simplified.", "Равносильно, но дробь не сокращена."),
    "grading.equivalent_has_decimals": ("Equivalent, but write it without decimals.", "Равносильно, но запишите без десятичных дробей."),
    "grading.equivalent_not_rectangular": ("Equivalent, but write it in the form a + bi.", "Равносильно, но запишите в виде a + bi."),
    "grading.missing_constant": ("Add the constant of integration (+ C).", "Добавьте постоянную интегрирования (+ C)."),
    "grading.elements_wrong": ("Not correct: {missing} expected element(s) missing, {extra} wrong.", "Неверно: не хватает элементов: {missing}, лишних: {extra}."),
    "grading.wrong_multiplicity": ("Check how many times each element appears.", "Проверьте, сколько раз встречается каждый элемент."),
    "grading.wrong_order": ("The right elements, but in the wrong order.", "Элементы верные, но порядок неправильный."),
    "grading.wrong_length": ("Expected {expected} component(s), got {got}.", "Ожидается компонент: {expected}, получено: {got}."),
    "grading.components_wrong": ("Not correct: component(s) {positions} are wrong.", "Неверно: ошибочные компоненты: {positions}."),
    "grading.matrix_shape": ("Expected a {rows}×{cols} matrix, got {got_rows}×{got_cols}.", "Ожидается матрица {rows}×{cols}, получена {got_rows}×{got_cols}."),
    "grading.matrix_entries": ("Not correct: {count} entr(y/ies) are wrong.", "Неверно: ошибочных элементов: {count}."),
    "grading.interval_endpoints": ("Almost: check whether the endpoints are included.", "Почти: проверьте, включены ли концы промежутка."),
    "grading.not_same_solutions": ("Not correct: this does not have the same solutions.", "Неверно: множество решений не совпадает."),
    "grading.choice_partial": ("Partly correct: {right} of {total} correct option(s), {wrong} wrong.", "Частично верно: верных вариантов {right} из {total}, неверных {wrong}."),
    "grading.choice_unknown_option": ("Unknown option(s): {options}.", "Неизвестные варианты: {options}."),
    "grading.step_wrong": ("Step {step} does not follow from step {previous}.", "Шаг {step} не следует из шага {previous}."),
    "grading.step_equality_wrong": ("In step {step}, the {which} equality does not hold.", "В шаге {step} не выполняется {which} равенство."),
    "grading.step_wrong_start": ("Step 1 does not follow from the problem statement.", "Шаг 1 не следует из условия задачи."),
    "grading.steps_wrong_result": ("Every step is valid, but the last one is not the expected answer.", "Все шаги верны, но последний не совпадает с ответом."),
    "grading.needs_review": ("Your answer has been saved and will be reviewed by a teacher.", "Ответ сохранён, его проверит преподаватель."),
    "grading.invalid_key": ("This problem's answer key is invalid; a teacher will review your answer.", "Ключ ответа к этой задаче некорректен; ваш ответ проверит преподаватель."),
    "grading.term.one option": ("one option", "один вариант"),
    "grading.term.several options": ("several options", "несколько вариантов"),
    "grading.term.an equation": ("an equation", "уравнение"),
    "grading.term.a list of values": ("a list of values", "список значений"),
    "grading.term.an expression": ("an expression", "выражение"),
    "grading.term.a single expression": ("a single expression", "одно выражение"),
    "grading.term.a matrix": ("a matrix", "матрица"),
    "grading.term.a matrix with equal rows": ("a matrix with equal rows", "матрица со строками одинаковой длины"),
    "grading.term.rows of different lengths": ("rows of different lengths", "строки разной длины"),
    "grading.term.an interval or inequality": ("an interval or inequality", "промежуток или неравенство"),
    "grading.term.a set": ("a set", "множество"),
    "grading.term.a list, point or interval": ("a list, point or interval", "список, точка или промежуток"),
    "grading.term.an equation or inequality": ("an equation or inequality", "уравнение или неравенство"),
    "grading.term.a union of sets": ("a union of sets", "объединение множеств"),
    "grading.term.first": ("first", "первое"),
    "grading.term.second": ("second", "второе"),
    "grading.term.third": ("third", "третье"),
    "grading.term.fourth": ("fourth", "четвёртое"),
    "grading.term.fifth": ("fifth", "пятое"),
    "grading.term.sixth": ("sixth", "шестое"),
    "grading.term.seventh": ("seventh", "седьмое"),
    "grading.term.eighth": ("eighth", "восьмое"),
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


def translate_tag(prefix: str, value: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A data value through the catalog (`topic.algebra` → "Algebra"), or as itself if the
    catalog does not know it."""
    return translate(prefix + value, lang) if has_key(prefix + value) else value


def has_key(key: str) -> bool:
    return key in _MESSAGES


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
