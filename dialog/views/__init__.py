"""Views of the dialog app, one module per domain."""
