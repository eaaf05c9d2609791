"""Pelican settings for openletter (development: relative URLs). publishconf.py adds publishing."""

AUTHOR = "openletter contributors"
SITENAME = "Open Letter"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"  # the language of content/ (a CLDR code)

PATH = "content"
PAGE_PATHS = [""]  # the letter is a page; there is no blog
ARTICLE_PATHS = []
STATIC_PATHS = ["extra"]
EXTRA_PATH_METADATA = {"extra/favicon.svg": {"path": "favicon.svg"}}
THEME = "theme"
PLUGINS = ["openletter.pelican_plugin"]
JINJA_ENVIRONMENT = {
    "extensions": ["jinja2.ext.i18n"],
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
}

DIRECT_TEMPLATES = ["index"]  # "/" is the language chooser
TEMPLATE_PAGES = {  # search engines, the language notices (translate/ and <lang>/review/ come from the openletter plugin)
    "sitemap.xml": "sitemap.xml",
    "robots.txt": "robots.txt",
    "notices.js": "theme/js/notices.js",
}
RELATIVE_URLS = True
CACHE_CONTENT = False
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False

# openletter
OPENLETTER_LOCALE_PATH = "locale"  # templates and <ll>/LC_MESSAGES/*.po
OPENLETTER_BUGS_ADDRESS = ""  # Report-Msgid-Bugs-To of the templates
OPENLETTER_NODE_MODULES = "node_modules"  # npm packages (webfonts) from package-lock.json: `npm ci`
OPENLETTER_CACHE_PATH = ".cache/openletter"  # content-addressed build cache ("" disables it)
OPENLETTER_PUBLISH_THRESHOLD = 80  # % of the letter a language needs translated to be listed; below: a noindex draft
OPENLETTER_HELP_URL = "translate/"  # "Help improve this translation" (site-relative or absolute URL)
OPENLETTER_TRANSLATOR_PAGES = True  # translate/ dashboards, <lang>/review/, badges, catalog downloads
OPENLETTER_REPOSITORY_URL = ""  # the project's repository (its CONTRIBUTING.md), linked from translate/
OPENLETTER_PDF = False  # PDFs and share cards (Chromium): `invoke build --pdf`; publishconf.py turns it on
OPENLETTER_PDF_PAPERS = ["A4", "Letter"]  # one PDF per paper size: "A4", "A5", "Letter"
OPENLETTER_PSEUDO_LOCALE = False  # en-XA pseudo-translation at /en-xa/; `invoke build --pseudo` turns it on
