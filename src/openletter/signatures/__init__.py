"""Signatures: one small TOML record per signer under ``signatures/``, and the check that keeps them publishable."""
