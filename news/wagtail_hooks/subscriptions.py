"""Subscribers and the progress of notification sends in the Wagtail admin."""
