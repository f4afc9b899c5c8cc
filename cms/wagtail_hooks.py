"""Admin registration of the site's reference data, grouped under one menu item."""

from django import forms
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import Country, ExchangeRate, Marketplace, PayoutMethod, Specialisation

# Addresses and patterns read left to right even in the Arabic admin.
LTR_TEXT = forms.TextInput(attrs={"dir": "ltr"})
LTR_URL = forms.URLInput(attrs={"dir": "ltr"})

NAME_PANELS = [
    FieldRowPanel(
        [
            FieldPanel("name_ar", widget=forms.TextInput(attrs={"dir": "rtl"})),
            FieldPanel("name_en", widget=LTR_TEXT),
            FieldPanel("name_fr", widget=LTR_TEXT),
        ],
        heading=_("Name"),
    )
]


class ReferenceDataViewSet(SnippetViewSet):
    """Shared settings: small tables searched with the ORM (no search index needed)."""

    search_backend_name = None
    copy_view_enabled = False
    list_per_page = 50


class MarketplaceViewSet(ReferenceDataViewSet):
    model = Marketplace
    icon = "site"
    menu_order = 100
    list_display = [
        "name",
        "slug",
        "commission_percent",
        "currency",
        "minimum_price",
        "price_step",
        "pricing_checked_on",
    ]
    search_fields = ["name_ar", "name_en", "name_fr", "slug"]
    panels = [
        FieldPanel("slug", widget=LTR_TEXT),
        *NAME_PANELS,
        FieldPanel("logo"),
        FieldPanel("website", widget=LTR_URL),
        MultiFieldPanel(
            [
                FieldPanel("profile_url_template", widget=LTR_TEXT),
                FieldPanel("profile_url_pattern", widget=LTR_TEXT),
            ],
            heading=_("Learner profiles"),
        ),
        FieldRowPanel(
            [FieldPanel("commission_percent"), FieldPanel("commission_checked_on")],
            heading=_("Commission"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("currency"),
                        FieldPanel("minimum_price"),
                        FieldPanel("price_step"),
                    ]
                ),
                FieldPanel("pricing_checked_on"),
            ],
            heading=_("Prices it accepts"),
        ),
        FieldPanel("payout_methods", widget=forms.CheckboxSelectMultiple),
        FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
    ]


class CountryViewSet(ReferenceDataViewSet):
    model = Country
    icon = "globe"
    menu_order = 200
    list_display = ["name", "code", "currency"]
    search_fields = ["name_ar", "name_en", "name_fr", "code"]
    panels = [
        FieldPanel("code", widget=LTR_TEXT),
        *NAME_PANELS,
        FieldPanel("currency"),
        InlinePanel(
            "payout_methods",
            heading=_("Ways to be paid here"),
            label=_("payout method"),
            panels=[
                FieldPanel("method"),
                FieldRowPanel(
                    [
                        FieldPanel("fees_ar", widget=forms.TextInput(attrs={"dir": "rtl"})),
                        FieldPanel("fees_en", widget=LTR_TEXT),
                        FieldPanel("fees_fr", widget=LTR_TEXT),
                    ],
                    heading=_("Fees"),
                ),
                FieldPanel("notes_ar", widget=forms.Textarea(attrs={"dir": "rtl", "rows": 2})),
                FieldPanel("notes_en", widget=forms.Textarea(attrs={"dir": "ltr", "rows": 2})),
                FieldPanel("notes_fr", widget=forms.Textarea(attrs={"dir": "ltr", "rows": 2})),
                FieldPanel("checked_on"),
            ],
        ),
    ]


class SpecialisationViewSet(ReferenceDataViewSet):
    model = Specialisation
    icon = "tag"
    menu_order = 300
    list_display = ["name", "slug"]
    search_fields = ["name_ar", "name_en", "name_fr", "slug"]
    panels = [FieldPanel("slug", widget=LTR_TEXT), *NAME_PANELS]


class PayoutMethodViewSet(ReferenceDataViewSet):
    model = PayoutMethod
    icon = "doc-full"
    menu_order = 400
    list_display = ["name", "slug"]
    search_fields = ["name_ar", "name_en", "name_fr", "slug"]
    panels = [FieldPanel("slug", widget=LTR_TEXT), *NAME_PANELS]


class ExchangeRateViewSet(ReferenceDataViewSet):
    model = ExchangeRate
    icon = "resubmit"
    menu_order = 500
    list_display = ["currency", "units_per_usd", "rate_date", "source"]
    search_fields = ["currency", "source"]
    panels = [
        FieldRowPanel([FieldPanel("currency"), FieldPanel("units_per_usd")]),
        FieldRowPanel([FieldPanel("rate_date"), FieldPanel("source")]),
    ]


class ReferenceDataGroup(SnippetViewSetGroup):
    menu_label = _("Marketplaces & places")
    menu_icon = "site"
    menu_order = 250
    items = (
        MarketplaceViewSet,
        CountryViewSet,
        SpecialisationViewSet,
        PayoutMethodViewSet,
        ExchangeRateViewSet,
    )


register_snippet(ReferenceDataGroup)


@hooks.register("insert_editor_js")
def editor_text_direction():
    """Text fields of the editor follow the direction of their text (see the script)."""
    return format_html('<script src="{}"></script>', static("js/admin-direction.js"))
