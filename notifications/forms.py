from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from notifications.models import NotificationPreference


class PreferenceForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("Language of my e-mails"), choices=settings.LANGUAGES)

    class Meta:
        model = NotificationPreference
        fields = ["language", "email_enabled"]


class DataSaverForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["data_saver"]
        labels = {"data_saver": _("Data saver: play lesson videos as sound only")}
