"""Where collectstatic finds the site's static files."""

from django.contrib.staticfiles.finders import FileSystemFinder

# What no page loads: hls.js's ES-module and unminified builds, their source maps, its
# demo and type declarations, and its transmuxing worker, which fragmented MP4 does not
# need (20 MB that production would otherwise hash and compress on every deploy). The
# maps of the minified builds stay: the builds name them.
UNUSED = [
    "*.mjs",
    "*.mjs.map",
    "*.d.ts",
    "*.d.mts",
    "hls-demo.js*",
    "hls.js",
    "hls.js.map",
    "hls.light.js",
    "hls.light.js.map",
    "hls.worker.js*",
]


class SiteFilesFinder(FileSystemFinder):
    """STATICFILES_DIRS, without the vendored files no page uses."""

    def list(self, ignore_patterns):
        return super().list([*(ignore_patterns or []), *UNUSED])
