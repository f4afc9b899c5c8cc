"""The limits of every input of mentoring, defined once.

The page forms, the API schemas and the services read them from here, so a hand-in, a
review or a feedback snippet is refused at the same size whichever way it arrives.
"""

from django.conf import settings

# A hand-in.
MAX_TEXT_LENGTH = 20000
MAX_LINK_LENGTH = 500


def max_file_bytes():
    """The most a hand-in file may weigh (``BIDAYA_SUBMISSION_MAX_BYTES``, read per call).

    The page form, the API upload route (before the body is read) and the file check
    all ask here.
    """
    return int(settings.BIDAYA_SUBMISSION_MAX_BYTES)


# A review.
MAX_FEEDBACK_LENGTH = 10000
MAX_REASON_LENGTH = 2000
MAX_RUBRIC_CRITERIA = 20
MAX_RUBRIC_LEVEL = 20
# A saved feedback snippet (the model's columns).
MIN_SNIPPET_TITLE_LENGTH = 1
MAX_SNIPPET_TITLE_LENGTH = 80
MAX_SNIPPET_TEXT_LENGTH = 3000
