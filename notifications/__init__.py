"""Notices, the e-mail outbox with its digests, and each person's language."""
