"""The demo badge classes: one per demo course, one per track, one for an approved
assignment and one a mentor awards by hand, each named, described and with criteria in
Arabic, English and French.

Badge classes are found by a fixed uuid, so a second run creates nothing and a badge an
editor has since reworded or switched off stays as they left it.
"""

# ruff: noqa: E501 - the texts read better unbroken.

import uuid

from cms.demo.site import demo_key
from courses.models import CoursePage, LessonPage
from credentials.models import BadgeClass, BadgeRule, DesignTrack

BADGE_NAMESPACE = uuid.UUID("8f5c1a0e-2b7d-4e43-9d61-6a0c3f2e9b17")


def T(ar, en, fr):  # noqa: N802 - reads like a literal
    return {"ar": ar, "en": en, "fr": fr}


BADGES = [
    {
        "key": "course:first-proposal",
        "rule": BadgeRule.COURSE,
        "course": "first-proposal",
        "design": (DesignTrack.PITCHING, "speech"),
        "image": ("العرض الأول", "First proposal"),
        "name": T(
            "عرضك الأول على مستقل",
            "Your first proposal on Mostaql",
            "Votre première offre sur Mostaql",
        ),
        "description": T(
            "أنهى صاحب هذه الشارة دورة كتابة العروض: يقرأ وصف المشروع ليجد حاجة العميل الحقيقية، ويكتب عرضًا قصيرًا وصادقًا يختلف عن العروض المنسوخة.",
            "The holder finished the proposal-writing course: they read a project brief to find the client's real need, and write a short, honest proposal that stands apart from copy-pasted ones.",
            "Le titulaire a terminé le cours sur la rédaction d'offres : il lit le descriptif d'un projet pour trouver le vrai besoin du client et rédige une offre courte et honnête, loin des textes copiés-collés.",
        ),
        "criteria": T(
            "إتمام كل دروس دورة «عرضك الأول على مستقل»: مشاهدة الفيديو، والنجاح في الاختبار، وموافقة مرشد على عرض حقيقي مكتوب لمشروع مفتوح.",
            "Complete every lesson of “Your first proposal on Mostaql”: watch the video, pass the quiz, and have a real proposal for an open project approved by a mentor.",
            "Terminer toutes les leçons de « Votre première offre sur Mostaql » : regarder la vidéo, réussir le quiz et faire approuver par un mentor une vraie offre pour un projet ouvert.",
        ),
    },
    {
        "key": "course:first-service-price",
        "rule": BadgeRule.COURSE,
        "course": "first-service-price",
        "design": (DesignTrack.PRICING, "tag"),
        "image": ("السعر الأول", "First price"),
        "name": T(
            "تسعير خدمتك الأولى على خمسات",
            "Pricing your first Khamsat service",
            "Fixer le prix de votre premier service sur Khamsat",
        ),
        "description": T(
            "أنهى صاحب هذه الشارة دورة التسعير: يحسب سعرًا يغطي وقته ومصاريفه وعمولة المنصة، ويعرف أن الجودة والعرض والسمعة تبيع قبل السعر الأقل.",
            "The holder finished the pricing course: they work out a price that covers their time, costs and the platform's commission, and know that quality, presentation and reputation sell before the lowest price does.",
            "Le titulaire a terminé le cours sur les prix : il calcule un prix qui couvre son temps, ses frais et la commission de la plateforme, et sait que la qualité, la présentation et la réputation vendent avant le prix le plus bas.",
        ),
        "criteria": T(
            "إتمام كل دروس دورة «تسعير خدمتك الأولى على خمسات»، ومنها نشر خدمة بسعر محسوب يوافق عليها مرشد.",
            "Complete every lesson of “Pricing your first Khamsat service”, including publishing a service at a worked-out price that a mentor approves.",
            "Terminer toutes les leçons de « Fixer le prix de votre premier service sur Khamsat », dont la publication d'un service à un prix calculé, approuvée par un mentor.",
        ),
    },
    {
        "key": "course:find-your-niche",
        "rule": BadgeRule.COURSE,
        "course": "find-your-niche",
        "design": (DesignTrack.SPECIALISING, "target"),
        "image": ("تخصصي", "My niche"),
        "name": T("اعثر على تخصصك", "Find your niche", "Trouvez votre spécialité"),
        "description": T(
            "أنهى صاحب هذه الشارة دورة التخصص: اختار مجالًا ضيقًا يستطيع التميز فيه بعيدًا عن المجالات المزدحمة، وكتب خطة ليعرفه العملاء به.",
            "The holder finished the specialising course: they chose a narrow field where they can excel, away from crowded ones, and wrote a plan for clients to know them by it.",
            "Le titulaire a terminé le cours sur la spécialisation : il a choisi un domaine étroit où il peut exceller, loin des domaines encombrés, et rédigé un plan pour que les clients l'y reconnaissent.",
        ),
        "criteria": T(
            "إتمام كل دروس دورة «اعثر على تخصصك»، ومنها خطة تخصص يوافق عليها مرشد.",
            "Complete every lesson of “Find your niche”, including a niche plan that a mentor approves.",
            "Terminer toutes les leçons de « Trouvez votre spécialité », dont un plan de spécialisation approuvé par un mentor.",
        ),
    },
    {
        "key": "track:pitching",
        "rule": BadgeRule.TRACK,
        "track": "pitching",
        "design": (DesignTrack.PITCHING, "star"),
        "image": ("مسار الإقناع", "Pitching track"),
        "name": T("مسار إقناع العملاء", "Pitching track", "Parcours « Convaincre le client »"),
        "description": T(
            "أتمّ صاحب هذه الشارة كل دورات مسار الإقناع: فهم ما يريده العميل، وكتابة عروض واضحة، والالتزام بالمواعيد.",
            "The holder completed every course of the pitching track: understanding what a client wants, writing clear proposals and keeping deadlines.",
            "Le titulaire a terminé tous les cours du parcours « Convaincre le client » : comprendre ce que veut le client, rédiger des offres claires et tenir les délais.",
        ),
        "criteria": T(
            "إتمام كل دورات مسار الإقناع المنشورة في بداية.",
            "Complete every published course of Bidaya's pitching track.",
            "Terminer tous les cours publiés du parcours « Convaincre le client » de Bidaya.",
        ),
    },
    {
        "key": "track:pricing",
        "rule": BadgeRule.TRACK,
        "track": "pricing",
        "design": (DesignTrack.PRICING, "star"),
        "image": ("مسار التسعير", "Pricing track"),
        "name": T("مسار التسعير", "Pricing track", "Parcours « Fixer ses prix »"),
        "description": T(
            "أتمّ صاحب هذه الشارة كل دورات مسار التسعير: خدمات صغيرة بسعر ثابت أولًا، ثم متى وكيف يرفع سعره، وكيف يستلم أرباحه.",
            "The holder completed every course of the pricing track: small fixed-price services first, then when and how to raise prices, and how to get paid.",
            "Le titulaire a terminé tous les cours du parcours « Fixer ses prix » : d'abord de petits services à prix fixe, puis quand et comment augmenter ses tarifs, et comment être payé.",
        ),
        "criteria": T(
            "إتمام كل دورات مسار التسعير المنشورة في بداية.",
            "Complete every published course of Bidaya's pricing track.",
            "Terminer tous les cours publiés du parcours « Fixer ses prix » de Bidaya.",
        ),
    },
    {
        "key": "track:specialising",
        "rule": BadgeRule.TRACK,
        "track": "specialising",
        "design": (DesignTrack.SPECIALISING, "star"),
        "image": ("مسار التخصص", "Specialising track"),
        "name": T("مسار التخصص", "Specialising track", "Parcours « Se spécialiser »"),
        "description": T(
            "أتمّ صاحب هذه الشارة كل دورات مسار التخصص: اختيار مجال يتميز فيه، وتجنب الزحام، ومواصلة التعلم.",
            "The holder completed every course of the specialising track: choosing a field to excel in, avoiding crowded ones and keeping on learning.",
            "Le titulaire a terminé tous les cours du parcours « Se spécialiser » : choisir un domaine où exceller, éviter les domaines encombrés et continuer à apprendre.",
        ),
        "criteria": T(
            "إتمام كل دورات مسار التخصص المنشورة في بداية.",
            "Complete every published course of Bidaya's specialising track.",
            "Terminer tous les cours publiés du parcours « Se spécialiser » de Bidaya.",
        ),
    },
    {
        "key": "assignment:first-service",
        "rule": BadgeRule.ASSIGNMENT,
        "lesson": ("first-service-price", "raise-your-price"),
        "design": (DesignTrack.PRICING, "tag"),
        "image": ("خدمة منشورة", "Service published"),
        "name": T(
            "خدمة أولى بسعر مدروس",
            "First service at a reasoned price",
            "Premier service à un prix réfléchi",
        ),
        "description": T(
            "نشر صاحب هذه الشارة خدمته الأولى على خمسات بوصف واضح وسعر حسبه بنفسه، وراجعها مرشد من بداية ووافق عليها.",
            "The holder published their first service on Khamsat with a clear description and a price they worked out themselves, and a Bidaya mentor reviewed and approved it.",
            "Le titulaire a publié son premier service sur Khamsat avec une description claire et un prix qu'il a calculé lui-même ; un mentor de Bidaya l'a relu et approuvé.",
        ),
        "criteria": T(
            "أن يوافق مرشد على واجب «انشر خدمتك الأولى بسعر مدروس»: خدمة بعنوان ووصف ومدة تسليم، وسعر مع الأرقام التي حُسب بها.",
            "A mentor approves the assignment “Publish your first service at a reasoned price”: a service with a title, a description and a delivery time, and a price with the numbers behind it.",
            "Un mentor approuve le devoir « Publiez votre premier service à un prix réfléchi » : un service avec un titre, une description et un délai de livraison, et un prix accompagné des chiffres qui le justifient.",
        ),
    },
    {
        "key": "manual:helping-hand",
        "rule": BadgeRule.MANUAL,
        "design": (DesignTrack.CUSTOM, "star"),
        "image": ("يد العون", "Helping hand"),
        "name": T("يد العون", "Helping hand", "Coup de main"),
        "description": T(
            "يمنحها مرشد لمتعلم ساعد زملاءه: أجاب عن أسئلتهم، أو شاركهم مثالًا من عمله، أو راجع عروضهم قبل إرسالها.",
            "Given by a mentor to a learner who helped others: answered their questions, shared an example from their own work or looked over their proposals before they were sent.",
            "Attribué par un mentor à un apprenant qui a aidé les autres : il a répondu à leurs questions, partagé un exemple de son travail ou relu leurs offres avant l'envoi.",
        ),
        "criteria": T(
            "يمنحها مرشد يدويًا، ويكتب السبب الذي يظهر في صفحة الشارة.",
            "Awarded by hand by a mentor, who writes the reason shown on the badge page.",
            "Attribué à la main par un mentor, qui écrit la raison affichée sur la page du badge.",
        ),
    },
]


