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
        "title": L("اعثر على تخصصك", "Find your niche", "Trouvez votre spécialité"),
        "summary": L(
            "تعريب قوالب ووردبريس، التعليق الصوتي، برامج قواعد بيانات أكسس: مجالات صغيرة "
            "صنعت دخلًا حقيقيًا لأصحابها. تعلّم كيف تختار مجالًا تتميز فيه بعيدًا عن الزحام.",
            "Arabising WordPress themes, voice-over, Access database programs: small fields "
            "that gave their people a real income. Learn to choose one where you can excel, "
            "away from the crowd.",
            "Arabiser des thèmes WordPress, le doublage, les programmes de bases de données Access : de petits domaines qui ont fait vivre ceux qui les ont choisis. Apprenez à en choisir un où vous pouvez exceller, loin de la foule.",
        ),
        "learning_outcomes": L(
            "تميّز بين مجال مزدحم ومجال مفتوح\n"
            "تقيّم مهاراتك مقابل ما يطلبه المشترون\n"
            "تكتب جملة تخصص واضحة وثلاث أفكار لخدمات",
            "Tell a crowded field from an open one\n"
            "Weigh your skills against what buyers ask for\n"
            "Write a clear niche statement and three service ideas",
            "Distinguer un domaine encombré d'un domaine ouvert\nMettre vos compétences en regard de ce que demandent les acheteurs\nÉcrire une phrase de spécialité claire et trois idées de services",
        ),
        "prerequisites": L(
            "<ul><li>أنهيت دورة «عرضك الأول على مستقل» أو بعت خدمة واحدة على الأقل</li></ul>",
            "<ul><li>You finished “Your first proposal on Mostaql” or sold at least one service</li></ul>",
            "<ul><li>Vous avez terminé « Votre première offre sur Mostaql » ou vendu au moins un service</li></ul>",
        ),
    },
    "lessons": [
        {
            "key": "why-specialise",
            "slug": "why-specialise",
            "practice_minutes": 5,
            "fields": {
                "title": L("لماذا التخصص؟", "Why specialise?", "Pourquoi se spécialiser ?"),
                "summary": L(
                    "المشتري يبحث عن أفضل من يحل مشكلته، لا عمن يعرف كل شيء.",
                    "Buyers look for the best person for their problem, not for someone "
                    "who knows everything.",
                    "Les acheteurs cherchent la meilleure personne pour leur problème, pas quelqu'un qui sait tout faire.",
                ),
            },
            "blocks": [
                (
                    "video",
                    {
                        "title": L(
                            "المتخصص يُتذكَّر",
                            "The specialist is remembered",
                            "On se souvient du spécialiste",
                        ),
                        "note": L(
                            "فكّر وأنت تشاهد: في أي شيء يطلب أصدقاؤك مساعدتك عادة؟",
                            "Think while you watch: what do your friends usually ask you to help with?",
                            "Réfléchissez pendant la vidéo : pour quoi vos amis vous demandent-ils le plus souvent de l'aide ?",
                        ),
                        "slides": [
                            {
                                "heading": "اعثر على تخصصك",
                                "lines": ["الدرس الأول: لماذا التخصص؟"],
                                "narration": "مرحبا. نتحدث اليوم عن اختيار مجال واحد تتقنه وتعرف به.",
                                "narration_en": "Hello. Today we talk about choosing one field you master and become known for.",
                                "narration_fr": "Bonjour. Aujourd'hui, nous parlons de choisir un domaine que vous maîtrisez et pour lequel on vous connaît.",
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
                                "narration_fr": "L'arabisation de thèmes, le doublage et les programmes de bases de données sont de petits domaines qui ont produit de vrais revenus.",
                            },
                            {
                                "heading": "تخصص حيث تتميز",
                                "lines": ["اختر ما تتقنه", "وسوّق لنفسك فيه"],
                                "narration": "اختر مجالا تستطيع أن تكون فيه من الأفضل، ثم سوّق لنفسك فيه.",
                                "narration_en": "Pick a field where you can be among the best, then market yourself in it.",
                                "narration_fr": "Choisissez un domaine où vous pouvez être parmi les meilleurs, puis faites-vous connaître dans ce domaine.",
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
                        "<p>Quand un acheteur écrit « je veux faire arabiser un thème WordPress », il cherche quelqu'un qui l'a déjà fait des dizaines de fois, pas un développeur qui propose de tout. Se spécialiser raccourcit sa décision : il voit des travaux passés sur exactement la même chose, et il fait confiance.</p><p>Cela raccourcit aussi votre travail : vos outils sont prêts, vous connaissez les problèmes avant qu'ils n'arrivent, vous livrez plus vite et mieux, et augmenter votre prix devient plus facile.</p>",
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
                            "Spécialisez-vous là où vous pouvez exceller, faites-vous connaître, et n'hésitez pas à offrir un peu de travail gratuit au début.",
                        ),
                        "attribution": L(
                            "أحمد، معلّق صوتي",
                            "Ahmed, voice-over artist",
                            "Ahmed, comédien de doublage",
                        ),
                    },
                ),
            ],
        },
        {
            "key": "crowded-or-open",
            "slug": "crowded-fields-and-open-ones",
            "practice_minutes": 20,
            "fields": {
                "title": L(
                    "المجالات المزدحمة والمجالات المفتوحة",
                    "Crowded fields and open ones",
                    "Domaines encombrés et domaines ouverts",
                ),
                "summary": L(
                    "كيف تعرف أن مجالًا مزدحمًا، وأين تجد المساحات الفارغة.",
                    "How to tell a field is crowded, and where to find the open spaces.",
                    "Comment reconnaître un domaine encombré, et où trouver les espaces libres.",
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
                        "<p>Cherchez le nom du domaine sur la plateforme et comptez : combien de services apparaissent ? Combien ont beaucoup d'avis ? Si vous trouvez des centaines de services semblables dont les prix dégringolent, le domaine est encombré. Une développeuse de Marrakech a remarqué que le design était encombré sur Mostaql et le développement beaucoup moins, et elle a choisi le développement.</p><p>Les espaces libres sont souvent étroits et précis : arabiser des thèmes WordPress pour des commerçants arabes, ou des programmes Access pour des boutiques et des écoles. Un freelance algérien a tiré de l'arabisation un quart de son revenu mensuel en quatre mois, et un programmeur syrien en est venu à gagner près de la moitié du sien avec des programmes Access.</p>",
                    ),
                ),
                (
                    "story_quote",
                    {
                        "story": "abdelhafid-chraier",
                        "quote": L(
                            "خلال أربعة أشهر صار العمل الحر ربع دخلي الشهري.",
                            "Within four months, freelancing was a quarter of my monthly income.",
                            "En quatre mois, le travail en ligne représentait un quart de mon revenu mensuel.",
                        ),
                        "attribution": L(
                            "عبد الحفيظ، يعرّب قوالب ووردبريس",
                            "Abdelhafid, arabises WordPress themes",
                            "Abdelhafid, arabise des thèmes WordPress",
                        ),
                    },
                ),
                (
                    "tip",
                    {
                        "kind": "tip",
                        "title": L(
                            "اسأل: ما الذي ينقص؟",
                            "Ask: what is missing?",
                            "Demandez-vous : qu'est-ce qui manque ?",
                        ),
                        "text": L(
                            "<p>اقرأ تقييمات الخدمات المنافسة السلبية. ما يشتكي منه المشترون هو "
                            "بالضبط ما يمكنك أن تقدّمه أفضل.</p>",
                            "<p>Read the negative reviews of competing services. What buyers "
                            "complain about is exactly what you can do better.</p>",
                            "<p>Lisez les avis négatifs des services concurrents. Ce dont se plaignent les acheteurs, c'est exactement ce que vous pouvez mieux faire.</p>",
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "title": L("مزدحم أم مفتوح؟", "Crowded or open?", "Encombré ou ouvert ?"),
                        "intro": L("", "", ""),
                        "pass_mark": 67,
                        "max_attempts": 0,
                        "retry_wait_minutes": 0,
                        "questions": [
                            {
                                "question": L(
                                    "تعرف ووردبريس جيدًا وتكتب العربية بإتقان. أي مجال أقرب إلى أن يكون مفتوحًا لك؟",
                                    "You know WordPress well and write Arabic perfectly. Which field is more likely to be open for you?",
                                    "Vous connaissez bien WordPress et écrivez parfaitement l'arabe. Quel domaine a le plus de chances d'être ouvert pour vous ?",
                                ),
                                "kind": "single",
                                "choices": [
                                    (
                                        L(
                                            "تعريب قوالب ووردبريس",
                                            "Arabising WordPress themes",
                                            "L'arabisation de thèmes WordPress",
                                        ),
                                        True,
                                    ),
                                    (
                                        L(
                                            "تصميم الشعارات بشكل عام",
                                            "Logo design in general",
                                            "La création de logos en général",
                                        ),
                                        False,
                                    ),
                                    (
                                        L(
                                            "كتابة أي نوع من المقالات",
                                            "Writing any kind of article",
                                            "La rédaction d'articles en tout genre",
                                        ),
                                        False,
                                    ),
                                ],
                                "explanation": L(
                                    "يجمع بين مهارتين نادرًا ما تجتمعان، ويطلبه أصحاب المتاجر العربية.",
                                    "It combines two skills that rarely come together, and Arab "
                                    "shop owners ask for it.",
                                    "Il réunit deux compétences rarement associées, et les commerçants arabes le demandent.",
                                ),
                            },
                            {
                                "question": L(
                                    "أي هذه علامات على أن المجال يناسبك؟",
                                    "Which are signs that a field suits you?",
                                    "Quels signes montrent qu'un domaine vous convient ?",
                                ),
                                "kind": "multiple",
                                "choices": [
                                    (
                                        L(
                                            "تستطيع أن تعمل فيه أفضل من أغلب البائعين",
                                            "You can do it better than most sellers",
                                            "Vous le faites mieux que la plupart des vendeurs",
                                        ),
                                        True,
                                    ),
                                    (
                                        L(
                                            "المشترون يطلبونه",
                                            "Buyers are asking for it",
                                            "Les acheteurs le demandent",
                                        ),
                                        True,
                                    ),
                                    (
                                        L(
                                            "قليلون يقدّمونه جيدًا",
                                            "Few offer it well",
                                            "Peu de gens le proposent bien",
                                        ),
                                        True,
                                    ),
                                    (
                                        L(
                                            "الجميع يبيعه بأسعار تنخفض",
                                            "Everyone sells it at falling prices",
                                            "Tout le monde le vend à des prix qui baissent",
                                        ),
                                        False,
                                    ),
                                ],
                                "explanation": L(
                                    "الطلب والإتقان وقلة المنافسين الجيدين معًا؛ الأسعار المتهاوية علامة زحام.",
                                    "Demand, mastery and few good competitors together; falling "
                                    "prices are a sign of a crowd.",
                                    "La demande, la maîtrise et peu de bons concurrents à la fois ; des prix qui baissent signalent la foule.",
                                ),
                            },
                            {
                                "question": L(
                                    "بعد أن تتخصص، ما الذي يبقيك في المقدمة؟",
                                    "Once you specialise, what keeps you ahead?",
                                    "Une fois spécialisé, qu'est-ce qui vous garde en tête ?",
                                ),
                                "kind": "single",
                                "choices": [
                                    (
                                        L(
                                            "أن تستمر في التعلم وتحسين الخدمة",
                                            "Keep learning and improving the service",
                                            "Continuer à apprendre et à améliorer le service",
                                        ),
                                        True,
                                    ),
                                    (
                                        L(
                                            "ألا تغيّر الخدمة أبدًا",
                                            "Never change the service",
                                            "Ne jamais changer le service",
                                        ),
                                        False,
                                    ),
                                    (
                                        L(
                                            "أن تخفض السعر كل شهر",
                                            "Lower the price every month",
                                            "Baisser le prix chaque mois",
                                        ),
                                        False,
                                    ),
                                ],
                                "explanation": L(
                                    "المجالات تتغير؛ من يتعلم باستمرار يبقى الأفضل فيها.",
                                    "Fields change; whoever keeps learning stays the best in them.",
                                    "Les domaines évoluent ; celui qui continue d'apprendre y reste le meilleur.",
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
                "title": L("خطتك للتخصص", "Your niche plan", "Votre plan de spécialisation"),
                "summary": L(
                    "جملة تخصص، وثلاث خدمات، وملف يثبتها.",
                    "One niche statement, three services, and a profile to back them.",
                    "Une phrase de spécialité, trois services et un profil qui les soutient.",
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
                        "<p>Une phrase de spécialité dit pour qui vous travaillez, ce que vous leur proposez et ce que cela leur apporte : « J'arabise des thèmes WordPress pour des boutiques en ligne marocaines afin qu'elles s'affichent correctement sur téléphone. » Si vous ne pouvez pas l'écrire en une ligne, la spécialité est encore trop large.</p><p>Les services découlent de la phrase : un petit pour que les acheteurs vous essaient, un complet, et un suivi mensuel. Votre profil doit dire la même phrase, avec les mêmes travaux.</p>",
                    ),
                ),
                (
                    "assignment",
                    {
                        "title": L(
                            "اكتب خطة تخصصك",
                            "Write your niche plan",
                            "Écrivez votre plan de spécialisation",
                        ),
                        "prompt": L(
                            "<p>اكتب جملة تخصصك، وثلاث أفكار لخدمات منها (صغيرة، كاملة، متابعة) مع "
                            "سعر تقريبي لكل منها. ثم حدّث ملفك الشخصي على خمسات أو مستقل ليعكس "
                            "التخصص، وسلّم رابطه. وأرفق مثالًا من عملك في هذا التخصص: ملف PDF أو "
                            "صورة أو مستندًا.</p>",
                            "<p>Write your niche statement and three service ideas that follow "
                            "from it (small, complete, follow-up), each with a rough price. Then "
                            "update your profile on Khamsat or Mostaql to reflect the niche, and "
                            "hand in its link. Attach a sample of your work in this niche too: a "
                            "PDF, an image or a document.</p>",
                            "<p>Écrivez votre phrase de spécialité et trois idées de services qui en découlent (petit, complet, suivi), chacune avec un prix approximatif. Mettez ensuite à jour votre profil sur Khamsat ou Mostaql pour qu'il reflète la spécialité, et rendez son lien. Joignez aussi un exemple de votre travail dans cette spécialité : un PDF, une image ou un document.</p>",
                        ),
                        "hand_in": ["text", "link", "file"],
                        "link_marketplace": None,
                        "link_hint": L(
                            "رابط ملفك الشخصي على خمسات أو مستقل",
                            "The address of your profile on Khamsat or Mostaql",
                            "L'adresse de votre profil sur Khamsat ou Mostaql",
                        ),
                        "rubric": [
                            {
                                "criterion": L(
                                    "جملة التخصص", "Niche statement", "Phrase de spécialité"
                                ),
                                "description": L(
                                    "لمن، وماذا، وما النتيجة، في سطر.",
                                    "Whom, what and the result, in one line.",
                                    "Pour qui, quoi et quel résultat, en une ligne.",
                                ),
                                "levels": [
                                    (
                                        L("واسعة", "Too wide", "Trop large"),
                                        L(
                                            "تصلح لأي مستقل",
                                            "Fits any freelancer",
                                            "Irait à n'importe quel freelance",
                                        ),
                                        0,
                                    ),
                                    (
                                        L("محددة", "Specific", "Précise"),
                                        L(
                                            "جمهور وخدمة واضحان",
                                            "Clear audience and service",
                                            "Public et service clairs",
                                        ),
                                        3,
                                    ),
                                    (
                                        L("حادة", "Sharp", "Affûtée"),
                                        L(
                                            "جمهور وخدمة ونتيجة",
                                            "Audience, service and result",
                                            "Public, service et résultat",
                                        ),
                                        5,
                                    ),
                                ],
                            },
                            {
                                "criterion": L(
                                    "الخدمات الثلاث", "The three services", "Les trois services"
                                ),
                                "description": L(
                                    "تنبع من الجملة وتتدرج.",
                                    "They follow from the statement and build up.",
                                    "Ils découlent de la phrase et se complètent.",
                                ),
                                "levels": [
                                    (L("متفرقة", "Scattered", "Dispersés"), L("", "", ""), 0),
                                    (L("مترابطة", "Connected", "Reliés"), L("", "", ""), 3),
                                ],
                            },
                            {
                                "criterion": L("الملف الشخصي", "Profile", "Profil"),
                                "description": L(
                                    "يقول الجملة نفسها بالأعمال نفسها.",
                                    "Says the same sentence with the same work.",
                                    "Dit la même phrase avec les mêmes travaux.",
                                ),
                                "levels": [
                                    (L("لم يتغير", "Unchanged", "Inchangé"), L("", "", ""), 0),
                                    (L("محدّث", "Updated", "Mis à jour"), L("", "", ""), 2),
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
                            "<p><b>Phrase :</b> j'arabise des thèmes WordPress pour des boutiques marocaines afin qu'elles s'affichent correctement sur téléphone.<br><b>Services :</b> une page (25 USD), un thème complet (90 USD), un suivi mensuel des mises à jour (30 USD).</p>",
                        ),
                        "mentor_approval_required": True,
                    },
                ),
                (
                    "tip",
                    {
                        "kind": "tip",
                        "title": L("استمر في التعلم", "Keep learning", "Continuez à apprendre"),
                        "text": L(
                            "<p>خصّص ساعة كل أسبوع لتتعلم شيئًا جديدًا في مجالك. هذا ما يجعل تخصصك "
                            "يكبر معك بدل أن يضيق عليك.</p>",
                            "<p>Set aside one hour a week to learn something new in your field. "
                            "That is what makes your niche grow with you instead of closing in on "
                            "you.</p>",
                            "<p>Réservez une heure par semaine pour apprendre quelque chose de nouveau dans votre domaine. C'est ce qui fait grandir votre spécialité avec vous, au lieu qu'elle se referme sur vous.</p>",
                        ),
                    },
                ),
            ],
        },
    ],
}
