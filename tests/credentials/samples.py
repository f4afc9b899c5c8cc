"""Sample awards used across the badge tests (facts from the seed articles)."""

from datetime import UTC, datetime
from pathlib import Path

from credentials.credential import (
    AchievementInfo,
    AchievementKind,
    EvidenceInfo,
    IssuerInfo,
    ProfileLink,
    RecipientInfo,
    build_credential,
)

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "openbadges"
SHARED_VENDOR = REPO / ".." / "shared" / "vendor" / "openbadges"
SITE = "https://bidaya.example"
KEY_URL_TEMPLATE = f"{SITE}/badges/keys/{{kid}}/"

ISSUER = IssuerInfo(
    id=f"{SITE}/badges/issuer/",
    name="Bidaya",
    url=f"{SITE}/",
    image_url=f"{SITE}/static/img/bidaya-logo.png",
    email="badges@bidaya.example",
    description="Arabic-first academy for newcomer online freelancers.",
)

ACHIEVEMENTS = {
    AchievementKind.COURSE_COMPLETION: {
        "slug": "first-proposal",
        "name": {"ar": "عرضي الأول", "en": "My first proposal", "fr": "Ma première proposition"},
        "description": {
            "ar": "أكمل دورة كتابة العرض الأول لعميل على خمسات أو مستقل.",
            "en": "Completed the course on writing a first proposal to a client.",
        },
        "criteria": {
            "ar": "إكمال كل دروس الدورة واجتياز اختباراتها.",
            "en": "Finish every lesson of the course and pass its quizzes.",
        },
        "track": "pitching",
    },
    AchievementKind.TRACK_COMPLETION: {
        "slug": "pricing-track",
        "name": {"ar": "مسار التسعير", "en": "Pricing track"},
        "description": {"ar": "أكمل كل دورات مسار التسعير.", "en": "Completed the pricing track."},
        "criteria": {"ar": "إكمال كل دورات المسار.", "en": "Complete every course of the track."},
        "track": "pricing",
    },
    AchievementKind.ASSIGNMENT_APPROVED: {
        "slug": "niche-plan",
        "name": {"ar": "خطة التخصص", "en": "Niche plan"},
        "description": {
            "ar": "وافق مرشد على خطة التخصص.",
            "en": "A mentor approved the niche plan.",
        },
        "criteria": {"ar": "موافقة مرشد على الواجب.", "en": "A mentor approves the assignment."},
        "track": "specialising",
    },
    AchievementKind.MANUAL_AWARD: {
        "slug": "community-helper",
        "name": {"ar": "عون المجتمع", "en": "Community helper"},
        "description": {"ar": "منحه مرشد تقديراً لمساعدة زملائه.", "en": "Awarded by a mentor."},
        "criteria": {"ar": "يمنحه مرشد مع ذكر السبب.", "en": "Given by a mentor with a reason."},
        "track": "custom",
    },
}


def achievement_info(kind=AchievementKind.COURSE_COMPLETION, **overrides):
    data = ACHIEVEMENTS[kind]
    base = f"{SITE}/badges/classes/{data['slug']}/"
    values = {
        "id": base,
        "kind": kind,
        "name": data["name"],
        "description": data["description"],
        "criteria_narrative": data["criteria"],
        "criteria_url": f"{base}#criteria",
        "image_url": f"{SITE}/badges/classes/{data['slug']}/image.png",
        "page_urls": {
            lang: f"{SITE}/{lang}/badges/classes/{data['slug']}/" for lang in ("ar", "en", "fr")
        },
        "tags": ("freelancing", data["track"]),
    }
    values.update(overrides)
    return AchievementInfo(**values)


RECIPIENT = RecipientInfo(
    id=f"{SITE}/learners/afaf-al-nour/",
    email="Afaf.Alnour@Example.com",
    salt="4f1c2a",
    display_name="Afaf Al-Nour",
)
PROFILE_LINKS = (
    ProfileLink("https://mostaql.com/u/afaf_dev", "Mostaql"),
    ProfileLink("https://khamsat.com/user/afaf", "Khamsat"),
)
VALID_FROM = datetime(2025, 3, 14, 9, 30, 15, 123456, tzinfo=UTC)


def evidence_for(kind):
    items = []
    if kind is AchievementKind.COURSE_COMPLETION:
        items.append(
            EvidenceInfo(f"{SITE}/courses/first-proposal/", "My first proposal", genre="Course")
        )
    if kind is AchievementKind.TRACK_COMPLETION:
        for slug in ("price-small", "raise-prices"):
            items.append(EvidenceInfo(f"{SITE}/courses/{slug}/", slug, genre="Course"))
    if kind is AchievementKind.ASSIGNMENT_APPROVED:
        items.append(
            EvidenceInfo(
                f"{SITE}/assignments/submissions/41/",
                "Niche plan: arabising WordPress themes",
                description="Approved by a mentor on the second submission.",
                narrative="Chose arabising WordPress themes, a field with few competitors.",
                genre="Assignment",
            )
        )
    if kind is AchievementKind.MANUAL_AWARD:
        items.append(
            EvidenceInfo(
                f"{SITE}/badges/awards/77/reason/",
                "Mentor's reason",
                narrative="Answered thirty questions from newcomers in the cohort forum.",
            )
        )
    return items


def make_credential(kind=AchievementKind.COURSE_COMPLETION, **overrides):
    values = {
        "credential_id": f"{SITE}/badges/3f0a6b1e-52d4-4a8e-9a43-0c1f9d2b7e11/",
        "issuer": ISSUER,
        "achievement": achievement_info(kind),
        "recipient": RECIPIENT,
        "valid_from": VALID_FROM,
        "language": "ar",
        "evidence": evidence_for(kind),
        "profile_links": PROFILE_LINKS,
        "awarded_at": VALID_FROM,
        "image_url": f"{SITE}/badges/3f0a6b1e-52d4-4a8e-9a43-0c1f9d2b7e11/image.png",
    }
    values.update(overrides)
    return build_credential(**values)
