"""A cache of rendered lesson pages, one entry per reader, dropped when anything shown changes.

A lesson page is expensive to build (the page tree walk, the StreamField with its
videos and quiz, the syllabus, the header) and, for a given reader, the same from one
visit to the next. What a reader's copy shows about them changes only at a few moments
(enrolling, starting or finishing a lesson, a quiz attempt, a notice, a submission):
those moments bump the reader's *generation*, and any change to content (a page
published, a snippet, image, document or video saved) bumps the *content generation*.
Both are part of the cache key, so a stale entry is never looked up again; it simply
expires. What changes every few seconds while watching (the resume position, the share
watched) is not in the page: the player fetches it from the lesson-state API.

Each copy is stored with its CSRF tokens replaced by a marker, and served with a fresh
token for the current session, so the forms on a cached page always post. Visitors who
are not signed in share one copy per page and language (nothing in it is theirs).
Pages are served from the cache only for plain GETs (no query string) with no pending
flash message.
"""

import hashlib
import re
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils import translation

CACHEABLE = "_lms_page_cacheable"
MARKER = "lms-csrf-token-marker"
CONTENT_KEY = "lms:pagecache:content"
USER_KEY = "lms:pagecache:user:{}"
PAGE_KEY = "lms:pagecache:page:v1:{user}:{language}:{content}:{generation}:{path}"
TOKEN = re.compile(r"\b[A-Za-z0-9]{64}\b")
KEPT_HEADERS = ("Content-Type", "Content-Language")


def page_seconds():
    return int(getattr(settings, "BIDAYA_PAGE_CACHE_SECONDS", 600))


def enabled():
    return page_seconds() > 0


def _new_token():
    return uuid.uuid4().hex[:12]


def generations(user_id):
    """``(content, user)`` generation tokens; a missing one is created, never reused."""
    keys = [CONTENT_KEY] + ([USER_KEY.format(user_id)] if user_id else [])
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, _new_token(), None)
            found[key] = cache.get(key) or _new_token()
    return found[CONTENT_KEY], found.get(keys[-1]) if user_id else "-"


def bump_content():
    cache.set(CONTENT_KEY, _new_token(), None)


def bump_user(user_id):
    """Forget every cached page of this reader, once the current transaction commits."""
    if not user_id:
        return
    transaction.on_commit(lambda: cache.set(USER_KEY.format(user_id), _new_token(), None))


def mark_cacheable(request):
    """Called while serving a page whose copy may be kept (see ``learning_hooks``)."""
    if request is not None:
        setattr(request, CACHEABLE, True)


def has_pending_messages(request):
    if "messages" in request.COOKIES:
        return True
    session = getattr(request, "session", None)
    return bool(session is not None and session.get("_messages"))


def eligible(request):
    return (
        enabled()
        and request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and not has_pending_messages(request)
    )


def page_key(request):
    user = getattr(request, "user", None)
    user_id = user.pk if user is not None and user.is_authenticated else None
    content, generation = generations(user_id)
    path = hashlib.sha256(request.path.encode("utf-8")).hexdigest()[:32]
    return PAGE_KEY.format(
        user=user_id or "anon",
        language=translation.get_language() or settings.LANGUAGE_CODE,
        content=content,
        generation=generation,
        path=path,
    )


def with_marker(request, body):
    """The page with this session's CSRF tokens (any masking of its secret) marked."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return body

    def swap(match):
        token = match.group(0)
        try:
            return MARKER if _unmask_cipher_token(token) == secret else token
        except (ValueError, IndexError):
            return token

    return TOKEN.sub(swap, body)


class LessonPageCacheMiddleware:
    """Serve a reader's cached copy of a lesson page; keep a copy after rendering one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request):
            return self.get_response(request)
        key = page_key(request)
        entry = cache.get(key)
        if entry is not None:
            return self.replay(request, entry)
        response = self.get_response(request)
        if self.keepable(request, response):
            body = with_marker(request, response.content.decode(response.charset))
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            cache.set(key, {"body": body, "headers": headers}, page_seconds())
        return response

    @staticmethod
    def keepable(request, response):
        return (
            getattr(request, CACHEABLE, False)
            and response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not has_pending_messages(request)
        )

    @staticmethod
    def replay(request, entry):
        body = entry["body"]
        if MARKER in body:
            body = body.replace(MARKER, get_token(request))
        response = HttpResponse(body)
        for name, value in entry["headers"].items():
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
