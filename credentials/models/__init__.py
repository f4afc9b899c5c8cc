"""Badge classes, their rules and awards; learner profiles with marketplace links."""

from credentials.models.badges import BadgeAward, BadgeClass, BadgeRule, DesignTrack
from credentials.models.profiles import LearnerProfile, MarketplaceLink

__all__ = [
    "BadgeAward",
    "BadgeClass",
    "BadgeRule",
    "DesignTrack",
    "LearnerProfile",
    "MarketplaceLink",
]
