"""Helpers the review views share."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from mentoring.permissions import is_mentor
from mentoring.services import ReviewError


def require_mentor(request):
    if not is_mentor(request.user):
        raise PermissionDenied(_("This page is for mentors."))


def report(request, error):
    """Turn a ReviewError into a 404 or a message on the next page."""
    if isinstance(error, ReviewError) and error.status == 404:
        raise Http404(str(error.message))
    messages.error(request, error.message)


def first_errors(validation_error):
    if hasattr(validation_error, "message_dict"):
        return validation_error.message_dict
    return {"__all__": validation_error.messages}
