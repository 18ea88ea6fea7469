"""Forms for writing, editing and reporting comments."""
