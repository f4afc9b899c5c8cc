"""Expected interface text, taken from the same message catalogue the pages use.

Pages are Arabic first, so a test that looks for English words on /ar/ pages checks
nothing a reader sees. These helpers give the translated text of a msgid, so the
assertion still fails when the page shows the wrong message, an untranslated one or
a broken placeholder, and keeps passing when a translator rewords the sentence.
"""

from django.utils import translation


def tr(msgid, language="ar", **values):
    """`msgid` in `language`, with its %(name)s placeholders filled in."""
    with translation.override(language):
        text = translation.gettext(msgid)
    assert language == "en" or text != msgid, f"no {language} translation of {msgid!r}"
    return text % values if values else text


def ntr(singular, plural, number, language="ar", **values):
    """The plural form for `number`, as `{% blocktranslate count counter=… %}` renders it."""
    with translation.override(language):
        text = translation.ngettext(singular, plural, number)
    assert language == "en" or text not in (singular, plural), f"no {language} {singular!r}"
    return text % {"counter": number, **values}
