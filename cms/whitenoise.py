"""whitenoise, taught that the frontend's build output is immutable too.

The built app (``FRONTEND_DIST``, frontend/dist) is served from the site root
(``WHITENOISE_ROOT``): ``/assets/index-<hash>.js`` and friends. Vite puts a content hash in
every file name under ``/assets/``, so those are cached for a year like Django's own hashed
static files; anything else there (favicon) gets whitenoise's short default. index.html is not
served from here but by ``cms.views.frontend``, never cached.
"""

import re

from whitenoise.middleware import WhiteNoiseMiddleware

# e.g. /assets/index-BAoBuRCL.js, /assets/EventView-CACc8nE0.js.br: Vite's 8-character hash.
VITE_ASSET = re.compile(r"^/assets/.+-[A-Za-z0-9_-]{8}\.[a-z0-9]+(?:\.(?:gz|br))?$")


class FrontendWhiteNoiseMiddleware(WhiteNoiseMiddleware):
    def immutable_file_test(self, path, url):
        return bool(VITE_ASSET.match(url)) or super().immutable_file_test(path, url)
