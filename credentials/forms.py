"""The learner's profile form, and the mentor's award and revoke forms.

The profile form has one address field and one "show" box per marketplace, so a
learner fills in what they have and every field keeps what they typed when another
one is refused. Each address goes through the marketplace's own rule
(``credentials.profiles.validate_profile_url``) and is stored in its canonical form.
"""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms.models import Country, Marketplace, Specialisation
from credentials.models import BadgeClass, LearnerProfile, MarketplaceLink
from credentials.models.profiles import RESERVED_USERNAMES

from .profiles import validate_profile_url

# Bidirectional overrides and isolates, and control characters: they can make a name
# read differently from what is stored (a classic spoofing trick on public pages).
_UNSAFE_TEXT = re.compile(r"[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]")
MAX_REASON = 1000


def clean_text(value):
    return " ".join(_UNSAFE_TEXT.sub("", value or "").split())


class LocalizedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name_for(get_language())


class LocalizedMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name_for(get_language())


class ProfileForm(forms.ModelForm):
    country = LocalizedChoiceField(
        Country.objects.all(), required=False, label=_("Country"), empty_label=_("Not shown")
    )
    specialisations = LocalizedMultipleChoiceField(
        Specialisation.objects.all(),
        required=False,
        label=_("Specialisations"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = LearnerProfile
        fields = [
            "display_name_ar",
            "display_name_latin",
            "country",
            "specialisations",
            "username",
            "is_public",
            "show_name_on_badges",
        ]
        error_messages = {"username": {"unique": _("Someone already uses this username.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.marketplaces = list(Marketplace.objects.order_by("slug"))
        existing = {}
        if self.instance.pk:
            existing = {link.marketplace_id: link for link in self.instance.links.all()}
        self.link_rows = []
        for marketplace in self.marketplaces:
            link = existing.get(marketplace.pk)
            url_name, public_name = f"link_{marketplace.slug}", f"public_{marketplace.slug}"
            self.fields[url_name] = forms.CharField(
                label=marketplace.name_for(get_language()),
                required=False,
                initial=link.url if link else "",
                strip=True,
                widget=forms.URLInput(
                    attrs={
                        "dir": "ltr",
                        "inputmode": "url",
                        "autocomplete": "url",
                        "placeholder": marketplace.profile_url_for("your-name"),
                    }
                ),
            )
            self.fields[public_name] = forms.BooleanField(
                label=_("Show on my badges"),
                required=False,
                initial=link.is_public if link else True,
            )
            self.link_rows.append((marketplace, url_name, public_name))
        self.fields["display_name_ar"].widget.attrs.update(dir="rtl", lang="ar")
        self.fields["display_name_latin"].widget.attrs.update(dir="ltr", lang="en")
        self.fields["username"].widget.attrs.update(dir="ltr", autocomplete="off")

    def link_fields(self):
        """(marketplace, address field, "show" field) per marketplace, for the template."""
        return [
            (marketplace, self[url_name], self[public_name])
            for marketplace, url_name, public_name in self.link_rows
        ]

    def clean_display_name_ar(self):
        return clean_text(self.cleaned_data.get("display_name_ar"))

    def clean_display_name_latin(self):
        return clean_text(self.cleaned_data.get("display_name_latin"))

    def clean_username(self):
        username = (self.cleaned_data.get("username") or "").strip().lower()
        if not username:
            return None
        if username in RESERVED_USERNAMES:
            raise forms.ValidationError(_("This username is reserved; choose another."))
        return username

    def clean(self):
        cleaned = super().clean()
        self.cleaned_links = {}
        for marketplace, url_name, public_name in self.link_rows:
            value = cleaned.get(url_name) or ""
            if not value:
                continue
            try:
                canonical = validate_profile_url(value, marketplace)
            except forms.ValidationError as error:
                self.add_error(url_name, error)
                continue
            cleaned[url_name] = canonical
            self.cleaned_links[marketplace.pk] = (canonical, bool(cleaned.get(public_name)))
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        profile = super().save(commit=True)
        links = {link.marketplace_id: link for link in profile.links.all()}
        for marketplace in self.marketplaces:
            wanted = self.cleaned_links.get(marketplace.pk)
            link = links.get(marketplace.pk)
            if wanted is None:
                if link is not None:
                    link.delete()
                continue
            url, is_public = wanted
            if link is None:
                MarketplaceLink.objects.create(
                    profile=profile, marketplace=marketplace, url=url, is_public=is_public
                )
            elif (link.url, link.is_public) != (url, is_public):
                link.url, link.is_public = url, is_public
                link.save(update_fields=["url", "is_public", "updated_at"])
        return profile


class LearnerChoiceField(forms.CharField):
    """A learner named by their e-mail address (what a mentor knows)."""

    def clean(self, value):
        value = super().clean(value)
        user = (
            get_user_model()
            .objects.filter(email__iexact=(value or "").strip(), is_active=True)
            .first()
        )
        if user is None:
            raise forms.ValidationError(_("No learner has this e-mail address."))
        return user


class AwardForm(forms.Form):
    badge = forms.ModelChoiceField(BadgeClass.objects.active(), label=_("Badge"))
    learner = LearnerChoiceField(
        label=_("Learner's e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "off"}),
    )
    reason = forms.CharField(
        label=_("Why this learner earns it"),
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown on the public badge page and written into the credential."),
    )

    def __init__(self, *args, may_award_to=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.may_award_to = may_award_to
        self.fields["badge"].label_from_instance = lambda badge: badge.name_for(get_language())

    def clean_reason(self):
        reason = clean_text(self.cleaned_data.get("reason"))
        if not reason:
            raise forms.ValidationError(_("Say why this learner earns the badge."))
        return reason

    def clean(self):
        cleaned = super().clean()
        learner = cleaned.get("learner")
        if learner is not None and self.may_award_to and not self.may_award_to(learner):
            self.add_error("learner", _("This learner is not in one of your cohorts."))
        return cleaned


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the badge is revoked"),
        max_length=MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown on the public badge page, to the learner and to anyone checking it."),
    )

    def clean_reason(self):
        reason = clean_text(self.cleaned_data.get("reason"))
        if not reason:
            raise forms.ValidationError(_("Say why the badge is revoked."))
        return reason