def badge_uuid(key):
    return uuid.uuid5(BADGE_NAMESPACE, key)


def _course(key):
    return CoursePage.objects.filter(
        translation_key=demo_key(f"course:{key}"), locale__language_code="ar"
    ).first()


def _lesson(course_key, lesson_key):
    return LessonPage.objects.filter(
        translation_key=demo_key(f"lesson:{course_key}:{lesson_key}"), locale__language_code="ar"
    ).first()


def build_badge(spec):
    """An unsaved BadgeClass for ``spec``, or None when its course or lesson is missing."""
    track, icon = spec["design"]
    image_ar, image_latin = spec["image"]
    badge = BadgeClass(
        uuid=badge_uuid(spec["key"]),
        rule=spec["rule"],
        design_track=track,
        icon=icon,
        image_name_ar=image_ar,
        image_name_latin=image_latin,
        track=spec.get("track", ""),
    )
    for field in ("name", "description", "criteria"):
        for code, text in spec[field].items():
            setattr(badge, f"{field}_{code}", text)
    if "course" in spec:
        badge.course = _course(spec["course"])
        if badge.course is None:
            return None
    if "lesson" in spec:
        badge.lesson = _lesson(*spec["lesson"])
        if badge.lesson is None:
            return None
    badge.full_clean()  # the admin's own checks; also picks the lesson's one assignment
    return badge


def seed_badges(ctx):
    """The demo badge classes, with ar/en/fr texts; their images are drawn from the design.

    Provides ctx.data["demo_badges"], keyed by badge key.
    """
    existing = {
        badge.uuid: badge
        for badge in BadgeClass.objects.filter(uuid__in=[badge_uuid(s["key"]) for s in BADGES])
    }
    found = {}
    for spec in BADGES:
        badge = existing.get(badge_uuid(spec["key"]))
        if badge is None:
            badge = build_badge(spec)
            if badge is None:
                continue
            badge.save()
            ctx.count("badges")
        found[spec["key"]] = badge
    ctx.data["demo_badges"] = found
