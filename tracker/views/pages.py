"""The routes of ``CoalitionAgreementPage``: overview, chapter, item."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from core.pages import paginate

from ..forms.agreements import ItemFilterForm
from ..models.agreements import AgreementChapter, AgreementItem
from ..selectors.agreements import (
    agreement_charts,
    item_history,
    items_filter,
    linked_pages,
)

TEMPLATES = "tracker/"
ITEMS_PER_PAGE = 50


def agreement_overview(request, page):
    form = ItemFilterForm(request.GET or None, agreement=page)
    filters, status = {}, 200
    if form.is_bound:
        if form.is_valid():
            filters = {
                "topic": form.cleaned_data["topic"],
                "status": form.cleaned_data["status"],
                "query": form.cleaned_data["q"],
            }
        else:
            status = 400
    items = paginate(request, items_filter(agreement=page, **filters), ITEMS_PER_PAGE)
    query = request.GET.copy()
    query.pop("page", None)
    response = page.render(
        request,
        template=TEMPLATES + "coalition_agreement_page.html",
        context_overrides={
            "filter_form": form,
            "items": items,
            "filtered": bool(filters) and any(filters.values()),
            "query_without_page": query.urlencode(),
            **agreement_charts(agreement=page),
        },
    )
    response.status_code = status
    return response


def chapter_detail(request, page, number):
    chapter = get_object_or_404(AgreementChapter, agreement=page, number=number)
    return page.render(
        request,
        template=TEMPLATES + "agreement_chapter.html",
        context_overrides={
            "chapter": chapter,
            "items": items_filter(agreement=page, chapter=chapter),
            "events": linked_pages(chapter.events.all(), request.user),
        },
    )


def item_detail(request, page, chapter, number):
    item = (
        AgreementItem.objects.filter(
            chapter__agreement=page, chapter__number=chapter, number=number
        )
        .select_related("chapter")
        .prefetch_related("topics")
        .first()
    )
    if item is None:
        raise Http404(_("There is no such item in this agreement."))
    return page.render(
        request,
        template=TEMPLATES + "agreement_item.html",
        context_overrides={
            "item": item,
            "history": item_history(item=item),
            "briefings": linked_pages(item.briefings.all(), request.user),
            "events": linked_pages(item.events.all(), request.user),
        },
    )
