"""The sign-up form's own field: the name the learner wants mentors and clients to see.

allauth asks for the e-mail address and the password; without a name, mentors,
e-mails and badges would greet her by her address's local part.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

NAME_MAX_LENGTH = 150  # django.contrib.auth's first_name


class SignupForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        help_text=_("As mentors and clients will see it, e.g. Samira Idrissi."),
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )

    field_order = ["name"]

    def clean_name(self):
        return " ".join((self.cleaned_data.get("name") or "").split())

    def signup(self, request, user):
        name = self.cleaned_data.get("name") or ""
        if name and name != user.first_name:
            user.first_name = name
            user.save(update_fields=["first_name"])
