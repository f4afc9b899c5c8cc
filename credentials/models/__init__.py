"""Badge classes, their rules and awards; learner profiles with marketplace links."""

from credentials.models.badges import BadgeAward, BadgeClass, BadgeRule, DesignTrack
from credentials.models.profiles import LearnerProfile, MarketplaceLink
from credentials.models.status import BadgeStatusList

__all__ = [
    "BadgeAward",
    "BadgeClass",
    "BadgeRule",
    "BadgeStatusList",
    "DesignTrack",
    "LearnerProfile",
    "MarketplaceLink",
]
