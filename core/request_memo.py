"""Values a render asks for several times, read once per request.

The list of view restrictions is asked for by the page's ``<head>``, its share
links and its comment thread: each time a Redis read and an unpickling of every
restriction (~2 ms at 300 restrictions). Within one request it is kept here.
Outside a request (tasks, commands, the shell) nothing is kept, and a change
made during the request drops what was kept (``forget``).
"""

from contextvars import ContextVar

_memo: ContextVar[dict | None] = ContextVar("portal_request_memo", default=None)


def remembered(key: str, compute):
    """``compute()``, once per request."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def remember(key: str, value) -> None:
    """Keep ``value`` for ``key`` for the rest of the request (read ahead)."""
    memo = _memo.get()
    if memo is not None:
        memo[key] = value


def forget(key: str) -> None:
    memo = _memo.get()
    if memo is not None:
        memo.pop(key, None)


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
