"""Small readers for rendered pages and sent e-mails."""

import re

from bs4 import BeautifulSoup

from django.utils import translation

LINK = re.compile(r"https?://[^\s]+")


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def html_lang_dir(response):
    root = soup(response).html
    return root.get("lang"), root.get("dir")


def translated(language, message):
    with translation.override(language):
        return translation.gettext(message)


def links_in(message):
    return LINK.findall(message.body)


def csp_directives(response):
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives
