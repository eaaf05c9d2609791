"""Publishing settings: absolute URLs for canonical and hreflang links."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("OPENLETTER_SITEURL", "")  # e.g. https://letter.example.org (no trailing slash)
RELATIVE_URLS = False
