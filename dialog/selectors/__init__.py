"""Non-trivial reads of the dialog app, one module per domain.

Nothing is imported here: the event page imports ``online_links`` and
``events`` imports the event page, so a re-export would be a circle.
"""
