"""Forms for registering for events, courses and working groups."""
