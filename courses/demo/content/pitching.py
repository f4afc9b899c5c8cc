"""Pitching track: "Your first proposal on Mostaql"."""

# ruff: noqa: E501 - prose and quiz choices read better unbroken than split mid-sentence.

from courses.demo.content.common import L

COURSE = {
    "key": "first-proposal",
    "slug": "first-proposal-on-mostaql",
    "track": "pitching",
    "level": "beginner",
    "specialisations": ["web-development"],
    "marketplaces": ["mostaql", "khamsat"],
    "people": [("salma", "instructor"), ("karim", "mentor")],
    "fields": {
        "title": L(
            "عرضك الأول على مستقل",
            "Your first proposal on Mostaql",
            "Votre première offre sur Mostaql",
        ),
        "summary": L(
            "عشرات المستقلين يقدّمون على المشروع نفسه. تعلّم كيف تفهم ما يريده صاحب المشروع، "
            "وكيف تكتب عرضًا مختلفًا وصادقًا يجعله يختارك أنت.",
            "Dozens of freelancers bid on the same project. Learn to read what the client "
            "really wants and to write an honest, different proposal that gets you chosen.",
            "Des dizaines de freelances répondent au même projet. Apprenez à lire ce que veut vraiment le client et à écrire une offre honnête et différente qui vous fait choisir.",
        ),
        "learning_outcomes": L(
            "تقرأ وصف المشروع وتستخرج منه الحاجة الحقيقية للعميل\n"
            "تكتب عرضًا قصيرًا يبدأ بالعميل لا بنفسك\n"
            "تحدد موعد تسليم وسعرًا تستطيع الالتزام بهما\n"
            "ترسل عرضًا حقيقيًا على مستقل وتحصل على ملاحظات مرشد",
            "Read a project brief and find the client's real need\n"
            "Write a short proposal that starts with the client, not with you\n"
            "Promise a deadline and a price you can keep\n"
            "Send a real proposal on Mostaql and get a mentor's feedback",
            "Lire le descriptif d'un projet et y trouver le vrai besoin du client\nÉcrire une offre courte qui commence par le client, pas par vous\nPromettre un délai et un prix que vous pouvez tenir\nEnvoyer une vraie offre sur Mostaql et recevoir l'avis d'un mentor",
        ),
        "prerequisites": L(
            "<ul><li>حساب على مستقل (التسجيل مجاني)</li>"
            "<li>عمل واحد على الأقل تستطيع عرضه، حتى لو كان تدريبيًا</li></ul>",
            "<ul><li>An account on Mostaql (signing up is free)</li>"
            "<li>At least one piece of work you can show, even a practice one</li></ul>",
            "<ul><li>Un compte sur Mostaql (l'inscription est gratuite)</li><li>Au moins un travail à montrer, même un exercice</li></ul>",
        ),
    },
    "lessons": [
        {
            "key": "what-the-client-wants",
            "slug": "what-the-client-really-wants",
            "practice_minutes": 10,
            "fields": {
                "title": L(
                    "ماذا يريد العميل حقًا؟",
                    "What the client really wants",
                    "Ce que veut vraiment le client",
                ),
                "summary": L(
                    "وراء كل وصف مشروع مشكلة يريد صاحبها أن تُحلّ.",
                    "Behind every project brief is a problem its owner wants solved.",
                    "Derrière chaque descriptif de projet se cache un problème que son auteur veut voir résolu.",
                ),
            },
            "blocks": [
                (
                    "video",
                    {
                        "title": L(
                            "اقرأ المشروع قبل أن تكتب",
                            "Read the project before you write",
                            "Lisez le projet avant d'écrire",
                        ),
                        "note": L(
                            "انتبه إلى الأسئلة الثلاثة في منتصف الفيديو: ستستعملها في كل عرض.",
                            "Note the three questions in the middle of the video: you will use "
                            "them in every proposal.",
                            "Repérez les trois questions au milieu de la vidéo : elles vous serviront pour chaque offre.",
                        ),
                        "slides": [
                            {
                                "heading": "عرضك الأول على مستقل",
                                "lines": ["الدرس الأول: ماذا يريد العميل حقا؟"],
                                "narration": "أهلا بك. في هذا الدرس نتعلم كيف نقرأ المشروع قبل أن نكتب العرض.",
                                "narration_en": "Welcome. In this lesson we learn to read the project before writing the proposal.",
                                "narration_fr": "Bienvenue. Dans cette leçon, nous apprenons à lire le projet avant d'écrire l'offre.",
                            },
                            {
                                "heading": "ثلاثة أسئلة",
                                "lines": [
                                    "ما المشكلة؟",
                                    "ما النتيجة التي يريدها؟",
                                    "ما الذي يقلقه؟",
                                ],
                                "narration": "اسأل نفسك: ما مشكلة العميل، وما النتيجة التي يريدها، وما الذي يقلقه.",
                                "narration_en": "Ask yourself: what is the client's problem, what result does he want, and what worries him.",
                                "narration_fr": "Demandez-vous : quel est le problème du client, quel résultat veut-il, et qu'est-ce qui l'inquiète.",
                            },
                            {
                                "heading": "ابدأ بالعميل",
                                "lines": ["أول سطرين عن مشروعه", "ثم كيف ستحل مشكلته"],
                                "narration": "اجعل أول سطرين في عرضك عن مشروعه هو، لا عن نفسك.",
                                "narration_en": "Make the first two lines of your proposal about his project, not about yourself.",
                                "narration_fr": "Consacrez les deux premières lignes de votre offre à son projet, pas à vous-même.",
                            },
                        ],
                    },
                ),
                (
                    "text",
                    L(
                        "<p>صاحب المشروع لا يبحث عن «مبرمج» أو «مصمم» بشكل عام؛ يبحث عن شخص يحل "
                        "مشكلة محددة: متجر لا يبيع، أو موقع بطيء، أو عرض تقديمي يجب أن يكون جاهزًا "
                        "قبل اجتماع مهم. كلما اقتربت من تلك المشكلة في عرضك، ابتعدت عن بقية "
                        "المتقدمين.</p>"
                        "<p>اقرأ الوصف مرتين. في المرة الأولى افهم المطلوب، وفي الثانية ابحث عما "
                        "لم يُكتب: الموعد الذي يخشاه، والتجربة السيئة التي مرّ بها مع مستقل سابق، "
                        "والكلمات التي كرّرها.</p>",
                        "<p>A client does not look for “a developer” or “a designer” in general; "
                        "they look for someone to solve one problem: a shop that does not sell, a "
                        "slow website, a presentation that must be ready before an important "
                        "meeting. The closer your proposal gets to that problem, the further you "
                        "move from the other bidders.</p>"
                        "<p>Read the brief twice. The first time to understand the task, the "
                        "second to find what is not written: the deadline they fear, the bad "
                        "experience they had with a previous freelancer, the words they repeat.</p>",
                        "<p>Un client ne cherche pas « un développeur » ou « un graphiste » en général ; il cherche quelqu'un pour résoudre un problème précis : une boutique qui ne vend pas, un site trop lent, une présentation à finir avant une réunion importante. Plus votre offre s'approche de ce problème, plus vous vous éloignez des autres candidats.</p><p>Lisez le descriptif deux fois. La première pour comprendre la demande, la seconde pour trouver ce qui n'est pas écrit : le délai qu'il redoute, la mauvaise expérience vécue avec un freelance précédent, les mots qu'il répète.</p>",
                    ),
                ),
                (
                    "story_quote",
                    {
                        "story": "afaf-al-nour",
                        "quote": L(
                            "أصعب ما في البداية كان إقناع أول عميل، ولم ينجح ذلك إلا عندما كتبت "
                            "عرضي بطريقة تختلف عن الآخرين.",
                            "The hardest part at the start was convincing the first client; it "
                            "only worked once I wrote my proposal differently from everyone else.",
                            "Le plus dur au début, c'était de convaincre le premier client ; ça n'a marché que le jour où j'ai rédigé mon offre autrement que tout le monde.",
                        ),
                        "attribution": L(
                            "عفاف، مطوّرة مواقع من مراكش",
                            "Afaf, web developer from Marrakesh",
                            "Afaf, développeuse web à Marrakech",
                        ),
                    },
                ),
                (
                    "tip",
                    {
                        "kind": "tip",
                        "title": L(
                            "سؤال واحد يكفي", "One question is enough", "Une seule question suffit"
                        ),
                        "text": L(
                            "<p>إن كان في الوصف شيء غامض، اسأل عنه في عرضك بسؤال واحد محدد. "
                            "السؤال الجيد يثبت أنك قرأت المشروع أكثر مما تثبته أي جملة عن خبرتك.</p>",
                            "<p>If something in the brief is unclear, ask about it in your "
                            "proposal with one precise question. A good question proves you read "
                            "the project better than any sentence about your experience.</p>",
                            "<p>Si un point du descriptif est flou, posez-le dans votre offre sous la forme d'une question précise. Une bonne question prouve que vous avez lu le projet mieux que n'importe quelle phrase sur votre expérience.</p>",
                        ),
                    },
                ),
            ],
        },
        {
            "key": "stand-out",
            "slug": "a-proposal-that-stands-out",
            "practice_minutes": 15,
            "fields": {
                "title": L(
                    "عرض يختلف عن الآخرين",
                    "A proposal that stands apart",
                    "Une offre qui se démarque",
                ),
                "summary": L(
                    "هيكل بسيط من أربعة أجزاء، ولماذا يخسر العرض المنسوخ.",
                    "A simple four-part structure, and why the copy-pasted proposal loses.",
                    "Une structure simple en quatre parties, et pourquoi l'offre copiée-collée perd.",
                ),
            },
            "blocks": [
                (
                    "text",
                    L(
                        "<h2>أربعة أجزاء تكفي</h2>"
                        "<ol><li><b>فهمك للمشروع</b>: جملتان تعيد فيهما صياغة ما يريده العميل بكلماتك.</li>"
                        "<li><b>خطتك</b>: ثلاث خطوات واضحة، وما سيستلمه في نهاية كل خطوة.</li>"
                        "<li><b>دليل</b>: رابط لعمل مشابه، أو مثال صغير صنعته لهذا العرض.</li>"
                        "<li><b>الموعد والسعر</b>: رقمان تستطيع الالتزام بهما، مع سبب مختصر.</li></ol>"
                        "<p>العرض الجيد قصير. صاحب المشروع يقرأ عشرات العروض، والعرض الذي يُقرأ في "
                        "دقيقة ويجيب عن أسئلته يُتذكّر.</p>",
                        "<h2>Four parts are enough</h2>"
                        "<ol><li><b>Your understanding</b>: two sentences restating what the client wants, in your own words.</li>"
                        "<li><b>Your plan</b>: three clear steps and what they receive at the end of each.</li>"
                        "<li><b>Proof</b>: a link to similar work, or a small sample made for this bid.</li>"
                        "<li><b>Deadline and price</b>: two numbers you can keep, with a short reason.</li></ol>"
                        "<p>A good proposal is short. The client reads dozens of them, and the one "
                        "that can be read in a minute and answers their questions is remembered.</p>",
                        "<h2>Quatre parties suffisent</h2><ol><li><b>Votre compréhension</b> : deux phrases qui reformulent avec vos mots ce que veut le client.</li><li><b>Votre plan</b> : trois étapes claires et ce qu'il reçoit à la fin de chacune.</li><li><b>Une preuve</b> : un lien vers un travail similaire, ou un petit exemple fait pour cette offre.</li><li><b>Délai et prix</b> : deux chiffres que vous pouvez tenir, avec une raison courte.</li></ol><p>Une bonne offre est courte. Le client en lit des dizaines, et celle qui se lit en une minute et répond à ses questions reste en mémoire.</p>",
                    ),
                ),
                (
                    "tip",
                    {
                        "kind": "warning",
                        "title": L(
                            "العرض المنسوخ يُكشف بسرعة",
                            "A copy-pasted proposal shows",
                            "Une offre copiée-collée se voit",
                        ),
                        "text": L(
                            "<p>إذا كان عرضك يصلح لأي مشروع، فهو لا يصلح لهذا المشروع. اسم المشروع "
                            "وتفصيلة واحدة منه في أول سطر يكفيان لإظهار الفرق.</p>",
                            "<p>If your proposal would fit any project, it does not fit this one. "
                            "The project's name and one of its details in your first line are "
                            "enough to show the difference.</p>",
                            "<p>Si votre offre convient à n'importe quel projet, elle ne convient pas à celui-ci. Le nom du projet et l'un de ses détails dès la première ligne suffisent à faire la différence.</p>",
                        ),
                    },
                ),
                (
                    "tip",
                    {
                        "kind": "example",
                        "title": L("بداية عرض جيد", "A good opening", "Un bon début"),
                        "text": L(
                            "<p>«تحتاج متجرًا على ووردبريس يعرض 40 منتجًا ويقبل الدفع عند الاستلام، "
                            "وتريده جاهزًا قبل بداية رمضان. أقترح أن نبدأ بصفحة المنتج لأنها ما "
                            "سيراه زبائنك أولًا…»</p>",
                            "<p>“You need a WordPress shop showing 40 products with cash on "
                            "delivery, ready before Ramadan starts. I suggest we begin with the "
                            "product page, since that is what your customers will see first…”</p>",
                            "<p>« Il vous faut une boutique WordPress qui présente 40 produits avec paiement à la livraison, prête avant le début du Ramadan. Je propose de commencer par la page produit, puisque c'est ce que vos clients verront en premier… »</p>",
                        ),
                    },
                ),
                (
                    "quiz",
                    {
                        "title": L(
                            "هل عرضك مختلف؟",
                            "Does your proposal stand out?",
                            "Votre offre se démarque-t-elle ?",
                        ),
                        "intro": L(
                            "ثلاثة أسئلة قصيرة قبل أن تكتب عرضك الحقيقي.",
                            "Three short questions before you write your real proposal.",
                            "Trois questions rapides avant d'écrire votre vraie offre.",
                        ),
                        "pass_mark": 67,
                        "max_attempts": 0,
                        "retry_wait_minutes": 0,
                        "questions": [
                            {
                                "question": L(
                                    "ماذا تضع في أول سطرين من عرضك؟",
                                    "What goes in the first two lines of your proposal?",
                                    "Que mettez-vous dans les deux premières lignes de votre offre ?",
                                ),
                                "kind": "single",
                                "choices": [
                                    (
                                        L(
                                            "ما فهمته من مشروع العميل وما يهمه فيه",
                                            "What you understood of the client's project and what matters to them",
                                            "Ce que vous avez compris du projet du client et ce qui compte pour lui",
                                        ),
                                        True,
                                    ),
                                    (
                                        L(
                                            "قائمة بكل مهاراتك وسنوات خبرتك",
                                            "A list of all your skills and years of experience",
                                            "La liste de toutes vos compétences et de vos années d'expérience",
                                        ),
                                        False,
                                    ),
                                    (
                                        L(
                                            "أقل سعر تستطيع قبوله",
                                            "The lowest price you could accept",
                                            "Le prix le plus bas que vous pourriez accepter",
                                        ),
                                        False,
                                    ),
                                ],
                                "explanation": L(
                                    "العميل يقرأ ليعرف هل فهمت مشروعه. مهاراتك تأتي بعد ذلك دليلًا على قدرتك.",
                                    "The client reads to see whether you understood their project. "
                                    "Your skills come later, as proof that you can do it.",
                                    "Le client lit pour savoir si vous avez compris son projet. Vos compétences viennent ensuite, comme preuve que vous saurez le faire.",
                                ),
                            },
                            {
                                "question": L(
                                    "أيّ هذه يجعل عرضك يبرز بين المتقدمين؟",
                                    "Which of these make your proposal stand out among the bidders?",
                                    "Lesquels de ces éléments font ressortir votre offre parmi les candidats ?",
                                ),
                                "kind": "multiple",
                                "choices": [
                                    (
                                        L(
                                            "سؤال يثبت أنك قرأت التفاصيل",
                                            "A question that proves you read the details",
                                            "Une question qui prouve que vous avez lu les détails",
                                        ),
                                        True,
                                    ),
                                    (
                                        L(
                                            "خطة قصيرة بخطوات وموعد",
                                            "A short plan with steps and a date",
                                            "Un plan court avec des étapes et une date",
                                        ),
                                        True,
                                    ),
                                    (
                                        L(
                                            "النص نفسه الذي أرسلته لعشرة عملاء",
                                            "The same text you sent to ten other clients",
                                            "Le même texte envoyé à dix autres clients",
                                        ),
                                        False,
                                    ),
                                    (
                                        L(
                                            "رابط لعمل مشابه أنجزته",
                                            "A link to similar work you did",
                                            "Un lien vers un travail similaire que vous avez réalisé",
                                        ),
                                        True,
                                    ),
                                ],
                                "explanation": L(
                                    "السؤال والخطة والدليل تخص هذا المشروع وحده؛ النص المكرر لا يخص أحدًا.",
                                    "The question, the plan and the proof belong to this project "
                                    "alone; a repeated text belongs to nobody.",
                                    "La question, le plan et la preuve n'appartiennent qu'à ce projet ; un texte répété n'appartient à personne.",
                                ),
                            },
                            {
                                "question": L(
                                    "تستطيع التسليم في عشرة أيام، والعميل يتمنى خمسة. ماذا تفعل؟",
                                    "You can deliver in ten days; the client hopes for five. What do you do?",
                                    "Vous pouvez livrer en dix jours ; le client espère cinq. Que faites-vous ?",
                                ),
                                "kind": "single",
                                "choices": [
                                    (
                                        L(
                                            "أقول بصدق إنني أحتاج عشرة أيام وأشرح السبب",
                                            "Say honestly that I need ten days and explain why",
                                            "Je dis honnêtement qu'il me faut dix jours et j'explique pourquoi",
                                        ),
                                        True,
                                    ),
                                    (
                                        L(
                                            "أعد بخمسة أيام ثم أرى",
                                            "Promise five days and see",
                                            "Je promets cinq jours et on verra",
                                        ),
                                        False,
                                    ),
                                    (
                                        L(
                                            "لا أذكر موعدًا في العرض",
                                            "Leave the deadline out of the proposal",
                                            "Je ne mentionne pas de délai dans l'offre",
                                        ),
                                        False,
                                    ),
                                ],
                                "explanation": L(
                                    "الموعد الذي تفي به يبني سمعتك؛ الموعد الذي تخلفه يهدمها في أول تقييم.",
                                    "A deadline you keep builds your reputation; a missed one "
                                    "undoes it with the very first review.",
                                    "Un délai tenu construit votre réputation ; un délai manqué la défait dès le premier avis.",
                                ),
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "key": "honesty-deadlines",
            "slug": "honesty-and-deadlines",
            "practice_minutes": 45,
            "fields": {
                "title": L("الصدق والمواعيد", "Honesty and deadlines", "Honnêteté et délais"),
                "summary": L(
                    "اكتب عرضك الحقيقي الأول وأرسله إلى مرشد قبل صاحب المشروع.",
                    "Write your first real proposal and send it to a mentor before the client.",
                    "Écrivez votre première vraie offre et envoyez-la à un mentor avant le client.",
                ),
            },
            "blocks": [
                (
                    "text",
                    L(
                        "<p>العميل الذي يختارك يخاطر: لا يعرفك، وليس لك تقييمات بعد. أفضل ما "
                        "تقدّمه له هو الوضوح. قل ما ستفعله بالضبط، ومتى، وما الذي لا يدخل في "
                        "السعر. وإذا تأخرت في شيء فأخبره قبل أن يسأل.</p>"
                        "<p>هذه الصفات البسيطة هي ما يذكره المستقلون الناجحون عندما يُسألون عن سرّهم، "
                        "قبل المهارة نفسها.</p>",
                        "<p>A client who picks you takes a risk: they do not know you and you have "
                        "no reviews yet. The best thing you can give them is clarity. Say exactly "
                        "what you will do, by when, and what the price does not include. If "
                        "something runs late, tell them before they ask.</p>"
                        "<p>These plain habits are what successful freelancers name when asked for "
                        "their secret, before skill itself.</p>",
                        "<p>Le client qui vous choisit prend un risque : il ne vous connaît pas et vous n'avez pas encore d'avis. Le mieux que vous puissiez lui offrir, c'est la clarté. Dites exactement ce que vous ferez, pour quand, et ce que le prix ne comprend pas. Si quelque chose prend du retard, prévenez-le avant qu'il ne demande.</p><p>Ce sont ces habitudes simples que citent les freelances qui réussissent quand on leur demande leur secret, avant même le talent.</p>",
                    ),
                ),
                (
                    "story_quote",
                    {
                        "story": "ahmed-al-hadi",
                        "quote": L(
                            "الصدق والوضوح والالتزام بالمواعيد، هذا كل ما في الأمر.",
                            "Honesty, clarity and keeping deadlines: that is all there is to it.",
                            "Honnêteté, clarté et respect des délais : c'est tout le secret.",
                        ),
                        "attribution": L(
                            "أحمد الهادي، بائع على خمسات",
                            "Ahmed Al-Hadi, seller on Khamsat",
                            "Ahmed Al-Hadi, vendeur sur Khamsat",
                        ),
                    },
                ),
                (
                    "resource",
                    {
                        "key": "proposal-checklist",
                        "title": L(
                            "قائمة مراجعة العرض",
                            "Proposal checklist",
                            "Liste de contrôle de l'offre",
                        ),
                        "description": L(
                            "اطبعها أو احفظها، وراجع بها كل عرض قبل إرساله.",
                            "Print or save it, and check every proposal against it before sending.",
                            "Imprimez-la ou gardez-la, et vérifiez chaque offre avant de l'envoyer.",
                        ),
                        "heading": L(
                            "قبل أن ترسل عرضك",
                            "Before you send your proposal",
                            "Avant d'envoyer votre offre",
                        ),
                        "items": [
                            L(
                                "أول سطرين عن مشروع العميل، لا عني",
                                "The first two lines are about the client's project, not me",
                                "Les deux premières lignes parlent du projet du client, pas de moi",
                            ),
                            L(
                                "سؤال واحد محدد عن شيء غامض",
                                "One precise question about something unclear",
                                "Une question précise sur un point flou",
                            ),
                            L(
                                "خطة من ثلاث خطوات وما يستلمه في كل خطوة",
                                "A three-step plan and what they receive at each step",
                                "Un plan en trois étapes et ce qu'il reçoit à chaque étape",
                            ),
                            L(
                                "رابط لعمل مشابه أو مثال صغير",
                                "A link to similar work or a small sample",
                                "Un lien vers un travail similaire ou un petit exemple",
                            ),
                            L(
                                "موعد وسعر أستطيع الالتزام بهما",
                                "A deadline and a price I can keep",
                                "Un délai et un prix que je peux tenir",
                            ),
                            L(
                                "لا يتجاوز العرض دقيقة من القراءة",
                                "The proposal reads in under a minute",
                                "L'offre se lit en moins d'une minute",
                            ),
                        ],
                    },
                ),
                (
                    "assignment",
                    {
                        "title": L(
                            "اكتب عرضك الحقيقي الأول",
                            "Write your first real proposal",
                            "Écrivez votre première vraie offre",
                        ),
                        "prompt": L(
                            "<p>اختر مشروعًا مفتوحًا على مستقل في مجالك. اكتب عرضك عليه باتباع "
                            "الأجزاء الأربعة، وراجعه بالقائمة. سلّم نص العرض ورابط المشروع، ولا "
                            "ترسله لصاحب المشروع قبل ملاحظات المرشد.</p>",
                            "<p>Pick an open project on Mostaql in your field. Write your "
                            "proposal for it with the four parts, and check it against the list. "
                            "Hand in the text and the project's link, and do not send it to the "
                            "client before your mentor's notes.</p>",
                            "<p>Choisissez un projet ouvert sur Mostaql dans votre domaine. Rédigez votre offre en suivant les quatre parties, puis vérifiez-la avec la liste. Rendez le texte et le lien du projet, et ne l'envoyez pas au client avant les remarques de votre mentor.</p>",
                        ),
                        "hand_in": ["text", "link"],
                        "link_marketplace": "mostaql",
                        "link_hint": L(
                            "رابط المشروع على مستقل",
                            "The project's address on Mostaql",
                            "L'adresse du projet sur Mostaql",
                        ),
                        "rubric": [
                            {
                                "criterion": L(
                                    "فهم المشروع",
                                    "Understanding of the project",
                                    "Compréhension du projet",
                                ),
                                "description": L(
                                    "هل يظهر من أول سطرين أنك فهمت ما يريده العميل؟",
                                    "Do the first two lines show you understood what the client wants?",
                                    "Les deux premières lignes montrent-elles que vous avez compris ce que veut le client ?",
                                ),
                                "levels": [
                                    (
                                        L("عام", "Generic", "Générique"),
                                        L(
                                            "يصلح لأي مشروع",
                                            "Would fit any project",
                                            "Irait à n'importe quel projet",
                                        ),
                                        0,
                                    ),
                                    (
                                        L("جزئي", "Partial", "Partielle"),
                                        L(
                                            "يذكر المشروع دون حاجته",
                                            "Names the project but not its need",
                                            "Nomme le projet mais pas son besoin",
                                        ),
                                        2,
                                    ),
                                    (
                                        L("دقيق", "Precise", "Précise"),
                                        L(
                                            "يعيد صياغة الحاجة بكلماته",
                                            "Restates the need in your own words",
                                            "Reformule le besoin avec ses propres mots",
                                        ),
                                        4,
                                    ),
                                ],
                            },
                            {
                                "criterion": L("الخطة والدليل", "Plan and proof", "Plan et preuve"),
                                "description": L(
                                    "خطوات واضحة ودليل على القدرة.",
                                    "Clear steps and proof of ability.",
                                    "Des étapes claires et une preuve de savoir-faire.",
                                ),
                                "levels": [
                                    (
                                        L("غائبة", "Missing", "Absents"),
                                        L(
                                            "لا خطة ولا مثال",
                                            "No plan, no sample",
                                            "Ni plan ni exemple",
                                        ),
                                        0,
                                    ),
                                    (
                                        L("مقبولة", "Fair", "Acceptables"),
                                        L(
                                            "خطة أو مثال",
                                            "A plan or a sample",
                                            "Un plan ou un exemple",
                                        ),
                                        2,
                                    ),
                                    (
                                        L("مقنعة", "Convincing", "Convaincants"),
                                        L(
                                            "خطة من خطوات ومثال مرتبط",
                                            "Stepwise plan and a relevant sample",
                                            "Un plan par étapes et un exemple pertinent",
                                        ),
                                        4,
                                    ),
                                ],
                            },
                            {
                                "criterion": L(
                                    "الصدق في الموعد والسعر",
                                    "Honest deadline and price",
                                    "Délai et prix honnêtes",
                                ),
                                "description": L(
                                    "رقمان واقعيان مع سبب.",
                                    "Two realistic numbers with a reason.",
                                    "Deux chiffres réalistes avec une raison.",
                                ),
                                "levels": [
                                    (
                                        L("غير واقعي", "Unrealistic", "Irréaliste"),
                                        L(
                                            "وعد لا يمكن الوفاء به",
                                            "A promise that cannot be kept",
                                            "Une promesse impossible à tenir",
                                        ),
                                        0,
                                    ),
                                    (
                                        L("واقعي", "Realistic", "Réaliste"),
                                        L(
                                            "موعد وسعر مع سبب مختصر",
                                            "Deadline and price with a short reason",
                                            "Délai et prix avec une raison courte",
                                        ),
                                        2,
                                    ),
                                ],
                            },
                        ],
                        "example_answer": L(
                            "<p>«تريد صفحة هبوط لدورتك التدريبية تجمع التسجيلات قبل 15 من الشهر. "
                            "سأبدأ بالعنوان ونموذج التسجيل لأنهما ما يحوّل الزائر إلى مسجّل، ثم "
                            "الشهادات، ثم التحسين للجوال. هل لديك صور من دورات سابقة؟ أسلّم خلال ستة "
                            "أيام بسعر 80 دولارًا، وتشمل جولتين من التعديلات.»</p>",
                            "<p>“You want a landing page for your training course that collects "
                            "sign-ups before the 15th. I will start with the headline and the "
                            "sign-up form, since they turn visitors into registrations, then the "
                            "testimonials, then mobile polish. Do you have photos from earlier "
                            "sessions? Delivery in six days for 80 USD, including two rounds of "
                            "changes.”</p>",
                            "<p>« Vous voulez une page d'atterrissage pour votre formation qui recueille les inscriptions avant le 15. Je commencerai par le titre et le formulaire d'inscription, car ce sont eux qui transforment les visiteurs en inscrits, puis les témoignages, puis l'affichage sur mobile. Avez-vous des photos des sessions précédentes ? Livraison en six jours pour 80 USD, avec deux séries de modifications. »</p>",
                        ),
                        "mentor_approval_required": True,
                    },
                ),
            ],
        },
    ],
}
