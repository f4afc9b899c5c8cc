from django.utils.translation import get_language, get_language_bidi


def site_chrome(request):
    """Direction and language for <html>, on every page including allauth's."""
    return {"LANG_CODE": get_language(), "LANG_DIR": "rtl" if get_language_bidi() else "ltr"}
