"""Public forms: the story filters and the search box.

Plain GET forms so that every state of the listing has a URL that can be shared,
bookmarked and paged through, and works without JavaScript.
"""

from types import SimpleNamespace

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms import routing
from cms.search import MAX_QUERY_CHARS


class StoryFilterForm(forms.Form):
    """Country, marketplace and specialisation filters for a story index.

    The choices are the values that occur in the index's stories, so a visitor never
    picks a filter that can only lead to an empty page. An unknown value in a crafted
    URL is reported next to its field and ignored; the other filters still apply.
    """

    country = forms.ChoiceField(label=_("Country"), required=False)
    marketplace = forms.ChoiceField(label=_("Marketplace"), required=False)
    specialisation = forms.ChoiceField(label=_("Specialisation"), required=False)

    def __init__(self, data, *, countries, marketplaces, specialisations):
        # Only the filter keys: "page" and anything else in the URL is not ours.
        data = {key: data.get(key, "") for key in ("country", "marketplace", "specialisation")}
        data["country"] = data["country"].strip().upper()
        super().__init__(data)
        self.fields["country"].choices = [("", _("All countries"))] + sorted(
            ((c.code, c.name) for c in countries), key=lambda item: item[1]
        )
        self.fields["marketplace"].choices = [("", _("All marketplaces"))] + sorted(
            ((m.slug, m.name) for m in marketplaces), key=lambda item: item[1]
        )
        self.fields["specialisation"].choices = [("", _("All specialisations"))] + sorted(
            ((s.slug, s.name) for s in specialisations), key=lambda item: item[1]
        )

    @classmethod
    def for_index(cls, data, index):
        """The form for a story index, its choices kept until the site's content changes
        (three DISTINCT queries over the stories otherwise, on every visit)."""
        from cms.models import Country, Marketplace, Specialisation

        def choices():
            stories = index.stories()
            return {
                "countries": [
                    SimpleNamespace(code=c.code, name=str(c.name))
                    for c in Country.objects.filter(success_stories__in=stories).distinct()
                ],
                "marketplaces": [
                    SimpleNamespace(slug=m.slug, name=str(m.name))
                    for m in Marketplace.objects.filter(success_stories__in=stories).distinct()
                ],
                "specialisations": [
                    SimpleNamespace(slug=s.slug, name=str(s.name))
                    for s in Specialisation.objects.filter(success_stories__in=stories).distinct()
                ],
            }

        key = f"cms:story-filters:{index.pk}:{get_language()}"
        return cls(data, **routing.kept(key, choices))

    def active_filters(self):
        """The filters that are both valid and set."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {key: value for key, value in cleaned.items() if value}


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        # The box accepts what people paste; the view cuts long input to
        # MAX_QUERY_CHARS instead of refusing it.
        widget=forms.TextInput(
            attrs={"type": "search", "id": "search-q", "maxlength": MAX_QUERY_CHARS * 5}
        ),
    )
