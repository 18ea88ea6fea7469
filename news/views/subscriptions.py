"""Subscribing, confirming, managing and unsubscribing."""
