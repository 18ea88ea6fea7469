"""Registrations for events, courses and working groups, with waitlist."""
