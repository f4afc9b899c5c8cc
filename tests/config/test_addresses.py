"""``{% url %}`` answers as Django's tag does, from what each process remembers."""

import pytest

from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from config import addresses


def render(source, **context):
    return Template(source).render(Context(context))


def test_the_tag_is_the_remembering_one_everywhere():
    nodes = Template("{% url 'learning:dashboard' %}").nodelist
    assert isinstance(nodes[0], addresses.RememberedURLNode)


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_addresses_follow_the_language_and_the_arguments(language):
    addresses._remembered.cache_clear()
    with translation.override(language):
        for lesson_id in (3, 4, 3):
            html = render("{% url 'learning:lesson-done' lesson_id %}", lesson_id=lesson_id)
            assert html == reverse("learning:lesson-done", args=[lesson_id])
            assert html.startswith(f"/{language}/")
        assert render("{% url 'learning:lesson-done' lesson_id=7 %}") == reverse(
            "learning:lesson-done", kwargs={"lesson_id": 7}
        )
    assert addresses._remembered.cache_info().hits >= 1


def test_as_variable_unknown_names_and_unkeyable_arguments():
    assert render("{% url 'no-such-view' as missing %}[{{ missing }}]") == "[]"
    with pytest.raises(NoReverseMatch):
        render("{% url 'no-such-view' %}")
    with translation.override("en"):
        # A lazy or safe string is not a key: reversed as before, the same answer.
        from django.utils.safestring import mark_safe

        assert render("{% url 'learning:lesson-done' n %}", n=mark_safe("5")) == reverse(
            "learning:lesson-done", args=["5"]
        )
    with pytest.raises(TemplateSyntaxError):
        Template("{% url %}")


def test_output_is_escaped_like_djangos():
    request = RequestFactory().get("/")
    source = "{% url 'search' %}?q={{ q }}"
    with translation.override("en"):
        html = Template(source).render(Context({"q": "<b>", "request": request}))
        assert html == reverse("search") + "?q=&lt;b&gt;"
