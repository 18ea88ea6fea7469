"""Writing, editing, deleting and reporting comments."""
