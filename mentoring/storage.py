"""Where learners' files are kept: never under MEDIA_ROOT, never behind a public URL."""

import os
from functools import cached_property

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateFileSystemStorage(FileSystemStorage):
    """Local stand-in for the private bucket.

    The folder comes from ``BIDAYA_PRIVATE_MEDIA_ROOT`` (read on every use, so a test can
    point it elsewhere) and ``url()`` refuses: a file is only ever served by the
    permission-checked download view.
    """

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.BIDAYA_PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @cached_property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no public URL; use the download view.")


def is_s3(storage):
    return hasattr(storage, "bucket_name") and hasattr(storage, "connection")


class _PrivateStorage(LazyObject):
    """``storages["private"]``, looked up on first use and again after a settings change
    (as Django does for ``default_storage``), so tests can swap in the S3 backend."""

    def _setup(self):
        self._wrapped = storages["private"]


private = _PrivateStorage()


def get_private_storage():
    """Callable for ``FileField(storage=...)``; migrations record this name, not a class."""
    return private


@receiver(setting_changed)
def _reset_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        private._wrapped = empty
