"""Comments on pages and their moderation."""
