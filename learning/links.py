"""Links into the course pages, including the resume point of a video."""


def page_url(page, request=None):
    if page is None:
        return ""
    return page.get_url(request=request) or ""


def resume_url(lesson, seconds=0.0, request=None):
    """The lesson's URL; with ``#t=SECONDS`` when there is a saved video position.

    A fragment rather than a query string keeps the page's URL (and its cache entry)
    the same for everyone; the player reads the fragment and seeks.
    """
    url = page_url(lesson, request)
    if url and seconds and seconds >= 1:
        url += f"#t={int(seconds)}"
    return url
