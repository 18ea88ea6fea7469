"""Email subscriptions to topics, districts and content kinds, and deliveries."""
