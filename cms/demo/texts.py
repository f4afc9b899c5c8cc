"""Texts of the demo home, story index and standard pages, per language."""

# ruff: noqa: E501  (prose: one paragraph per line reads and diffs better)

HOME = {
    "ar": {
        "title": "بداية: خطوتك الأولى نحو العمل الحر",
        "intro": "أكاديمية عربية مجانية ترافقك من أول ملف شخصي على منصات العمل الحر إلى أول عميل يدفع لك، ثم إلى دخل تعتمد عليه.",
        "body": (
            "<p>بداية أكاديمية على الإنترنت للشباب الذين يريدون أن يكسبوا عيشهم من العمل الحر: "
            "على خمسات ومستقل وأريد، أو على Upwork وFiverr وLinkedIn. "
            "نتعلم من تجارب حقيقية لشباب من المغرب والجزائر وسوريا ومصر بدؤوا من الصفر، "
            "ونحوّلها إلى دروس قصيرة وتمارين يراجعها مرشدون.</p>"
            "<p>لا تحتاج إلى خبرة سابقة: تحتاج إلى مهارة واحدة تتقنها، وصبر على البداية، "
            "وطريقة واضحة لعرض خدماتك وتسعيرها.</p>"
        ),
        "tracks": [
            (
                "pitching",
                "إقناع العميل الأول",
                "كيف تكتب عرضًا يختلف عن العروض الأخرى، وتفهم ما يريده العميل فعلًا، وتلتزم بالوضوح والمواعيد.",
            ),
            (
                "pricing",
                "التسعير",
                "السعر عامل واحد من عدة عوامل: ابدأ بخدمات صغيرة بسعر ثابت، واعرف متى ترفع أسعارك وكيف تستلم أرباحك.",
            ),
            (
                "specialising",
                "التخصص",
                "اختر مجالًا تتقنه ويقل فيه المنافسون، مثل تعريب القوالب أو التعليق الصوتي، وواصل التعلم.",
            ),
        ],
        "signup_title": "بدايتك تبدأ اليوم",
        "signup_text": "أنشئ حسابًا مجانيًا، واتبع المسارات الثلاثة، واحصل على شارات تعرضها على ملفاتك في منصات العمل الحر.",
        "signup_button": "ابدأ مجانًا",
    },
    "en": {
        "title": "Bidaya: your first step into freelancing",
        "intro": "A free Arabic-first academy that takes you from your first marketplace profile to your first paying client, and on to an income you can count on.",
        "body": (
            "<p>Bidaya is an online academy for young people who want to earn a living as "
            "freelancers: on Khamsat, Mostaql and Ureed, or on Upwork, Fiverr and LinkedIn. "
            "We learn from real people in Morocco, Algeria, Syria and Egypt who started from "
            "nothing, and turn what worked for them into short lessons and exercises reviewed "
            "by mentors.</p>"
            "<p>No experience needed: one skill you do well, patience at the start, and a clear "
            "way to present and price your services.</p>"
        ),
        "tracks": [
            (
                "pitching",
                "Winning the first client",
                "Write a proposal that stands out, understand what the client really wants, be clear and keep your deadlines.",
            ),
            (
                "pricing",
                "Pricing",
                "Price is one factor among several: start with small fixed-price services, learn when to raise your rates and how to get paid.",
            ),
            (
                "specialising",
                "Specialising",
                "Pick a niche you can excel in and where competition is thinner, such as arabising themes or voice-over, and keep learning.",
            ),
        ],
        "signup_title": "Your beginning starts today",
        "signup_text": "Create a free account, follow the three tracks and earn badges you can show on your marketplace profiles.",
        "signup_button": "Start for free",
    },
    "fr": {
        "title": "Bidaya : votre premier pas vers le freelancing",
        "intro": "Une académie gratuite, pensée d'abord en arabe, qui vous accompagne de votre premier profil sur une plateforme jusqu'à votre premier client, puis vers un revenu régulier.",
        "body": (
            "<p>Bidaya est une académie en ligne pour les jeunes qui veulent vivre du travail "
            "indépendant : sur Khamsat, Mostaql et Ureed, ou sur Upwork, Fiverr et LinkedIn. "
            "Nous partons de parcours réels de jeunes du Maroc, d'Algérie, de Syrie et d'Égypte "
            "qui ont commencé de zéro, et nous en tirons de courtes leçons et des exercices "
            "corrigés par des mentors.</p>"
            "<p>Aucune expérience n'est exigée : une compétence que vous maîtrisez, de la patience "
            "au début, et une façon claire de présenter et de chiffrer vos services.</p>"
        ),
        "tracks": [
            (
                "pitching",
                "Convaincre le premier client",
                "Rédiger une proposition qui se distingue, comprendre ce que veut vraiment le client, rester clair et tenir les délais.",
            ),
            (
                "pricing",
                "Fixer ses prix",
                "Le prix n'est qu'un critère parmi d'autres : commencez par de petits services à prix fixe, puis apprenez quand augmenter vos tarifs et comment être payé.",
            ),
            (
                "specialising",
                "Se spécialiser",
                "Choisissez un créneau où vous pouvez exceller et où la concurrence est moindre, comme l'arabisation de thèmes ou la voix off, et continuez d'apprendre.",
            ),
        ],
        "signup_title": "Votre début commence aujourd'hui",
        "signup_text": "Créez un compte gratuit, suivez les trois parcours et obtenez des badges à afficher sur vos profils de plateformes.",
        "signup_button": "Commencer gratuitement",
    },
}

