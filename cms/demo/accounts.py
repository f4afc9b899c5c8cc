"""Demo accounts, one per role, with full names and verified e-mail addresses.

Passwords are random, shown once when an account is created and appended to
`var/demo-accounts.txt` (readable by its owner only). Existing accounts are never
touched, so a password an admin changed stays changed.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.demo import register_seeder
from cms.editorial import EDITORS, MODERATORS

EMAIL_DOMAIN = "bidaya.example"
# role (also the username), groups, superuser, (first name, last name)
ACCOUNTS = [
    ("admin", [], True, ("Hicham", "Berrada")),
    ("editor", [EDITORS], False, ("Leila", "Mansouri")),
    ("moderator", [MODERATORS], False, ("Omar", "Belkacem")),
    ("mentor", ["Mentors"], False, ("Karim", "Benyoussef")),
    ("learner", [], False, ("Samira", "Idrissi")),
]
ACCOUNTS_FILE_NAME = "demo-accounts.txt"


def accounts_file():
    return Path(settings.VAR_DIR) / ACCOUNTS_FILE_NAME


def save_credentials(rows):
    """Append to the credentials file, created with mode 600 before anything is written."""
    path = accounts_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        for role, email, password in rows:
            handle.write(f"{role}\t{email}\t{password}\n")
    return path


@register_seeder("accounts", order=90)
def seed_accounts(ctx):
    """One account per role (admin, editor, moderator, mentor, learner), e-mail verified.

    Groups that do not exist (yet) are skipped: e.g. "Mentors" comes with the lms app.
    """
    from allauth.account.models import EmailAddress

    User = get_user_model()
    emails = {role: f"{role}@{EMAIL_DOMAIN}" for role, *_rest in ACCOUNTS}
    existing = {user.username: user for user in User.objects.filter(username__in=list(emails))}
    created = []
    for role, group_names, superuser, (first_name, last_name) in ACCOUNTS:
        if role in existing:
            complete_names(existing[role], first_name, last_name, ctx)
            continue
        password = secrets.token_urlsafe(12)
        user = User(
            username=role,
            email=emails[role],
            first_name=first_name,
            last_name=last_name,
            is_staff=superuser,
            is_superuser=superuser,
        )
        user.set_password(password)
        user.save()
        user.groups.set(Group.objects.filter(name__in=group_names))
        EmailAddress.objects.update_or_create(
            user=user, email=emails[role], defaults={"verified": True, "primary": True}
        )
        created.append((role, emails[role], password))
        ctx.count("accounts")
    # Written to disk and printed by seed_demo once everything is committed.
    ctx.data["new_credentials"] = created


def complete_names(user, first_name, last_name, ctx):
    """Fill the names Wagtail's user form requires, when an older seed left them empty
    (names someone typed are kept), so every demo account can be saved in the admin."""
    if user.first_name and user.last_name:
        return
    user.first_name = user.first_name or first_name
    user.last_name = user.last_name or last_name
    user.save(update_fields=["first_name", "last_name"])
    ctx.count("account names completed")
