"""Specialising track: "Find your niche"."""

# ruff: noqa: E501 - prose and quiz choices read better unbroken than split mid-sentence.

from courses.demo.content.common import L

COURSE = {
    "key": "find-your-niche",
    "slug": "find-your-niche",
    "track": "specialising",
    "level": "intermediate",
    "specialisations": ["wordpress-arabisation", "voice-over", "database-programming"],
    "marketplaces": ["khamsat", "mostaql"],
    "people": [("karim", "instructor"), ("nadia", "mentor")],
    "fields": {
        "title": L("اعثر على تخصصك", "Find your niche"),
        "summary": L(
            "تعريب قوالب ووردبريس، التعليق الصوتي، برامج قواعد بيانات أكسس: مجالات صغيرة "
            "صنعت دخلًا حقيقيًا لأصحابها. تعلّم كيف تختار مجالًا تتميز فيه بعيدًا عن الزحام.",
            "Arabising WordPress themes, voice-over, Access database programs: small fields "
            "that gave their people a real income. Learn to choose one where you can excel, "
            "away from the crowd.",
        ),
        "learning_outcomes": L(
            "تميّز بين مجال مزدحم ومجال مفتوح\n"
            "تقيّم مهاراتك مقابل ما يطلبه المشترون\n"
            "تكتب جملة تخصص واضحة وثلاث أفكار لخدمات",
            "Tell a crowded field from an open one\n"
            "Weigh your skills against what buyers ask for\n"
            "Write a clear niche statement and three service ideas",
        ),
        "prerequisites": L(
            "<ul><li>أنهيت دورة «عرضك الأول على مستقل» أو بعت خدمة واحدة على الأقل</li></ul>",
            "<ul><li>You finished “Your first proposal on Mostaql” or sold at least one service</li></ul>",
        ),
    },
    "lessons": [
        {
            "key": "why-specialise",
            "slug": "why-specialise",
            "practice_minutes": 5,
            "fields": {
                "title": L("لماذا التخصص؟", "Why specialise?"),
                "summary": L(
                    "المشتري يبحث عن أفضل من يحل مشكلته، لا عمن يعرف كل شيء.",
                    "Buyers look for the best person for their problem, not for someone "
                    "who knows everything.",
                ),
            },
            "blocks": [
                (
                    "video",
                    {
                        "title": L("المتخصص يُتذكَّر", "The specialist is remembered"),
                        "note": L(
                            "فكّر وأنت تشاهد: في أي شيء يطلب أصدقاؤك مساعدتك عادة؟",
                            "Think while you watch: what do your friends usually ask you to help with?",
                        ),
                        "slides": [
                            {
                                "heading": "اعثر على تخصصك",
                                "lines": ["الدرس الأول: لماذا التخصص؟"],
                                "narration": "مرحبا. نتحدث اليوم عن اختيار مجال واحد تتقنه وتعرف به.",
                                "narration_en": "Hello. Today we talk about choosing one field you master and become known for.",
                            },
                            {
                                "heading": "أمثلة حقيقية",
                                "lines": [
                                    "تعريب قوالب ووردبريس",
                                    "التعليق الصوتي",
                                    "برامج قواعد البيانات",
                                ],
                                "narration": "تعريب القوالب والتعليق الصوتي وبرامج قواعد البيانات مجالات صغيرة صنعت دخلا حقيقيا.",
                                "narration_en": "Theme arabisation, voice-over and database programs are small fields that produced real income.",
                            },
                            {
                                "heading": "تخصص حيث تتميز",
                                "lines": ["اختر ما تتقنه", "وسوّق لنفسك فيه"],
                                "narration": "اختر مجالا تستطيع أن تكون فيه من الأفضل، ثم سوّق لنفسك فيه.",
                                "narration_en": "Pick a field where you can be among the best, then market yourself in it.",
                            },
                        ],
                    },
                ),
                (
                    "text",
                    L(
                        "<p>حين يكتب المشتري «أريد تعريب قالب ووردبريس»، فهو يبحث عن شخص فعل ذلك "
                        "عشرات المرات، لا عن مطور يقدّم كل شيء. التخصص يختصر عليه القرار: يرى "
                        "أعمالًا سابقة في الشيء نفسه بالضبط، فيثق.</p>"
                        "<p>والتخصص يختصر عليك أنت أيضًا: أدواتك جاهزة، وتعرف المشكلات قبل أن "
                        "تظهر، فتسلّم أسرع وبجودة أعلى، ويصبح رفع السعر أسهل.</p>",
                        "<p>When a buyer writes “I need a WordPress theme arabised”, they look for "
                        "someone who has done exactly that dozens of times, not for a developer "
                        "who offers everything. Specialising shortens their decision: they see "
                        "past work on the very same thing, and they trust it.</p>"
                        "<p>It shortens your work too: your tools are ready, you know the problems "
                        "before they appear, you deliver faster and better, and raising your price "
                        "gets easier.</p>",
                    ),
                ),
                (
                    "story_quote",
                    {
                        "story": "ahmed-ahmed-voice-over",
                        "quote": L(
                            "تخصّص في المجال الذي تستطيع أن تبدع فيه، وسوّق لنفسك، ولا تتردد في "
                            "تقديم بعض العمل مجانًا في البداية.",
                            "Specialise where you can excel, market yourself, and do not hesitate "
                            "to offer some work for free at the start.",
                        ),
                        "attribution": L("أحمد، معلّق صوتي", "Ahmed, voice-over artist"),
                    },
                ),
            ],
        },
        {
            "key": "crowded-or-open",
            "slug": "crowded-fields-and-open-ones",
            "practice_minutes": 20,
            "fields": {
                "title": L("المجالات المزدحمة والمجالات المفتوحة", "Crowded fields and open ones"),
                "summary": L(
                    "كيف تعرف أن مجالًا مزدحمًا، وأين تجد المساحات الفارغة.",
                    "How to tell a field is crowded, and where to find the open spaces.",
                ),
            },
            "blocks": [
                (
                    "text",
                    L(
                        "<p>ابحث في المنصة عن اسم المجال وعُدّ: كم خدمة تظهر؟ كم منها له تقييمات "
                        "كثيرة؟ إن وجدت مئات الخدمات المتشابهة بأسعار تتنافس نزولًا، فالمجال "
                        "مزدحم. لاحظت مطورة من مراكش أن التصميم على مستقل مزدحم، وأن البرمجة أقل "
                        "ازدحامًا، فاختارت البرمجة.</p>"
                        "<p>المساحات المفتوحة غالبًا ضيقة ومحددة: تعريب قوالب ووردبريس لأصحاب "
                        "المتاجر العربية، أو برامج أكسس للمحلات والمدارس. مستقل من الجزائر وصل "
                        "دخله من التعريب إلى ربع دخله الشهري خلال أربعة أشهر، ومبرمج سوري صار "
                        "يكسب من برامج أكسس قرابة نصف دخله.</p>",
                        "<p>Search the marketplace for the field's name and count: how many "
                        "services appear? How many have lots of reviews? If you find hundreds of "
                        "look-alike services with prices racing downwards, the field is crowded. A "
                        "developer from Marrakesh noticed that design on Mostaql was crowded and "
                        "development less so, and chose development.</p>"
                        "<p>Open spaces are often narrow and specific: arabising WordPress themes "
                        "for Arab shop owners, or Access programs for shops and schools. A "
                        "freelancer in Algeria earned a quarter of his monthly income from "
                        "arabisation within four months, and a Syrian programmer came to earn close "
                        "to half of his from Access programs.</p>",
                    ),
                ),
                (
                    "story_quote",
                    {
                        "story": "abdelhafid-chraier",
                        "quote": L(
                            "خلال أربعة أشهر صار العمل الحر ربع دخلي الشهري.",
                            "Within four months, freelancing was a quarter of my monthly income.",
                        ),
                        "attribution": L(
                            "عبد الحفيظ، يعرّب قوالب ووردبريس",
                            "Abdelhafid, arabises WordPress themes",
                        ),
                    },
                ),
                (
                    "tip",
                    {
                        "kind": "tip",
                        "title": L("اسأل: ما الذي ينقص؟", "Ask: what is missing?"),
                        "text": L(
                            "<p>اقرأ تقييمات الخدمات المنافسة السلبية. ما يشتكي منه المشترون هو "
                            "بالضبط ما يمكنك أن تقدّمه أفضل.</p>",
                            "<p>Read the negative reviews of competing services. What buyers "
                            "complain about is exactly what you can do better.</p>",
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "title": L("مزدحم أم مفتوح؟", "Crowded or open?"),
                        "intro": L("", ""),
                        "pass_mark": 67,
                        "max_attempts": 0,
                        "retry_wait_minutes": 0,
                        "questions": [
                            {
                                "question": L(
                                    "تعرف ووردبريس جيدًا وتكتب العربية بإتقان. أي مجال أقرب إلى أن يكون مفتوحًا لك؟",
                                    "You know WordPress well and write Arabic perfectly. Which field is more likely to be open for you?",
                                ),
                                "kind": "single",
                                "choices": [
                                    (L("تعريب قوالب ووردبريس", "Arabising WordPress themes"), True),
                                    (L("تصميم الشعارات بشكل عام", "Logo design in general"), False),
                                    (
                                        L(
                                            "كتابة أي نوع من المقالات",
                                            "Writing any kind of article",
                                        ),
                                        False,
                                    ),
                                ],
                                "explanation": L(
                                    "يجمع بين مهارتين نادرًا ما تجتمعان، ويطلبه أصحاب المتاجر العربية.",
                                    "It combines two skills that rarely come together, and Arab "
                                    "shop owners ask for it.",
                                ),
                            },
                            {
                                "question": L(
                                    "أي هذه علامات على أن المجال يناسبك؟",
                                    "Which are signs that a field suits you?",
                                ),
                                "kind": "multiple",
                                "choices": [
                                    (
                                        L(
                                            "تستطيع أن تعمل فيه أفضل من أغلب البائعين",
                                            "You can do it better than most sellers",
                                        ),
                                        True,
                                    ),
                                    (L("المشترون يطلبونه", "Buyers are asking for it"), True),
                                    (L("قليلون يقدّمونه جيدًا", "Few offer it well"), True),
                                    (
                                        L(
                                            "الجميع يبيعه بأسعار تنخفض",
                                            "Everyone sells it at falling prices",
                                        ),
                                        False,
                                    ),
                                ],
                                "explanation": L(
                                    "الطلب والإتقان وقلة المنافسين الجيدين معًا؛ الأسعار المتهاوية علامة زحام.",
                                    "Demand, mastery and few good competitors together; falling "
                                    "prices are a sign of a crowd.",
                                ),
                            },
                            {
                                "question": L(
                                    "بعد أن تتخصص، ما الذي يبقيك في المقدمة؟",
                                    "Once you specialise, what keeps you ahead?",
                                ),
                                "kind": "single",
                                "choices": [
                                    (
                                        L(
                                            "أن تستمر في التعلم وتحسين الخدمة",
                                            "Keep learning and improving the service",
                                        ),
                                        True,
                                    ),
                                    (L("ألا تغيّر الخدمة أبدًا", "Never change the service"), False),
                                    (
                                        L("أن تخفض السعر كل شهر", "Lower the price every month"),
                                        False,
                                    ),
                                ],
                                "explanation": L(
                                    "المجالات تتغير؛ من يتعلم باستمرار يبقى الأفضل فيها.",
                                    "Fields change; whoever keeps learning stays the best in them.",
                                ),
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "key": "niche-plan",
            "slug": "your-niche-plan",
            "practice_minutes": 40,
            "fields": {
                "title": L("خطتك للتخصص", "Your niche plan"),
                "summary": L(
                    "جملة تخصص، وثلاث خدمات، وملف يثبتها.",
                    "One niche statement, three services, and a profile to back them.",
                ),
            },
            "blocks": [
                (
                    "text",
                    L(
                        "<p>جملة التخصص تقول لمن تعمل، وماذا تقدّم له، وما النتيجة: «أعرّب قوالب "
                        "ووردبريس للمتاجر الإلكترونية المغربية لتظهر صحيحة على الجوال». إذا لم "
                        "تستطع كتابتها في سطر واحد، فالتخصص ما زال واسعًا.</p>"
                        "<p>من الجملة تخرج الخدمات: خدمة صغيرة يجرّبك بها المشتري، وخدمة كاملة، "
                        "وخدمة متابعة شهرية. وملفك الشخصي يجب أن يقول الجملة نفسها، بالأعمال "
                        "نفسها.</p>",
                        "<p>A niche statement says whom you work for, what you offer them and "
                        "what it achieves: “I arabise WordPress themes for Moroccan online shops so "
                        "they display correctly on phones.” If you cannot write it in one line, "
                        "the niche is still too wide.</p>"
                        "<p>The services come from the statement: a small one buyers can try you "
                        "with, a complete one, and a monthly follow-up. Your profile should say "
                        "the same sentence, with the same work.</p>",
                    ),
                ),
                (
                    "assignment",
                    {
                        "title": L("اكتب خطة تخصصك", "Write your niche plan"),
                        "prompt": L(
                            "<p>اكتب جملة تخصصك، وثلاث أفكار لخدمات منها (صغيرة، كاملة، متابعة) مع "
                            "سعر تقريبي لكل منها. ثم حدّث ملفك الشخصي على خمسات أو مستقل ليعكس "
                            "التخصص، وسلّم رابطه.</p>",
                            "<p>Write your niche statement and three service ideas that follow "
                            "from it (small, complete, follow-up), each with a rough price. Then "
                            "update your profile on Khamsat or Mostaql to reflect the niche, and "
                            "hand in its link.</p>",
                        ),
                        "hand_in": ["text", "link"],
                        "link_marketplace": None,
                        "link_hint": L(
                            "رابط ملفك الشخصي على خمسات أو مستقل",
                            "The address of your profile on Khamsat or Mostaql",
                        ),
                        "rubric": [
                            {
                                "criterion": L("جملة التخصص", "Niche statement"),
                                "description": L(
                                    "لمن، وماذا، وما النتيجة، في سطر.",
                                    "Whom, what and the result, in one line.",
                                ),
                                "levels": [
                                    (
                                        L("واسعة", "Too wide"),
                                        L("تصلح لأي مستقل", "Fits any freelancer"),
                                        0,
                                    ),
                                    (
                                        L("محددة", "Specific"),
                                        L("جمهور وخدمة واضحان", "Clear audience and service"),
                                        3,
                                    ),
                                    (
                                        L("حادة", "Sharp"),
                                        L("جمهور وخدمة ونتيجة", "Audience, service and result"),
                                        5,
                                    ),
                                ],
                            },
                            {
                                "criterion": L("الخدمات الثلاث", "The three services"),
                                "description": L(
                                    "تنبع من الجملة وتتدرج.",
                                    "They follow from the statement and build up.",
                                ),
                                "levels": [
                                    (L("متفرقة", "Scattered"), L("", ""), 0),
                                    (L("مترابطة", "Connected"), L("", ""), 3),
                                ],
                            },
                            {
                                "criterion": L("الملف الشخصي", "Profile"),
                                "description": L(
                                    "يقول الجملة نفسها بالأعمال نفسها.",
                                    "Says the same sentence with the same work.",
                                ),
                                "levels": [
                                    (L("لم يتغير", "Unchanged"), L("", ""), 0),
                                    (L("محدّث", "Updated"), L("", ""), 2),
                                ],
                            },
                        ],
                        "example_answer": L(
                            "<p><b>الجملة:</b> أعرّب قوالب ووردبريس للمتاجر المغربية لتظهر صحيحة على "
                            "الجوال.<br><b>الخدمات:</b> تعريب صفحة واحدة (25 دولارًا)، تعريب قالب "
                            "كامل (90 دولارًا)، متابعة شهرية للتحديثات (30 دولارًا).</p>",
                            "<p><b>Statement:</b> I arabise WordPress themes for Moroccan shops so "
                            "they display correctly on phones.<br><b>Services:</b> one page "
                            "(25 USD), a whole theme (90 USD), monthly update follow-up (30 USD).</p>",
                        ),
                        "mentor_approval_required": True,
                    },
                ),
                (
                    "tip",
                    {
                        "kind": "tip",
                        "title": L("استمر في التعلم", "Keep learning"),
                        "text": L(
                            "<p>خصّص ساعة كل أسبوع لتتعلم شيئًا جديدًا في مجالك. هذا ما يجعل تخصصك "
                            "يكبر معك بدل أن يضيق عليك.</p>",
                            "<p>Set aside one hour a week to learn something new in your field. "
                            "That is what makes your niche grow with you instead of closing in on "
                            "you.</p>",
                        ),
                    },
                ),
            ],
        },
    ],
}