STORY_INDEX = {
    "ar": {
        "title": "قصص نجاح",
        "intro": "شباب من المغرب والجزائر وسوريا ومصر وجدوا في العمل الحر دخلًا واستقلالًا. اقرأ كيف بدؤوا.",
    },
    "en": {
        "title": "Success stories",
        "intro": "Young people from Morocco, Algeria, Syria and Egypt who found an income and independence in freelancing. Read how they started.",
    },
    "fr": {
        "title": "Parcours réussis",
        "intro": "Des jeunes du Maroc, d'Algérie, de Syrie et d'Égypte qui ont trouvé dans le travail indépendant un revenu et leur autonomie. Découvrez leurs débuts.",
    },
}

ABOUT = {
    "ar": {
        "title": "عن بداية",
        "intro": "لماذا أنشأنا بداية، ولمن.",
        "body": [
            (
                "paragraph",
                "<p>في المغرب العربي والمشرق آلاف الشباب المتعلمين الذين لا يجدون وظيفة، وكثير منهم اكتشف أن الإنترنت سوق حقيقية: برمجة، وتصميم، وترجمة، وتعليق صوتي، وتسويق. لكن البداية صعبة، والمعلومات متفرقة.</p>",
            ),
            (
                "paragraph",
                "<p>بداية تجمع ما تعلمه من سبقوك في ثلاثة مسارات عملية: كيف تقنع أول عميل، وكيف تسعّر عملك، وكيف تختار تخصصك. الدروس قصيرة وتعمل على الهاتف وعلى اتصال ضعيف، والتمارين يراجعها مرشدون.</p>",
            ),
            (
                "quote",
                {
                    "text": "البداية دائمًا صعبة، والصبر هو ما يصنع الفرق.",
                    "attribution": "خلاصة ما قاله أغلب من التقيناهم",
                },
            ),
        ],
    },
    "en": {
        "title": "About Bidaya",
        "intro": "Why we built Bidaya, and for whom.",
        "body": [
            (
                "paragraph",
                "<p>Across North Africa and the Levant, thousands of young graduates cannot find a job, and many have discovered that the internet is a real market: programming, design, translation, voice-over, marketing. But the beginning is hard and the advice is scattered.</p>",
            ),
            (
                "paragraph",
                "<p>Bidaya gathers what those who went before you learned into three practical tracks: how to win your first client, how to price your work and how to choose your specialty. Lessons are short, work on a phone and on a weak connection, and mentors review the exercises.</p>",
            ),
            (
                "quote",
                {
                    "text": "The beginning is always hard; patience is what makes the difference.",
                    "attribution": "What most of the people we met told us, in one line",
                },
            ),
        ],
    },
    "fr": {
        "title": "À propos de Bidaya",
        "intro": "Pourquoi nous avons créé Bidaya, et pour qui.",
        "body": [
            (
                "paragraph",
                "<p>Au Maghreb comme au Machrek, des milliers de jeunes diplômés ne trouvent pas d'emploi, et beaucoup ont découvert qu'internet est un vrai marché : programmation, graphisme, traduction, voix off, marketing. Mais les débuts sont difficiles et les conseils dispersés.</p>",
            ),
            (
                "paragraph",
                "<p>Bidaya rassemble ce qu'ont appris ceux qui vous ont précédé en trois parcours pratiques : convaincre un premier client, fixer ses prix et choisir sa spécialité. Les leçons sont courtes, fonctionnent sur téléphone et avec une connexion faible, et des mentors corrigent les exercices.</p>",
            ),
            (
                "quote",
                {
                    "text": "Le début est toujours difficile ; c'est la patience qui fait la différence.",
                    "attribution": "Ce que nous ont dit, en substance, la plupart des personnes rencontrées",
                },
            ),
        ],
    },
}

