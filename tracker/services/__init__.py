"""Business rules of the tracker, one module per domain.

Import them from their module (``tracker.services.agreements``): this package
re-exports nothing, so ``tracker.tasks`` can import the services it runs while
the services enqueue its tasks.
"""
