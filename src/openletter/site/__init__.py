"""The site model: documents in every language, their links, and the translators' views of them."""
