"""Personal access tokens for API clients that are not the browser.

Only a SHA-256 digest of each token is stored. Tokens are 256 random bits, so a fast
hash is enough (a slow password hash guards low-entropy secrets, which these are not)
and a lookup is one indexed query.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "bdy_"  # noqa: S105 - a public marker, not a secret


def digest(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class AccessTokenQuerySet(models.QuerySet):
    def usable(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )

    def revoke(self):
        """Revoke the tokens not revoked yet, in one statement; returns how many."""
        return self.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


class AccessToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="access_tokens",
    )
    name = models.CharField(_("name"), max_length=100)
    hint = models.CharField(
        _("first characters"),
        max_length=12,
        help_text=_("Shown so the owner can tell tokens apart."),
    )
    digest = models.CharField(_("digest"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = AccessTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("personal access token")
        verbose_name_plural = _("personal access tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, user, name, expires_at=None):
        """Create a token and return ``(row, secret)``: the secret is never stored."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        row = cls.objects.create(
            user=user,
            name=name[:100],
            hint=secret[: len(TOKEN_PREFIX) + 6],
            digest=digest(secret),
            expires_at=expires_at,
        )
        return row, secret

    @property
    def is_usable(self):
        if self.revoked_at:
            return False
        return not (self.expires_at and self.expires_at <= timezone.now())
