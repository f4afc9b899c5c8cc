"""Serving a hand-in file to the learner and their mentors, and to nobody else.

The permission check is the same queryset filter the pages use. Locally the bytes
come through this view; on S3 the view answers with a redirect to a presigned URL
that expires after ``BIDAYA_PRIVATE_URL_EXPIRY_SECONDS``, so the object itself is
never public. Either way the browser is told to download, never to render, the file:
a learner's upload must not run in the site's origin.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header

from mentoring.models import SubmissionVersion
from mentoring.permissions import can_review
from mentoring.storage import is_s3, private

SANDBOX = "default-src 'none'; sandbox"


def can_download(user, version):
    submission = version.submission
    if submission.learner_id == user.pk:
        return True
    # Mentors read handed-in versions only, never a learner's unfinished draft.
    return version.number is not None and can_review(user, submission)


@login_required
def submission_file(request, version_uuid):
    version = get_object_or_404(
        SubmissionVersion.objects.select_related("submission"), uuid=version_uuid
    )
    if not version.file or not can_download(request.user, version):
        raise Http404
    name = version.file.name
    filename = version.file_name or "file"
    content_type = version.file_type or "application/octet-stream"
    storage = private
    if is_s3(storage):
        url = storage.url(
            name,
            parameters={
                "ResponseContentDisposition": content_disposition_header(True, filename),
                "ResponseContentType": content_type,
            },
            expire=settings.BIDAYA_PRIVATE_URL_EXPIRY_SECONDS,
        )
        response = HttpResponseRedirect(url)
    else:
        try:
            handle = storage.open(name, "rb")
        except FileNotFoundError as error:
            raise Http404 from error
        response = FileResponse(
            handle, as_attachment=True, filename=filename, content_type=content_type
        )
        response["Content-Security-Policy"] = SANDBOX
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "no-referrer"
    return response
