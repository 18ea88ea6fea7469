"""Registration lists and exports in the Wagtail admin."""
