"""The course editor page, split by tab."""

from mathkallos.pages.course_editor.page import course_editor_page
from mathkallos.pages.course_editor.state import CourseEditorState

__all__ = ["CourseEditorState", "course_editor_page"]
