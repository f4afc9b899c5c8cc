"""Expected interface text, taken from the same message catalogue the pages use.

Pages are Arabic first, so a test that looks for English words on /ar/ pages checks
nothing a reader sees. These helpers give the translated text of a msgid, so the
assertion still fails when the page shows the wrong message, an untranslated one or
a broken placeholder, and keeps passing when a translator rewords the sentence.
"""

import re
from html.parser import HTMLParser

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


# Elements whose text is set apart from the Arabic around it: <bdi>, anything with a
# dir attribute, code, and what the browser does not lay out as running text.
ISOLATING = {"bdi", "code", "kbd", "samp", "pre", "script", "style", "svg", "title", "option"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr"}
ISOLATED_TEXT = re.compile("\u2068[^\u2069]*\u2069")
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9.@/:_+\-]*(?:[ .][A-Za-z0-9@/:_+\-]+)*")


class _LatinRuns(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.runs = [], []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self.stack.append((tag, tag in ISOLATING or any(name == "dir" for name, _v in attrs)))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        # Pop to the element this tag closes (the ones HTML closes implicitly with it).
        if any(name == tag for name, _isolating in self.stack):
            while self.stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not any(isolating for _tag, isolating in self.stack):
            data = ISOLATED_TEXT.sub(" ", data)  # set apart in the text itself
            self.runs.extend(run for run in LATIN_RUN.findall(data) if len(run) > 1)


def unisolated_latin(html):
    """Latin runs (names, URLs, addresses, prices) of a page's <body> that sit in the
    Arabic text without a <bdi>, a dir attribute or Unicode isolates around them, so
    the browser's bidirectional algorithm may reorder them and the punctuation next
    to them."""
    body = html.split("<body", 1)[-1]
    parser = _LatinRuns()
    parser.feed("<body" + body)
    return parser.runs
