"""Views of the news app, one module per domain."""
