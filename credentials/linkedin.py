"""Sharing a badge: the LinkedIn "Add to profile" link and the marketplace kit.

The kit is the text a learner pastes into a Khamsat, Mostaql or Upwork bio: a sentence
naming the badge and the issuer, the public verification link (the proof a client can
open), and an image URL they can embed where the marketplace allows images.
"""

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote, urlencode
from xml.sax.saxutils import quoteattr

from django.utils import translation
from django.utils.translation import gettext

from credentials import kit as kit_lines

LINKEDIN_ADD_URL = "https://www.linkedin.com/profile/add"
KIT_LANGUAGES = ("ar", "en")


def linkedin_add_url(
    *,
    name,
    organization_name,
    issued_on,
    cert_url,
    cert_id,
    organization_id=None,
    expires_on=None,
):
    """LinkedIn's "Add licence or certification" form, pre-filled.

    Every value is percent-encoded as UTF-8 (spaces as %20, Arabic as %D8…), which is
    what LinkedIn decodes; ``organization_id`` (the LinkedIn company id) takes
    precedence over the free-text name when known.
    """
    if not name or not name.strip():
        raise ValueError("The certification needs a name.")
    if not isinstance(issued_on, date):
        raise ValueError("issued_on must be a date or datetime.")
    params = [("startTask", "CERTIFICATION_NAME"), ("name", name.strip())]
    if organization_id:
        params.append(("organizationId", str(int(organization_id))))
    elif organization_name and organization_name.strip():
        params.append(("organizationName", organization_name.strip()))
    else:
        raise ValueError("Name the issuing organisation (or give its LinkedIn id).")
    params += [("issueYear", str(issued_on.year)), ("issueMonth", str(issued_on.month))]
    if expires_on is not None:
        params += [("expirationYear", str(expires_on.year))]
        params += [("expirationMonth", str(expires_on.month))]
    params += [("certUrl", cert_url), ("certId", str(cert_id))]
    return f"{LINKEDIN_ADD_URL}?{urlencode(params, quote_via=quote, safe='')}"


@dataclass(frozen=True)
class MarketplaceKit:
    """Ready-to-paste material for one marketplace profile."""

    marketplace: str
    texts: dict  # language code -> bio paragraph
    verify_url: str
    image_url: str
    html: str
    markdown: str
    # language code -> [(field label, plain text), …] for this marketplace's fields
    fields: dict = None
    slug: str = ""

    @property
    def shows_html(self):
        return kit_lines.shows_html(self.slug)


def marketplace_kit(
    *,
    marketplace,
    badge_names,
    issuer_name,
    verify_url,
    image_url,
    issued_on,
    languages=KIT_LANGUAGES,
    slug="",
):
    """The kit for ``marketplace``; ``badge_names`` (and ``issuer_name``, or a plain
    string) map a language to the name in that language.

    Sentences go through gettext in each language, so the lead's translation pass
    supplies the Arabic wording; names and links are inserted as they are.
    """
    if isinstance(issued_on, datetime):
        issued_on = issued_on.date()
    texts, fields = {}, {}
    for lang in languages:
        badge = badge_names.get(lang) or next(iter(badge_names.values()))
        issuer = issuer_name if isinstance(issuer_name, str) else issuer_name.get(lang, "")
        issuer = issuer or (next(iter(issuer_name.values())) if issuer_name else "")
        with translation.override(lang):
            texts[lang] = gettext(
                "I earned the “%(badge)s” badge from %(issuer)s %(when)s. "
                "Anyone can check it here: %(url)s"
            ) % {
                "badge": badge,
                "issuer": issuer,
                "when": kit_lines.in_month(issued_on),
                "url": verify_url,
            }
        fields[lang] = kit_lines.lines(
            slug, lang, badge=badge, issuer=issuer, url=verify_url, issued_on=issued_on
        )
    alt = badge_names.get("en") or next(iter(badge_names.values()))
    html = (
        f"<a href={quoteattr(verify_url)}><img src={quoteattr(image_url)} "
        f'alt={quoteattr(alt)} width="120" height="120"></a>'
    )
    markdown = f"[![{_md(alt)}]({image_url})]({verify_url})"
    return MarketplaceKit(
        marketplace, texts, verify_url, image_url, html, markdown, fields=fields, slug=slug
    )


def _md(text):
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
