from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from wagtail.models import Locale, Page

from cms.forms import SearchForm
from cms.search import clean_query

RESULTS_PER_PAGE = 10


def search_pages(query, locale):
    """Live, public pages of one language matching every term of the (raw) query.

    The query goes through the same Arabic normaliser as the indexed `search_text`, so
    "احمد" finds "أحمد". Returns None for a query with nothing searchable in it.
    """
    terms = clean_query(query)
    if not terms:
        return None
    pages = Page.objects.live().public().filter(locale=locale).specific()
    return pages.search(terms, operator="and")


def search(request):
    """Site search over the current language's pages, paginated.

    An empty query shows the form only; a long or hostile one is cut and cleaned by
    `clean_query`, never passed to the backend as is.
    """
    form = SearchForm(request.GET)
    raw_query = form.data.get("q", "")
    context = {"form": form, "query": raw_query[:200], "searched": False}
    if raw_query.strip():
        results = search_pages(raw_query, Locale.get_active())
        context["searched"] = True
        if results is not None:
            paginator = Paginator(results, RESULTS_PER_PAGE)
            page_obj = paginator.get_page(request.GET.get("page"))
            context.update(
                {
                    "page_obj": page_obj,
                    "results": [
                        {
                            "page": page,
                            "type": page.specific_class._meta.verbose_name
                            if page.specific_class
                            else "",
                            "snippet": getattr(page, "summary", "") or page.search_description,
                        }
                        for page in page_obj.object_list
                    ],
                    "result_count": paginator.count,
                }
            )
    return TemplateResponse(request, "cms/search.html", context)
