"""Comment moderation in the Wagtail admin."""