FAQ = {
    "ar": {
        "title": "أسئلة شائعة",
        "intro": "إجابات قصيرة عن أكثر ما يسأله المبتدئون.",
        "body": [
            (
                "faq",
                {
                    "question": "هل الدورات مجانية؟",
                    "answer": "<p>نعم. تحتاج فقط إلى حساب وبريد إلكتروني مؤكد.</p>",
                },
            ),
            (
                "faq",
                {
                    "question": "أي منصة أبدأ بها؟",
                    "answer": "<p>ابدأ بمنصة تناسب لغتك وطريقة الدفع المتاحة في بلدك: خمسات ومستقل تناسبان من يبدأ بالعربية، وUpwork وFiverr تفتحان السوق العالمية لكنها لا تعمل في كل البلدان.</p>",
                },
            ),
            (
                "faq",
                {
                    "question": "كيف أستلم أرباحي؟",
                    "answer": "<p>تختلف وسائل السحب حسب المنصة: باي بال، وبايونير، والتحويل البنكي هي الأكثر انتشارًا. تجد وسائل كل منصة في درس التسعير.</p>",
                },
            ),
        ],
    },
    "en": {
        "title": "Frequently asked questions",
        "intro": "Short answers to what beginners ask most.",
        "body": [
            (
                "faq",
                {
                    "question": "Are the courses free?",
                    "answer": "<p>Yes. All you need is an account with a confirmed e-mail address.</p>",
                },
            ),
            (
                "faq",
                {
                    "question": "Which marketplace should I start on?",
                    "answer": "<p>Start where your language and your country's payout options fit: Khamsat and Mostaql suit those starting in Arabic; Upwork and Fiverr open the global market but do not work in every country.</p>",
                },
            ),
            (
                "faq",
                {
                    "question": "How do I get paid?",
                    "answer": "<p>Payout methods depend on the marketplace: PayPal, Payoneer and bank transfer are the most common. The pricing track lists each marketplace's options.</p>",
                },
            ),
        ],
    },
    "fr": {
        "title": "Questions fréquentes",
        "intro": "Des réponses courtes aux questions des débutants.",
        "body": [
            (
                "faq",
                {
                    "question": "Les cours sont-ils gratuits ?",
                    "answer": "<p>Oui. Il suffit d'un compte avec une adresse e-mail confirmée.</p>",
                },
            ),
            (
                "faq",
                {
                    "question": "Par quelle plateforme commencer ?",
                    "answer": "<p>Choisissez selon votre langue et les moyens de paiement de votre pays : Khamsat et Mostaql conviennent pour débuter en arabe ; Upwork et Fiverr ouvrent le marché mondial mais ne fonctionnent pas partout.</p>",
                },
            ),
            (
                "faq",
                {
                    "question": "Comment suis-je payé ?",
                    "answer": "<p>Cela dépend de la plateforme : PayPal, Payoneer et le virement bancaire sont les plus courants. Le parcours sur les prix détaille les options de chacune.</p>",
                },
            ),
        ],
    },
}
