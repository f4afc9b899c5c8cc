"""Reference data edited as snippets: countries, specialisations, payout methods and
marketplaces.

They carry one name per language instead of Wagtail's per-locale copies because a
story in Arabic and its English translation must point at the *same* Mostaql or the
same Morocco: filters, the pricing calculator and learner profiles key on one row.
"""

import re
from decimal import Decimal
from urllib.parse import quote, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel

from cms.models.addresses import checked_https_address, has_dot_segments
from cms.models.money import CURRENCIES
from config.i18n import isolate

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
MAX_PROFILE_URL_LENGTH = 300
# A page showing a learner's work (a service, a project, a review): outcomes link to one.
MAX_WORK_URL_LENGTH = 500
SAMPLE_USERNAME = "sample-user"

# A group that repeats and is itself repeated, e.g. (a+)+ or (\w*)*: such patterns can
# take exponential time on a crafted URL, so they are refused when an editor saves.
_NESTED_QUANTIFIER = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]")


def active_language_code():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()


class LocalizedNameMixin(models.Model):
    """One name per site language, read in the visitor's language.

    French may stay empty and falls back to English, then Arabic.
    """

    name_ar = models.CharField(_("name (Arabic)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def name_for(self, language_code):
        code = (language_code or "").split("-")[0].lower()
        return getattr(self, f"name_{code}", "") or self.name_en or self.name_ar

    def _name(self):
        return self.name_for(active_language_code())

    # The admin heads the column of this property with its description.
    _name.short_description = _("name")
    name = property(_name)

    def all_names(self):
        return [getattr(self, f"name_{code}", "") for code in LANGUAGE_CODES]


class Country(LocalizedNameMixin, ClusterableModel):
    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Z]{2}$", _("Use the two-letter ISO 3166-1 code in capitals, e.g. MA.")
            )
        ],
        help_text=_("Two-letter ISO 3166-1 code, e.g. MA for Morocco."),
    )
    currency = models.CharField(
        _("local currency"),
        max_length=3,
        choices=CURRENCIES,
        blank=True,
        help_text=_("The pricing calculator starts in it for a learner from this country."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def clean(self):
        self.code = (self.code or "").strip().upper()
        super().clean()

    def payout_options(self, language):
        """``[{"name", "fees", "notes", "checked_on"}]`` in the editors' order.

        Reads ``payout_methods`` through ``prefetch_related("payout_methods__method")``
        when the caller prefetched it.
        """
        return [
            {
                "slug": row.method.slug,
                "name": row.method.name_for(language),
                "fees": row.text_for("fees", language),
                "notes": row.text_for("notes", language),
                "checked_on": row.checked_on,
            }
            for row in self.payout_methods.all()
        ]


class Specialisation(LocalizedNameMixin):
    slug = models.SlugField(
        _("slug"), max_length=60, unique=True, help_text=_("Stable identifier used in URLs.")
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("specialisation")
        verbose_name_plural = _("specialisations")


class PayoutMethod(LocalizedNameMixin):
    slug = models.SlugField(_("slug"), max_length=40, unique=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("payout method")
        verbose_name_plural = _("payout methods")


def validate_profile_url_template(value):
    """The template must be an https URL with exactly one {username} placeholder."""
    if value.count("{username}") != 1 or value.count("{") != 1 or value.count("}") != 1:
        raise ValidationError(
            _("The template must contain {username} exactly once, e.g. %(example)s."),
            code="placeholder",
            params={"example": isolate("https://mostaql.com/u/{username}")},
        )
    parts = urlsplit(value.replace("{username}", SAMPLE_USERNAME))
    if parts.scheme != "https" or not parts.hostname or parts.username or parts.port:
        raise ValidationError(
            _("The template must start with https:// followed by the marketplace's host."),
            code="scheme",
        )


def validate_url_pattern(value):
    try:
        re.compile(value)
    except re.error as error:
        raise ValidationError(
            _("This is not a valid regular expression: %(error)s"),
            code="invalid",
            params={"error": isolate(error)},
        ) from error
    if _NESTED_QUANTIFIER.search(value):
        raise ValidationError(
            _("Nested repetition such as (a+)+ can make checking very slow; simplify it."),
            code="nested",
        )


class Marketplace(LocalizedNameMixin, ClusterableModel):
    """A freelance marketplace learners sell on.

    `commission_percent` feeds the pricing calculator; `clean_profile_url` is the one
    place that decides whether a learner's profile link may be shown on their badges.
    """

    slug = models.SlugField(
        _("slug"),
        max_length=40,
        unique=True,
        help_text=_("Stable identifier used in URLs and by other parts of the site, e.g. mostaql."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    profile_url_template = models.CharField(
        _("profile URL template"),
        max_length=200,
        validators=[validate_profile_url_template],
        help_text=_(
            "Public profile address with {username}, e.g. https://mostaql.com/u/{username}"
        ),
    )
    profile_url_pattern = models.CharField(
        _("profile URL pattern"),
        max_length=300,
        validators=[validate_url_pattern],
        help_text=_(
            "Regular expression the whole profile address must match, "
            r"e.g. https://mostaql\.com/u/[A-Za-z0-9_.-]{2,40}/?"
        ),
    )
    commission_percent = models.DecimalField(
        _("commission (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Share of each sale the marketplace keeps, as publicly stated."),
    )
    currency = models.CharField(
        _("price currency"),
        max_length=3,
        choices=CURRENCIES,
        default="USD",
        help_text=_("The currency sellers set their prices in on this marketplace."),
    )
    minimum_price = models.DecimalField(
        _("lowest price"),
        max_digits=12,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("The lowest price the marketplace accepts for a service or an offer."),
    )
    price_step = models.DecimalField(
        _("price step"),
        max_digits=12,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Prices go up in steps of this amount (5 where only 5, 10, 15… are accepted)."),
    )
    pricing_checked_on = models.DateField(
        _("price rules checked on"),
        null=True,
        blank=True,
        help_text=_(
            "Currency, lowest price and step are the marketplace's public rules as known "
            "on this date. Leave empty until someone has compared them with its pages."
        ),
    )
    commission_checked_on = models.DateField(
        _("commission checked on"),
        null=True,
        blank=True,
        help_text=_("When someone last checked the commission on the marketplace's own pages."),
    )
    payout_methods = ParentalManyToManyField(
        PayoutMethod, verbose_name=_("payout methods"), blank=True, related_name="marketplaces"
    )
    countries = ParentalManyToManyField(
        Country,
        verbose_name=_("countries where it works"),
        blank=True,
        related_name="marketplaces",
        help_text=_("Leave empty if it works everywhere."),
    )

    class Meta:
        ordering = ["slug"]
        verbose_name = _("marketplace")
        verbose_name_plural = _("marketplaces")

    @property
    def profile_host(self):
        """The only host a profile URL may point at, taken from the template."""
        return (
            urlsplit(self.profile_url_template.replace("{username}", "x")).hostname or ""
        ).lower()

    def profile_url_for(self, username):
        return self.profile_url_template.replace("{username}", quote(str(username), safe=""))

    def clean(self):
        super().clean()
        step, minimum = self.price_step, self.minimum_price
        if step and step > 0 and minimum is not None and minimum % step:
            raise ValidationError(
                {"minimum_price": _("The lowest price must be a multiple of the price step.")}
            )
        if not self.profile_url_template or not self.profile_url_pattern:
            return
        try:
            validate_profile_url_template(self.profile_url_template)
            validate_url_pattern(self.profile_url_pattern)
        except ValidationError:
            return  # the field validators already report it
        sample = self.profile_url_for(SAMPLE_USERNAME)
        if not re.fullmatch(self.profile_url_pattern, sample):
            raise ValidationError(
                {
                    "profile_url_pattern": _(
                        "The pattern must accept the template filled with a sample name "
                        "(%(sample)s)."
                    )
                    % {"sample": isolate(sample)}
                }
            )

    def clean_profile_url(self, url):
        """Return the profile URL in canonical form, or raise a translated ValidationError.

        Safe by construction: only https, no credentials, no port but 443, the host equal
        to the template's host (so look-alikes such as mostaql.com.evil.example or
        a Cyrillic "о" fail), no characters a browser would reinterpret (backslashes,
        whitespace, controls), and the pattern checked on bounded input.
        """
        host, path = self._checked_address(
            url, MAX_PROFILE_URL_LENGTH, _("Enter the address of your profile.")
        )
        canonical = urlunsplit(("https", host, path, "", ""))
        params = {
            "marketplace": isolate(self.name),
            "example": isolate(self.profile_url_for("your-name")),
        }
        message = _("This is not a profile address on %(marketplace)s. Example: %(example)s")
        if has_dot_segments(path):
            # Its own code: no other page of the marketplace may be reached this way.
            raise ValidationError(message, code="dot_segments", params=params)
        if not re.fullmatch(self.profile_url_pattern, canonical):
            raise ValidationError(message, code="pattern", params=params)
        return canonical

    def clean_work_url(self, url, max_length=MAX_WORK_URL_LENGTH):
        """A page of this marketplace that shows a learner's work: a service, a project
        or a client's review. Return it in canonical form (without its query and
        fragment, which only track where a visitor came from), or raise a translated
        ValidationError.

        The same safety as a profile address (https, no credentials, this marketplace's
        own host, nothing a browser would reinterpret, no dot segments); the profile
        pattern is not applied, because such pages live elsewhere on the site.
        """
        host, path = self._checked_address(url, max_length, _("Enter the address of the page."))
        if has_dot_segments(path) or path == "/":
            raise ValidationError(
                _("This is not a page of %(marketplace)s that shows your work."),
                code="not_a_page",
                params={"marketplace": isolate(self.name)},
            )
        return urlunsplit(("https", host, path, "", ""))

    def _checked_address(self, url, max_length, empty_message):
        return checked_https_address(url, self.profile_host, max_length, empty_message)

    def is_valid_profile_url(self, url):
        try:
            self.clean_profile_url(url)
        except ValidationError:
            return False
        return True

    def works_in(self, country):
        """True when the marketplace lists the country, or lists none (works everywhere)."""
        codes = {c.code for c in self.countries.all()}
        return not codes or getattr(country, "code", country) in codes
