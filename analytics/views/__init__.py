"""The analytics pages of the Wagtail admin (registered in ``analytics.wagtail_hooks``)."""
