"""Comments on pages, replies, reports and their moderation.

Pages take part through :class:`comments.mixins.CommentableMixin`,
``comments_panel()`` and the template ``comments/section.html``.
"""
