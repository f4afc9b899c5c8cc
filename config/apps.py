"""The site's own configuration of Django's contrib apps."""

from django.contrib.staticfiles.apps import StaticFilesConfig


class StaticFiles(StaticFilesConfig):
    """collectstatic skips what no page loads: hls.js's ES-module and unminified builds,
    their source maps, its demo and type declarations (20 MB that production would
    otherwise hash and compress on every deploy). The maps of the minified builds stay:
    the builds name them."""

    ignore_patterns = [
        *StaticFilesConfig.ignore_patterns,
        "*.mjs",
        "*.mjs.map",
        "*.d.ts",
        "*.d.mts",
        "hls-demo.js*",
        "hls.js",
        "hls.js.map",
        "hls.light.js",
        "hls.light.js.map",
    ]
