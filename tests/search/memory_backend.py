"""A search backend for tests: an in-memory index, fed by Wagtail's index
updates like OpenSearch is, answering ``search()`` from what it was given.

No OpenSearch server runs here; this stands in for one to show which index
answers the portal's searches. Words match whole, case-insensitively.
"""

from modelsearch import index
from modelsearch.backends.base import BaseSearchBackend

DOCUMENTS: dict[tuple[str, int], str] = {}
QUERIES: list[str] = []


def _text(obj) -> str:
    parts = []
    for field in obj.get_search_fields():
        if isinstance(field, index.SearchField):
            value = field.get_value(obj)
            if isinstance(value, str):
                parts.append(value)
    return " ".join(parts).lower()


def _key(obj) -> tuple[str, int]:
    return (obj._meta.concrete_model._meta.label_lower, obj.pk)


class MemorySearchResults:
    def __init__(self, objects):
        self.objects = objects

    def count(self):
        return len(self.objects)

    def __len__(self):
        return len(self.objects)

    def __iter__(self):
        return iter(self.objects)

    def __getitem__(self, item):
        return self.objects[item]


class MemorySearchBackend(BaseSearchBackend):
    def add(self, obj):
        # Pages are kept under Page, as OpenSearch keeps them in one index.
        page = getattr(obj, "page_ptr", None)
        DOCUMENTS[_key(page or obj)] = _text(obj)

    def add_bulk(self, model, obj_list):
        for obj in obj_list:
            self.add(obj)

    def delete(self, obj):
        DOCUMENTS.pop(_key(getattr(obj, "page_ptr", None) or obj), None)

    def search(self, query, model_or_queryset, fields=None, operator=None, **options):
        QUERIES.append(query)
        queryset = (
            model_or_queryset
            if hasattr(model_or_queryset, "model")
            else model_or_queryset.objects.all()
        )
        label = queryset.model._meta.concrete_model._meta.label_lower
        words = query.lower().split()
        matches = any if operator == "or" else all
        ids = [
            pk
            for (kind, pk), text in DOCUMENTS.items()
            if kind == label and matches(word in text.split() for word in words)
        ]
        found = queryset.filter(pk__in=ids).in_bulk()
        return MemorySearchResults([found[pk] for pk in ids if pk in found])


SearchBackend = MemorySearchBackend
