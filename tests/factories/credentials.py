"""Badge classes, awards with a real signed credential, learner profiles and their links.

`BadgeClassFactory()` is earned by completing a course (built through the courses
factories); traits give the other rules: `for_track=True`, `for_assignment=True` (a
lesson holding an assignment), `manual=True`.

`BadgeAwardFactory()` writes the award as `credentials.awarding` would: the learner's
profile, the Open Badges credential built from the award, and its VC-JWT signed with
the configured key when a test set `BIDAYA_BADGE_SIGNING_KEY_FILE` (the `key_file`
fixture in tests/credentials), else with a throwaway key made once per run, so a
factory never writes a key file under var/.
"""

import functools

import factory
from factory.django import DjangoModelFactory

from django.conf import settings
from django.utils import timezone

from credentials import awarding, signing, site
from credentials.models import (
    BadgeAward,
    BadgeClass,
    BadgeRule,
    BadgeStatusList,
    DesignTrack,
    LearnerProfile,
    MarketplaceLink,
)
from tests.factories.accounts import UserFactory
from tests.factories.cms import CountryFactory, MarketplaceFactory
from tests.factories.courses import (
    CoursePageFactory,
    LessonPageFactory,
    assignment_block,
    text_block,
)
from tests.factories.learning import block_id


def _assignment_body():
    return [text_block("<p>اقرأ ثم سلّم عملك</p>"), assignment_block()]


class BadgeClassFactory(DjangoModelFactory):
    name_ar = factory.Sequence(lambda n: f"عرضي الأول {n}")
    name_en = factory.Sequence(lambda n: f"My first proposal {n}")
    name_fr = factory.Sequence(lambda n: f"Ma première proposition {n}")
    description_ar = "أكمل دورة كتابة العرض الأول لعميل على خمسات أو مستقل."
    description_en = "Completed the course on writing a first proposal to a client."
    criteria_ar = "إكمال كل دروس الدورة."
    criteria_en = "Finish every lesson of the course."
    design_track = DesignTrack.PITCHING
    rule = BadgeRule.COURSE
    course = factory.SubFactory(CoursePageFactory)

    class Meta:
        model = BadgeClass

    class Params:
        for_track = factory.Trait(
            rule=BadgeRule.TRACK,
            course=None,
            track=DesignTrack.PRICING,
            design_track=DesignTrack.PRICING,
        )
        for_assignment = factory.Trait(
            rule=BadgeRule.ASSIGNMENT,
            course=None,
            lesson=factory.SubFactory(
                LessonPageFactory, body=factory.LazyFunction(_assignment_body)
            ),
            assignment_id=factory.LazyAttribute(lambda o: block_id(o.lesson, "assignment")),
            criteria_ar="أن يوافق المرشد على عرضك.",
            criteria_en="Have a mentor approve your proposal.",
        )
        manual = factory.Trait(
            rule=BadgeRule.MANUAL,
            course=None,
            design_track=DesignTrack.CUSTOM,
            colour="#0f766e",
            icon="star",
        )


@functools.cache
def _throwaway_key():
    return signing.SigningKey.generate(bits=2048)


def factory_signing_key():
    if getattr(settings, "BIDAYA_BADGE_SIGNING_KEY_FILE", ""):
        return signing.load_signing_key()
    return _throwaway_key()


class BadgeAwardFactory(DjangoModelFactory):
    badge_class = factory.SubFactory(BadgeClassFactory)
    recipient = factory.SubFactory(UserFactory)
    awarded_at = factory.LazyFunction(timezone.now)
    language = "ar"
    source = BadgeAward.Source.RULE
    status_list = 1
    # Distinct slots without drawing at random; awarding draws its own.
    status_index = factory.Sequence(lambda n: 100_000 + n)

    class Meta:
        model = BadgeAward

    class Params:
        manual = factory.Trait(
            source=BadgeAward.Source.MANUAL,
            badge_class=factory.SubFactory(BadgeClassFactory, manual=True),
            awarded_by=factory.SubFactory(UserFactory),
            reason="قدّم عرضا ممتازا في ورشة المرشدين.",
        )
        revoked = factory.Trait(
            revoked_at=factory.LazyFunction(timezone.now),
            revoked_by=factory.SubFactory(UserFactory),
            revocation_reason="مُنحت بالخطأ.",
        )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        award = model_class(*args, **kwargs)
        profile = awarding.ensure_profile(award.recipient)
        award.credential = awarding.build_award_credential(award, profile)
        award.jws = signing.sign(
            award.credential,
            key_url_template=site.key_url_template(),
            signing_key=factory_signing_key(),
        )
        award.signed_at = timezone.now()
        award.save(force_insert=True)
        return award


class LearnerProfileFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    username = factory.Sequence(lambda n: f"afaf-designs-{n}")
    display_name_ar = "عفاف"
    display_name_latin = "Afaf"
    country = factory.SubFactory(
        CountryFactory, code="MA", name_ar="المغرب", name_en="Morocco", name_fr="Maroc"
    )

    class Meta:
        model = LearnerProfile
        django_get_or_create = ("user",)
        skip_postgeneration_save = True

    class Params:
        public = factory.Trait(is_public=True)

    @factory.post_generation
    def specialisations(self, create, extracted, **kwargs):
        if create and extracted:
            self.specialisations.set(extracted)


class MarketplaceLinkFactory(DjangoModelFactory):
    """The learner's Mostaql profile, written as the marketplace's template has it."""

    profile = factory.SubFactory(LearnerProfileFactory)
    marketplace = factory.SubFactory(MarketplaceFactory)
    url = factory.LazyAttribute(
        lambda o: o.marketplace.clean_profile_url(
            o.marketplace.profile_url_for(o.profile.username or "afaf")
        )
    )

    class Meta:
        model = MarketplaceLink


class BadgeStatusListFactory(DjangoModelFactory):
    """A revocation list's row; numbered far above the lists that awards open."""

    number = factory.Sequence(lambda n: 10_000 + n)
    used = 0
    revoked = 0

    class Meta:
        model = BadgeStatusList
