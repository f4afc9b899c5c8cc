"""What a badge looks like, as data: the tracks' colours and icons, and a design.

Kept apart from the renderer (``credentials.image``) so the models can validate and
describe a design without loading Pillow or fonts.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")

TRACK_COLOURS = {
    "pitching": "#2563eb",
    "pricing": "#b45309",
    "specialising": "#7c3aed",
    "custom": "#0f766e",
}
TRACK_ICONS = {"pitching": "speech", "pricing": "tag", "specialising": "target", "custom": "star"}
ICONS = ("speech", "tag", "target", "star")


class BadgeDesignError(ValueError):
    """The design cannot be drawn as asked (unknown track, bad colour, empty name)."""


def validate_hex_colour(value):
    """Form/model validator for the colour an editor types for a custom badge."""
    if not isinstance(value, str) or not _HEX.match(value):
        raise ValidationError(_("Use a colour written like #1a2b3c."), code="colour")


@dataclass(frozen=True)
class BadgeDesign:
    """What an editor chooses for a badge class. ``colour`` overrides the track colour
    (``custom`` badges usually set it); ``icon`` overrides the track's icon."""

    name_ar: str
    name_latin: str
    track: str = "custom"
    colour: str = ""
    icon: str = ""
    wordmark_ar: str = "بداية"
    wordmark_latin: str = "BIDAYA"

    def resolved_colour(self):
        colour = self.colour or TRACK_COLOURS.get(self.track, "")
        if self.track not in TRACK_COLOURS:
            raise BadgeDesignError(f"Unknown track {self.track!r}.")
        if not _HEX.match(colour):
            raise BadgeDesignError(f"Colour must look like #1a2b3c, not {colour!r}.")
        return colour.lower()

    def resolved_icon(self):
        icon = self.icon or TRACK_ICONS.get(self.track, "star")
        if icon not in ICONS:
            raise BadgeDesignError(f"Unknown icon {icon!r}.")
        return icon
