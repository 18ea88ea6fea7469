"""Reads of registrations: seats taken, waitlist, organiser lists."""
