"""The gettext core: PO files read and written as GNU gettext does, merged, compiled; templates extracted."""
