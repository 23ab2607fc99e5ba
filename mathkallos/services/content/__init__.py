"""Courses, theory sections, the problem bank and tests: reading, authoring, search, import.

Pages and the API call these functions with keyword arguments `(*, session, actor, ...)`; they
return the DTOs in `dto` and raise the domain errors of `mathkallos.services.errors`.
"""

from mathkallos.services.content.catalog import (
    course_progress,
    enroll,
    get_course,
    get_section,
    list_courses,
    mark_section_read,
    my_courses,
)
from mathkallos.services.content.courses import (
    authored_courses,
    create_course,
    create_section,
    delete_course,
    delete_section,
    get_course_for_editing,
    reorder_sections,
    set_course_published,
    update_course,
    update_section,
)
from mathkallos.services.content.demo import load_demo_courses
from mathkallos.services.content.exporter import (
    export_course,
    export_courses_json,
    export_problems_csv,
    export_problems_json,
)
from mathkallos.services.content.importer import import_file, import_json_text, import_upload
from mathkallos.services.content.problems import (
    course_problems,
    create_problem,
    delete_problem,
    get_problem,
    get_problem_authoring,
    list_problems,
    preview_key,
    set_problem_status,
    try_answer,
    update_problem,
)
from mathkallos.services.content.search import search_content
from mathkallos.services.content.tests_admin import (
    create_test,
    delete_test,
    get_test_problems,
    set_test_problems,
    set_test_published,
    update_test,
)

__all__ = [
    "authored_courses",
    "course_problems",
    "course_progress",
    "create_course",
    "create_problem",
    "create_section",
    "create_test",
    "delete_course",
    "delete_problem",
    "delete_section",
    "delete_test",
    "enroll",
    "export_course",
    "export_courses_json",
    "export_problems_csv",
    "export_problems_json",
    "get_course",
    "get_course_for_editing",
    "get_problem",
    "get_problem_authoring",
    "get_section",
    "get_test_problems",
    "import_file",
    "import_json_text",
    "import_upload",
    "list_courses",
    "list_problems",
    "load_demo_courses",
    "mark_section_read",
    "my_courses",
    "preview_key",
    "reorder_sections",
    "search_content",
    "set_course_published",
    "set_problem_status",
    "set_test_problems",
    "set_test_published",
    "try_answer",
    "update_course",
    "update_problem",
    "update_section",
    "update_test",
]
