"""openletter: one open letter, every language, through gettext catalogs and one Pelican run."""

__version__ = "0.1.0"
