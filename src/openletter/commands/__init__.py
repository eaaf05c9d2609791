"""The commands behind ``invoke`` and ``openletter``: build, preview, publish, and the catalog commands."""
