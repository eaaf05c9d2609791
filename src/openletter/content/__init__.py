"""The source documents: Markdown split into translation units and put back, rendered to safe HTML."""
