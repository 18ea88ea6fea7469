"""Reads of comments: threads for a page, the moderation queue."""
