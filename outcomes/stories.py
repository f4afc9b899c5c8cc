"""Turning a reported outcome into a draft success story, for an editor to finish.

Only where the learner agreed to be contacted (``may_contact``). The draft is a
``SuccessStoryPage`` under the story index of her language, prefilled with her name,
country and specialisations from her learner profile, the marketplace and the
headline figure of the outcome. It is saved as a revision by the editor and submitted
to the site's moderation workflow, like any story an editor writes, so a moderator
approves it before anyone sees it.
"""

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale

from accounts.api.problems import Refusal
from cms.models import SuccessStoryIndexPage, SuccessStoryPage
from credentials.awarding import profile_of
from notifications import outbox
from outcomes.models import Outcome


class StoryRefused(Refusal):
    status = 409
    code = "story_refused"
    message = gettext_lazy("A story draft cannot be made from this result.")


def story_index(language):
    """The story index of ``language``, else of the site's default language."""
    for code in (language, settings.LANGUAGE_CODE):
        index = (
            SuccessStoryIndexPage.objects.filter(locale__language_code=code)
            .order_by("path")
            .first()
        )
        if index is not None:
            return index
    return None


def headline_figure(outcome, language):
    """``{"value", "label"}`` of the figure block: the amount, the band or the delay."""
    with translation.override(language):
        if outcome.kind == Outcome.Kind.EARNINGS:
            return {"value": _band_value(outcome.band), "label": _("earned each month")}
        if outcome.amount is not None:
            amount = formats.number_format(outcome.amount.normalize(), use_l10n=False)
            return {
                "value": f"{amount} {outcome.currency}"[:20],
                "label": _("from a first client"),
            }
        return {"value": "1", "label": _("first client")}


def _band_value(band):
    return {
        Outcome.Band.UNDER_100: "< 100 $",
        Outcome.Band.B100_300: "100–300 $",
        Outcome.Band.B300_1000: "300–1000 $",
        Outcome.Band.OVER_1000: "> 1000 $",
    }.get(band, "")


def _unique_slug(index, base):
    slug = (slugify(base, allow_unicode=True) or "story")[:60]
    taken = set(index.get_children().values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate = f"{slug}-{number}"
        number += 1
    return candidate


def make_draft(outcome, editor):
    """Create the draft, submit it to moderation and return the page.

    Raises ``StoryRefused`` when the learner did not agree to be contacted, a draft
    exists already, or there is no story index to put it in.
    """
    with transaction.atomic():
        outcome = (
            Outcome.objects.select_for_update(of=("self",))
            .select_related("user", "marketplace")
            .get(pk=outcome.pk)
        )
        if not outcome.may_contact:
            raise StoryRefused(_("The learner did not agree to be contacted for a story."))
        if outcome.story_id:
            raise StoryRefused(_("A story draft was already made from this result."))
        language = outbox.language_for(outcome.user)
        index = story_index(language)
        if index is None:
            raise StoryRefused(_("There is no story index to put the draft in."))
        language = index.locale.language_code
        page = _build_page(outcome, index, language, editor)
        index.add_child(instance=page)
        revision = page.save_revision(user=editor, log_action=True)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, editor)
        outcome.story = page
        outcome.save(update_fields=["story", "updated_at"])
    return page, revision


def _build_page(outcome, index, language, editor):
    profile = profile_of(outcome.user)
    with translation.override(language):
        name = (profile.name_for(language) if profile else "") or outbox.account_name(outcome.user)
        marketplace = outcome.marketplace.name_for(language) if outcome.marketplace else ""
        title = (
            _("%(name)s: a first client on %(marketplace)s")
            % {"name": name, "marketplace": marketplace}
            if marketplace
            else _("%(name)s: earning from freelancing") % {"name": name}
        )
        intro = _("To be written with %(name)s, who reported this result on %(date)s.") % {
            "name": name,
            "date": formats.date_format(timezone.localdate(outcome.created_at), "DATE_FORMAT"),
        }
    page = SuccessStoryPage(
        title=title[:255],
        slug=_unique_slug(index, f"{name}-{outcome.pk}"),
        locale=Locale.objects.get(language_code=language),
        person_name=name[:120],
        country=profile.country if profile else None,
        intro=intro[:300],
        figures=[("figure", headline_figure(outcome, language))],
        live=False,
        owner=editor,
    )
    page.marketplaces = [outcome.marketplace] if outcome.marketplace else []
    page.specialisations = list(profile.specialisations.all()) if profile else []
    return page
