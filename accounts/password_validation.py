"""Password rules whose messages reach every language we serve."""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's length rule, with its error message readable in Arabic.

    Django 5.2 reworded the "too short" message (``%d`` instead of
    ``%(min_length)d``) and its Arabic catalogue only has the previous wording, so
    Arabic visitors were told in English. The previous wording is asked for first;
    where no catalogue translates it (English, French), Django's own message is used.
    """

    def get_error_message(self):
        message = ngettext(
            "This password is too short. It must contain at least %(min_length)d character.",
            "This password is too short. It must contain at least %(min_length)d characters.",
            self.min_length,
        )
        if message.startswith("This password is too short."):
            return super().get_error_message()
        return message % {"min_length": self.min_length}
