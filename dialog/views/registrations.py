"""Registering, confirming, cancelling and accepting waitlist offers."""
