from .agreements import ItemFilterForm, StatusUpdateForm
from .evaluation import FeedbackForm

__all__ = ["FeedbackForm", "ItemFilterForm", "StatusUpdateForm"]
