"""Full-text search on both engines: titles, summaries and statements, ranked, visibility-aware."""

from mathkallos.services import content
from tests.integration.services.content.factories import make_course, make_problem


def test_finds_a_word_in_a_course_title_and_ranks_titles_above_summaries(session, teacher):
    make_course(session, teacher, "Inequalities", summary="Means and tricks")
    make_course(session, teacher, "Algebra basics", summary="Polynomials and inequalities")
    make_course(session, teacher, "Number theory", summary="Primes")
    page = content.list_courses(session=session, actor=None, query="inequalities")
    assert [c.title for c in page.items] == ["Inequalities", "Algebra basics"]
    hits = content.search_content(session=session, actor=None, query="Inequal")
    assert [h.title for h in hits if h.kind == "course"] == ["Inequalities", "Algebra basics"]


def test_finds_a_word_in_a_problem_statement(session, teacher):
    course = make_course(session, teacher, "Inequalities")
    make_problem(session, teacher, course_id=course.id, statement="Prove Nesbitt's inequality.")
    make_problem(session, teacher, statement="Find all primes p with p^2 + 2 prime.")
    hits = content.search_content(session=session, actor=None, query="nesbitt")
    assert [(h.kind, h.course_slug) for h in hits] == [("problem", course.slug)]
    assert content.list_problems(session=session, actor=None, query="primes").total == 1


def test_all_words_must_match_and_operators_are_harmless(session, teacher):
    make_course(session, teacher, "Number theory", summary="Primes and congruences")
    assert content.list_courses(session=session, actor=None, query="primes congruences").total == 1
    assert content.list_courses(session=session, actor=None, query="primes geometry").total == 0
    for nasty in ('"', "AND OR NOT", "prime*) OR (x", "':* & !", ""):
        content.search_content(session=session, actor=None, query=nasty)  # never an SQL error


def test_unpublished_content_is_not_found_by_students(session, teacher, student):
    make_course(session, teacher, "Hidden combinatorics", published=False)
    make_problem(session, teacher, statement="A hidden pigeonhole problem.", status="draft")
    for actor in (None, student):
        assert content.search_content(session=session, actor=actor, query="hidden") == []
    found = content.search_content(session=session, actor=teacher, query="hidden")
    assert sorted(h.kind for h in found) == ["course", "problem"]


def test_index_follows_edits_and_deletes(session, teacher):
    course = make_course(session, teacher, "Geometry")
    content.update_course(
        session=session, actor=teacher, course_id=course.id, title="Projective geometry"
    )
    session.commit()
    assert content.list_courses(session=session, actor=None, query="projective").total == 1
    content.delete_course(session=session, actor=teacher, course_id=course.id)
    session.commit()
    assert content.search_content(session=session, actor=teacher, query="geometry") == []
