"""Pricing track: "Pricing your first Khamsat service"."""

# ruff: noqa: E501 - prose and quiz choices read better unbroken than split mid-sentence.

from courses.demo.content.common import L

COURSE = {
    "key": "first-service-price",
    "slug": "pricing-your-first-khamsat-service",
    "track": "pricing",
    "level": "beginner",
    "specialisations": ["advertising", "wordpress-arabisation"],
    "marketplaces": ["khamsat"],
    "people": [("nadia", "instructor"), ("karim", "mentor")],
    "fields": {
        "title": L(
            "تسعير خدمتك الأولى على خمسات",
            "Pricing your first Khamsat service",
            "Fixer le prix de votre premier service sur Khamsat",
        ),
        "summary": L(
            "كم تطلب مقابل خدمتك الأولى؟ احسب سعرًا يغطي وقتك ومصاريفك وعمولة المنصة، وافهم "
            "لماذا لا يكون السعر الأقل هو الأفضل دائمًا، ومتى ترفعه.",
            "How much should your first service cost? Work out a price that covers your time, "
            "your expenses and the marketplace's commission, see why the lowest price is not "
            "always the best, and learn when to raise it.",
            "Combien demander pour votre premier service ? Calculez un prix qui couvre votre temps, vos frais et la commission de la plateforme, voyez pourquoi le prix le plus bas n'est pas toujours le meilleur, et apprenez quand l'augmenter.",
        ),
        "learning_outcomes": L(
            "تعرف ما الذي يختار به المشتري غير السعر\n"
            "تحسب سعر الساعة وسعر الخدمة بعد العمولة بعملتك المحلية\n"
            "تعرف متى ترفع سعرك وكيف\n"
            "تنشر خدمة صغيرة بسعر مدروس",
            "Know what buyers choose on besides price\n"
            "Work out an hourly and a per-service price after commission, in your own currency\n"
            "Know when and how to raise your price\n"
            "Publish a small service with a reasoned price",
            "Savoir sur quoi les acheteurs choisissent, au-delà du prix\nCalculer un prix horaire et un prix par service après commission, dans votre monnaie\nSavoir quand et comment augmenter votre prix\nPublier un petit service à un prix réfléchi",
        ),
        "prerequisites": L(
            "<ul><li>فكرة خدمة واحدة تستطيع تقديمها</li>"
            "<li>تقدير تقريبي لمصاريفك الشهرية (الإنترنت، الكهرباء، البرامج)</li></ul>",
            "<ul><li>One idea of a service you can offer</li>"
            "<li>A rough idea of your monthly costs (internet, power, software)</li></ul>",
            "<ul><li>Une idée de service que vous pouvez proposer</li><li>Une idée approximative de vos frais mensuels (internet, électricité, logiciels)</li></ul>",
        ),
    },
    "lessons": [
        {
            "key": "price-is-not-everything",
            "slug": "price-is-not-everything",
            "practice_minutes": 5,
            "fields": {
                "title": L("السعر ليس كل شيء", "Price is not everything", "Le prix n'est pas tout"),
                "summary": L(
                    "الجودة والعرض والسمعة تبيع قبل السعر.",
                    "Quality, presentation and reputation sell before price does.",
                    "La qualité, la présentation et la réputation vendent avant le prix.",
                ),
            },
            "blocks": [
                (
                    "video",
                    {
                        "title": L(
                            "لماذا لا يفوز الأرخص دائمًا",
                            "Why the cheapest does not always win",
                            "Pourquoi le moins cher ne gagne pas toujours",
                        ),
                        "note": L(
                            "بعد الفيديو، افتح خمس خدمات ناجحة في مجالك ولاحظ ما المشترك بينها.",
                            "After the video, open five successful services in your field and "
                            "note what they share.",
                            "Après la vidéo, ouvrez cinq services qui marchent dans votre domaine et notez ce qu'ils ont en commun.",
                        ),
                        "slides": [
                            {
                                "heading": "تسعير خدمتك الأولى",
                                "lines": ["الدرس الأول: السعر ليس كل شيء"],
                                "narration": "في هذا الدرس نرى لماذا لا يختار المشتري الخدمة الأرخص دائما.",
                                "narration_en": "In this lesson we see why buyers do not always choose the cheapest service.",
                                "narration_fr": "Dans cette leçon, nous voyons pourquoi les acheteurs ne choisissent pas toujours le service le moins cher.",
                            },
                            {
                                "heading": "ما الذي يراه المشتري؟",
                                "lines": ["الجودة", "طريقة العرض", "السمعة والتقييمات"],
                                "narration": "المشتري يرى جودة الأعمال السابقة، وطريقة عرض الخدمة، وتقييمات من اشتروا قبله.",
                                "narration_en": "The buyer sees the quality of past work, how the service is presented, and the reviews of earlier buyers.",
                                "narration_fr": "L'acheteur regarde la qualité des travaux passés, la présentation du service et les avis des acheteurs précédents.",
                            },
                            {
                                "heading": "ابدأ صغيرا",
                                "lines": ["خدمة محددة بسعر ثابت", "ثم ارفع السعر مع التقييمات"],
                                "narration": "ابدأ بخدمة صغيرة واضحة بسعر ثابت، وارفع السعر عندما تتراكم التقييمات.",
                                "narration_en": "Start with a small, clear, fixed-price service, and raise the price as reviews build up.",
                                "narration_fr": "Commencez par un petit service clair à prix fixe, et augmentez le prix à mesure que les avis s'accumulent.",
                            },
                        ],
                    },
                ),
                (
                    "text",
                    L(
                        "<p>حين يبحث المشتري عن خدمة، تظهر له عشرات الخيارات بأسعار متقاربة. "
                        "الخدمة الأرخص تلفت نظره لحظة، لكنه يشتري من الخدمة التي يثق بها: صور "
                        "واضحة لأعمال سابقة، ووصف يجيب عن أسئلته، ومدة تسليم معقولة، وتقييمات "
                        "من مشترين راضين.</p>"
                        "<p>خفض السعر وحده يجذب المشترين الذين يبحثون عن الأرخص فقط، وهؤلاء أول من "
                        "يترك الخدمة عندما يجد أرخص منها. الأفضل أن تنافس بما يصعب نسخه: جودة "
                        "عملك وطريقة تقديمه.</p>",
                        "<p>When a buyer searches for a service, dozens of options appear at "
                        "similar prices. The cheapest one catches the eye for a moment, but they "
                        "buy from the service they trust: clear images of past work, a description "
                        "that answers their questions, a sensible delivery time, and reviews from "
                        "happy buyers.</p>"
                        "<p>Cutting the price alone attracts buyers who only want the cheapest, and "
                        "they are the first to leave when they find something cheaper. Compete on "
                        "what is hard to copy instead: the quality of your work and how you "
                        "present it.</p>",
                        "<p>Quand un acheteur cherche un service, des dizaines d'options s'affichent à des prix proches. La moins chère attire l'œil un instant, mais il achète le service en qui il a confiance : des images claires de travaux passés, une description qui répond à ses questions, un délai raisonnable et des avis d'acheteurs satisfaits.</p><p>Baisser seulement le prix attire des acheteurs qui ne veulent que le moins cher, et ce sont les premiers à partir dès qu'ils trouvent moins cher ailleurs. Misez plutôt sur ce qui est difficile à copier : la qualité de votre travail et la façon de le présenter.</p>",
                    ),
                ),
                (
                    "story_quote",
                    {
                        "story": "jaber-hadboun",
                        "quote": L(
                            "السعر ليس كل شيء؛ الجودة وطريقة العرض والتميز والسمعة هي ما يصنع الفرق.",
                            "Price is not everything: quality, presentation, standing out and "
                            "reputation are what make the difference.",
                            "Le prix n'est pas tout : la qualité, la présentation, la singularité et la réputation font la différence.",
                        ),
                        "attribution": L(
                            "جابر، خدمات إعلانية من الجزائر",
                            "Jaber, advertising services from Algeria",
                            "Jaber, services publicitaires, Algérie",
                        ),
                    },
                ),
            ],
        },
        {
            "key": "work-out-your-price",
            "slug": "work-out-your-price",
            "practice_minutes": 20,
            "fields": {
                "title": L("احسب سعرك", "Work out your price", "Calculez votre prix"),
                "summary": L(
                    "من الدخل الذي تحتاجه إلى سعر الخدمة، بعد عمولة المنصة.",
                    "From the income you need to the price of a service, after the "
                    "marketplace's commission.",
                    "Du revenu dont vous avez besoin au prix d'un service, après la commission de la plateforme.",
                ),
            },
            "blocks": [
                (
                    "text",
                    L(
                        "<h2>ابدأ مما تحتاجه، لا مما يطلبه غيرك</h2>"
                        "<p>اجمع الدخل الذي تريد أن يصلك كل شهر مع مصاريف عملك. اقسم الناتج على "
                        "عدد الساعات التي تستطيع بيعها فعلًا في الشهر؛ ليست كل ساعات العمل "
                        "مدفوعة، فالرد على الرسائل والتعلم وتجهيز العروض تأخذ وقتًا أيضًا.</p>"
                        "<p>ثم تذكّر أن المنصة تأخذ عمولة من كل عملية بيع. إذا كانت العمولة 20٪ "
                        "فأنت تستلم 80٪ من السعر، لذلك يُقسم ما تحتاجه على 0.8 وليس يُضاف إليه "
                        "20٪.</p>",
                        "<h2>Start from what you need, not from what others charge</h2>"
                        "<p>Add the income you want to receive each month to your work expenses. "
                        "Divide by the hours you can really sell in a month; not every working "
                        "hour is paid, since answering messages, learning and preparing offers "
                        "take time too.</p>"
                        "<p>Then remember the marketplace keeps a commission on every sale. With a "
                        "20% commission you receive 80% of the price, so what you need is divided "
                        "by 0.8, not increased by 20%.</p>",
                        "<h2>Partez de vos besoins, pas des prix des autres</h2><p>Ajoutez à vos frais de travail le revenu que vous voulez toucher chaque mois. Divisez par les heures que vous pouvez réellement vendre dans le mois : toutes les heures de travail ne sont pas payées, car répondre aux messages, apprendre et préparer des offres prend aussi du temps.</p><p>Souvenez-vous ensuite que la plateforme garde une commission sur chaque vente. Avec une commission de 20 %, vous recevez 80 % du prix : ce dont vous avez besoin se divise donc par 0,8, au lieu d'être augmenté de 20 %.</p>",
                    ),
                ),
                (
                    "calculator",
                    {
                        "title": L("حاسبة السعر", "Price calculator", "Calculateur de prix"),
                        "intro": L(
                            "غيّر الأرقام لتناسب وضعك. تُحسب النتيجة مباشرة، ويمكنك مشاركة الرابط مع مرشدك.",
                            "Change the numbers to fit your situation. The result updates as you "
                            "type, and you can share the link with your mentor.",
                            "Modifiez les chiffres selon votre situation. Le résultat se met à jour pendant la saisie, et vous pouvez partager le lien avec votre mentor.",
                        ),
                        "currency": L("MAD", "USD", "MAD"),
                        "target_income": L("6000", "600", "6000"),
                        "monthly_expenses": L("500", "60", "500"),
                        "billable_hours": "80",
                        "hours_per_service": "4",
                        "marketplaces": ["khamsat", "mostaql"],
                    },
                ),
                (
                    "tip",
                    {
                        "kind": "warning",
                        "title": L(
                            "العمولة ليست آخر ما يُقتطع",
                            "Commission is not the last cut",
                            "La commission n'est pas la dernière retenue",
                        ),
                        "text": L(
                            "<p>سحب الأرباح عبر باي بال أو التحويل البنكي قد يكلّف رسومًا وفرق صرف "
                            "أيضًا. أضف تقديرًا لها إلى مصاريفك الشهرية في الحاسبة.</p>",
                            "<p>Withdrawing earnings through PayPal or a bank transfer can cost "
                            "fees and an exchange margin too. Add an estimate of them to your "
                            "monthly expenses in the calculator.</p>",
                            "<p>Retirer ses gains par PayPal ou par virement bancaire peut aussi coûter des frais et une marge de change. Ajoutez-en une estimation à vos frais mensuels dans le calculateur.</p>",
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "title": L(
                            "تحقق من حسابك", "Check your arithmetic", "Vérifiez vos calculs"
                        ),
                        "intro": L("", "", ""),
                        "pass_mark": 67,
                        "max_attempts": 3,
                        "retry_wait_minutes": 5,
                        "questions": [
                            {
                                "question": L(
                                    "العمولة 20٪ وتريد أن يصلك 40 دولارًا من الخدمة. أيّ سعر يحقق ذلك؟",
                                    "The commission is 20% and you want 40 USD in hand from a service. Which price does it?",
                                    "La commission est de 20 % et vous voulez toucher 40 USD pour un service. Quel prix faut-il ?",
                                ),
                                "kind": "single",
                                "choices": [
                                    (L("50 دولارًا", "50 USD", "50 USD"), True),
                                    (L("48 دولارًا", "48 USD", "48 USD"), False),
                                    (L("40 دولارًا", "40 USD", "40 USD"), False),
                                ],
                                "explanation": L(
                                    "تستلم 80٪ من السعر: 50 × 0.8 = 40. أما 48 فيصلك منها 38.4 فقط.",
                                    "You receive 80% of the price: 50 × 0.8 = 40. From 48 you would "
                                    "only receive 38.4.",
                                    "Vous recevez 80 % du prix : 50 × 0,8 = 40. Avec 48, vous ne recevriez que 38,4.",
                                ),
                            },
                            {
                                "question": L(
                                    "غير السعر، ما الذي يجعل المشتري يختار خدمة؟",
                                    "Besides price, what makes a buyer choose a service?",
                                    "Au-delà du prix, qu'est-ce qui fait choisir un service à un acheteur ?",
                                ),
                                "kind": "multiple",
                                "choices": [
                                    (
                                        L(
                                            "جودة الأعمال السابقة",
                                            "The quality of past work",
                                            "La qualité des travaux passés",
                                        ),
                                        True,
                                    ),
                                    (
                                        L(
                                            "طريقة عرض الخدمة",
                                            "How the service is presented",
                                            "La présentation du service",
                                        ),
                                        True,
                                    ),
                                    (
                                        L(
                                            "التقييمات والسمعة",
                                            "Reviews and reputation",
                                            "Les avis et la réputation",
                                        ),
                                        True,
                                    ),
                                    (
                                        L(
                                            "أن تكون الأرخص في القسم",
                                            "Being the cheapest in the category",
                                            "Être le moins cher de la catégorie",
                                        ),
                                        False,
                                    ),
                                ],
                                "explanation": L(
                                    "الثلاثة الأولى تبني الثقة؛ السعر الأرخص وحده لا يبنيها.",
                                    "The first three build trust; the lowest price alone does not.",
                                    "Les trois premiers créent la confiance ; le prix le plus bas, à lui seul, non.",
                                ),
                            },
                            {
                                "question": L(
                                    "لماذا تبدأ بخدمة صغيرة بسعر ثابت؟",
                                    "Why start with a small fixed-price service?",
                                    "Pourquoi commencer par un petit service à prix fixe ?",
                                ),
                                "kind": "single",
                                "choices": [
                                    (
                                        L(
                                            "لأنها تتيح للمشتري تجربتك بمخاطرة قليلة وتجلب أول تقييماتك",
                                            "It lets buyers try you at little risk and brings your first reviews",
                                            "Il permet aux acheteurs de vous essayer sans grand risque et vous apporte vos premiers avis",
                                        ),
                                        True,
                                    ),
                                    (
                                        L(
                                            "لأن الخدمات الصغيرة هي الأعلى ربحًا",
                                            "Because small services pay the most",
                                            "Parce que les petits services rapportent le plus",
                                        ),
                                        False,
                                    ),
                                    (
                                        L(
                                            "لأن المنصات تمنع المبتدئين من الخدمات الكبيرة",
                                            "Because marketplaces forbid large services for newcomers",
                                            "Parce que les plateformes interdisent les gros services aux débutants",
                                        ),
                                        False,
                                    ),
                                ],
                                "explanation": L(
                                    "التقييمات الأولى هي رأس مالك؛ الخدمة الصغيرة أسرع طريق إليها.",
                                    "Your first reviews are your capital; a small service is the "
                                    "fastest way to them.",
                                    "Vos premiers avis sont votre capital ; un petit service est le chemin le plus rapide pour les obtenir.",
                                ),
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "key": "raise-your-price",
            "slug": "when-to-raise-your-price",
            "practice_minutes": 40,
            "fields": {
                "title": L(
                    "متى ترفع سعرك؟", "When to raise your price", "Quand augmenter votre prix"
                ),
                "summary": L(
                    "إشارات تقول إن وقت الزيادة قد حان، وكيف تزيد دون أن تخسر مشتريك.",
                    "Signs that it is time to charge more, and how to do it without losing buyers.",
                    "Les signes qu'il est temps de demander plus, et comment le faire sans perdre vos acheteurs.",
                ),
            },
            "blocks": [
                (
                    "text",
                    L(
                        "<p>السعر الأول ليس سعرًا نهائيًا. ارفعه عندما ترى إشارة من هذه: طلبات "
                        "أكثر مما تستطيع تسليمه في الموعد، أو تقييمات متتالية تمدح الجودة، أو "
                        "مشترون يعودون ليطلبوا مرة ثانية. بعض البائعين الشباب تجاوزوا مئتي عملية "
                        "بيع بدأوها بخدمات صغيرة، ثم بنوا عليها.</p>"
                        "<p>ارفع السعر بخطوات صغيرة، وأضف مقابلها شيئًا واضحًا: تسليمًا أسرع، أو "
                        "تعديلًا إضافيًا، أو ملفًا مصدريًا. هكذا يرى المشتري أن الزيادة لها سبب.</p>",
                        "<p>Your first price is not a final price. Raise it when you see one of "
                        "these signs: more orders than you can deliver on time, a run of reviews "
                        "praising the quality, or buyers coming back for a second order. Some "
                        "young sellers passed two hundred sales, starting from small services and "
                        "building on them.</p>"
                        "<p>Raise it in small steps, and add something clear in exchange: faster "
                        "delivery, an extra revision, or a source file. That way buyers see a "
                        "reason for the increase.</p>",
                        "<p>Votre premier prix n'est pas définitif. Augmentez-le quand vous voyez l'un de ces signes : plus de commandes que vous ne pouvez en livrer à temps, une série d'avis qui saluent la qualité, ou des acheteurs qui reviennent pour une deuxième commande. De jeunes vendeurs ont dépassé les deux cents ventes en partant de petits services et en construisant dessus.</p><p>Augmentez par petites étapes, et offrez quelque chose de clair en échange : une livraison plus rapide, une révision de plus ou un fichier source. Les acheteurs voient ainsi une raison à la hausse.</p>",
                    ),
                ),
                (
                    "story_quote",
                    {
                        "story": "youssef-mahmoud",
                        "quote": L(
                            "بدأت بخدمات صغيرة، وتجاوزت مبيعاتي مئتي خدمة.",
                            "I started with small services, and went past two hundred sales.",
                            "J'ai commencé par de petits services, et j'ai dépassé les deux cents ventes.",
                        ),
                        "attribution": L(
                            "يوسف، ستة عشر عامًا", "Youssef, sixteen", "Youssef, seize ans"
                        ),
                    },
                ),
                (
                    "assignment",
                    {
                        "title": L(
                            "انشر خدمتك الأولى بسعر مدروس",
                            "Publish your first service at a reasoned price",
                            "Publiez votre premier service à un prix réfléchi",
                        ),
                        "prompt": L(
                            "<p>صمّم خدمة صغيرة واحدة: عنوان واضح، ووصف يجيب عن أسئلة المشتري، وصورة "
                            "لعمل سابق، ومدة تسليم. احسب سعرها بالحاسبة واكتب في إجابتك الأرقام التي "
                            "استعملتها. سلّم الوصف ورابط الخدمة بعد نشرها (أو مسودتها).</p>",
                            "<p>Design one small service: a clear title, a description that "
                            "answers buyers' questions, an image of past work, a delivery time. "
                            "Work out its price with the calculator and write the numbers you used "
                            "in your answer. Hand in the description and the link to the service "
                            "once published (or its draft).</p>",
                            "<p>Concevez un petit service : un titre clair, une description qui répond aux questions des acheteurs, une image d'un travail passé, un délai de livraison. Calculez son prix avec le calculateur et indiquez dans votre réponse les chiffres utilisés. Rendez la description et le lien du service une fois publié (ou de son brouillon).</p>",
                        ),
                        "hand_in": ["text", "link"],
                        "link_marketplace": "khamsat",
                        "link_hint": L(
                            "رابط خدمتك على خمسات",
                            "The address of your service on Khamsat",
                            "L'adresse de votre service sur Khamsat",
                        ),
                        "rubric": [
                            {
                                "criterion": L(
                                    "وضوح الخدمة", "Clarity of the service", "Clarté du service"
                                ),
                                "description": L(
                                    "العنوان والوصف يقولان ما سيستلمه المشتري.",
                                    "Title and description say what the buyer gets.",
                                    "Le titre et la description disent ce que l'acheteur obtient.",
                                ),
                                "levels": [
                                    (L("غامضة", "Vague", "Flou"), L("", "", ""), 0),
                                    (L("واضحة", "Clear", "Clair"), L("", "", ""), 3),
                                    (
                                        L("مقنعة", "Compelling", "Convaincant"),
                                        L(
                                            "تجيب عن أسئلة المشتري قبل أن يسألها",
                                            "Answers buyers' questions before they ask",
                                            "Répond aux questions des acheteurs avant qu'ils ne les posent",
                                        ),
                                        5,
                                    ),
                                ],
                            },
                            {
                                "criterion": L("سعر مبرَّر", "A reasoned price", "Un prix réfléchi"),
                                "description": L(
                                    "الأرقام المستعملة في الحاسبة منطقية.",
                                    "The numbers used in the calculator make sense.",
                                    "Les chiffres saisis dans le calculateur sont cohérents.",
                                ),
                                "levels": [
                                    (L("بلا حساب", "No working", "Sans calcul"), L("", "", ""), 0),
                                    (
                                        L("محسوب", "Worked out", "Calculé"),
                                        L(
                                            "يغطي العمولة والمصاريف",
                                            "Covers commission and expenses",
                                            "Couvre la commission et les frais",
                                        ),
                                        3,
                                    ),
                                ],
                            },
                            {
                                "criterion": L("العرض", "Presentation", "Présentation"),
                                "description": L(
                                    "صورة ومدة تسليم واقعية.",
                                    "An image and a realistic delivery time.",
                                    "Une image et un délai de livraison réaliste.",
                                ),
                                "levels": [
                                    (L("ناقص", "Incomplete", "Incomplète"), L("", "", ""), 0),
                                    (L("كامل", "Complete", "Complète"), L("", "", ""), 2),
                                ],
                            },
                        ],
                        "example_answer": L(
                            "<p><b>تعريب قالب ووردبريس واحد خلال ثلاثة أيام.</b> أحتاج 6000 درهم "
                            "شهريًا ومصاريفي 500، وأبيع 80 ساعة، والخدمة تأخذ 4 ساعات، وعمولة خمسات "
                            "20٪، فالسعر 410 دراهم.</p>",
                            "<p><b>Arabising one WordPress theme in three days.</b> I need "
                            "600 USD a month with 60 USD of expenses, I sell 80 hours, one service "
                            "takes 4 hours and Khamsat's commission is 20%, so the price is "
                            "42 USD.</p>",
                            "<p><b>Arabiser un thème WordPress en trois jours.</b> J'ai besoin de 600 USD par mois avec 60 USD de frais, je vends 80 heures, un service prend 4 heures et la commission de Khamsat est de 20 % : le prix est donc de 42 USD.</p>",
                        ),
                        "mentor_approval_required": True,
                    },
                ),
            ],
        },
    ],
}
