"""URLs of badges and learner profiles.

``public_patterns`` (namespace ``badges``) are mounted outside the language prefix:
they are written into credentials, LinkedIn and marketplace bios, so they must not
change with the reader's language. ``page_patterns`` (namespace ``badge_pages``) are
the pages, under ``/<lang>/``.
"""

from django.urls import path, register_converter

from credentials.views import badge_actions, badges, profile


class ExtensionConverter:
    regex = "png|svg"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class KeyIdConverter:
    """An RFC 7638 thumbprint: 43 base64url characters."""

    regex = "[A-Za-z0-9_-]{43}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ExtensionConverter, "image_ext")
register_converter(KeyIdConverter, "kid")

public_patterns = [
    path("badges/issuer/", badges.issuer, name="issuer"),
    path("badges/keys/", badges.key_set, name="keys"),
    path("badges/keys/<kid:kid>/", badges.key, name="key"),
    path("badges/status/<int:number>/", badges.status_list, name="status-list"),
    path("badges/classes/<uuid:class_uuid>/", badges.class_redirect, name="class"),
    path(
        "badges/classes/<uuid:class_uuid>/<slug:version>/image.<image_ext:extension>",
        badges.class_image,
        name="class-image",
    ),
    path("badges/<uuid:award_uuid>/", badges.verify_redirect, name="verify"),
    path("badges/<uuid:award_uuid>/credential", badges.credential_jws, name="credential"),
    path("badges/<uuid:award_uuid>/image.<image_ext:extension>", badges.award_image, name="image"),
    path(
        "badges/<uuid:award_uuid>/download.<image_ext:extension>",
        badges.award_image,
        {"download": True},
        name="download",
    ),
    path("learners/<slug:slug>/", profile.public_redirect, name="learner"),
]

page_patterns = [
    path("profile/", profile.edit, name="profile"),
    path("learners/<slug:slug>/", profile.public, name="learner"),
    path("badges/award/", badge_actions.award, name="award"),
    path("badges/classes/<uuid:class_uuid>/", badges.class_page, name="class"),
    path("badges/<uuid:award_uuid>/", badges.verify_page, name="verify"),
    path("badges/<uuid:award_uuid>/revoke/", badge_actions.revoke, name="revoke"),
]
