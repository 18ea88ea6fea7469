"""Demo content for development and review: ``manage.py load_demo``."""
