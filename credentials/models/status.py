"""The published revocation lists, one row per list: how full, how many revoked, since when.

Awards point at their list by number (``BadgeAward.status_list``). With a row per list,
choosing the list for a new award reads that row, and a published list is cached under
it (re-read, from the partial index of revoked positions, only after a revocation):
neither reads every award of the list.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BadgeStatusList(models.Model):
    number = models.PositiveIntegerField(_("list"), unique=True)
    # Counted after each award commits, so it may trail by the awards in flight; it
    # only decides when the next list opens (at half full), which tolerates that.
    used = models.PositiveIntegerField(_("positions taken"), default=0)
    created_at = models.DateTimeField(_("opened"), default=timezone.now)
    # Bumped in the transaction of each revocation: together they name the list's state.
    revoked = models.PositiveIntegerField(_("positions revoked"), default=0)
    changed_at = models.DateTimeField(_("last revocation"), null=True, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("badge status list")
        verbose_name_plural = _("badge status lists")

    def __str__(self):
        return f"{self.number} ({self.used})"
