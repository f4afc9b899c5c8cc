"""Stories from Egypt, and from Khamsat sellers whose country the articles do not give."""

# ruff: noqa: E501  (prose: one paragraph per line reads and diffs better)

from cms.demo.story_texts.blocks import figure, p, qa, quote

STORIES = [
    {
        "key": "ahmed-al-hadi",
        "slug": "ahmed-al-hadi",
        "age": None,
        "country": "EG",
        "marketplaces": ["khamsat"],
        "specialisations": [],
        "months": None,
        "ar": {
            "title": "أحمد الهادي: الصدق والوضوح والموعد، ثلاث قواعد للبائع على خمسات",
            "person_name": "أحمد الهادي",
            "city": "",
            "intro": "بائع خدمات من مصر على خمسات، يلخّص نجاحه في ثلاث عادات يلتزم بها مع كل عميل.",
            "figures": [],
            "pull_quote": "النجاح عندي ثلاث كلمات: صدق مع العميل، ووضوح في ما أقدّمه، واحترام للموعد.",
            "body": [
                p(
                    "حين يُسأل أحمد عن سر استمراره على خمسات لا يتحدث عن الحظ ولا عن السعر، بل عن طريقة التعامل."
                ),
                qa(
                    "ماذا تعني بالصدق؟",
                    "ألّا أعد العميل بما لا أستطيع تنفيذه، وأن أقول له بصراحة إن كان طلبه خارج ما أتقنه.",
                ),
                qa(
                    "والوضوح؟",
                    "أن يعرف العميل قبل الشراء ماذا سيستلم بالضبط، وفي أي صيغة، وكم مرة يمكنه طلب التعديل.",
                ),
                qa(
                    "والموعد؟",
                    "الموعد وعد. إن تأخرت مرة خسرت العميل، وإن سلّمت في الوقت عاد إليك وأوصى بك غيره.",
                ),
                p("هذه القواعد الثلاث هي أساس مسار «إقناع العميل الأول» في بداية."),
            ],
        },
        "en": {
            "title": "Ahmed Al-Hadi: honesty, clarity and deadlines, three rules for a Khamsat seller",
            "person_name": "Ahmed Al-Hadi",
            "city": "",
            "intro": "A service seller from Egypt on Khamsat who sums up his success as three habits he keeps with every client.",
            "figures": [],
            "pull_quote": "For me success is three words: honest with the client, clear about what I offer, and on time.",
            "body": [
                p(
                    "Ask Ahmed why he has lasted on Khamsat and he will not talk about luck or price, but about how he deals with people."
                ),
                qa(
                    "What does honesty mean to you?",
                    "Never promising a client what I cannot deliver, and saying plainly when a request is outside what I do well.",
                ),
                qa(
                    "And clarity?",
                    "The client should know before buying exactly what they will receive, in which format, and how many revisions they can ask for.",
                ),
                qa(
                    "And deadlines?",
                    "A deadline is a promise. Miss it once and you lose the client; deliver on time and they come back and recommend you.",
                ),
                p(
                    "These three rules are the foundation of Bidaya's “winning the first client” track."
                ),
            ],
        },
        "fr": {
            "title": "Ahmed Al-Hadi : honnêteté, clarté et délais, trois règles pour vendre sur Khamsat",
            "person_name": "Ahmed Al-Hadi",
            "city": "",
            "intro": "Vendeur de services en Égypte sur Khamsat, il résume sa réussite en trois habitudes qu'il garde avec chaque client.",
            "figures": [],
            "pull_quote": "Pour moi, la réussite tient en trois mots : honnête avec le client, clair sur ce que je propose, et à l'heure.",
            "body": [
                p(
                    "Demandez à Ahmed pourquoi il dure sur Khamsat : il ne parlera ni de chance ni de prix, mais de la manière de traiter les clients."
                ),
                qa(
                    "Que veut dire l'honnêteté pour vous ?",
                    "Ne jamais promettre ce que je ne peux pas livrer, et dire franchement quand une demande sort de ce que je maîtrise.",
                ),
                qa(
                    "Et la clarté ?",
                    "Le client doit savoir avant d'acheter ce qu'il recevra exactement, sous quel format, et combien de retouches il peut demander.",
                ),
                qa(
                    "Et les délais ?",
                    "Un délai est une promesse. Ratez-le une fois et vous perdez le client ; livrez à temps et il revient, puis vous recommande.",
                ),
                p(
                    "Ces trois règles sont le socle du parcours « Convaincre le premier client » de Bidaya."
                ),
            ],
        },
    },
    {
        "key": "ahmed-ahmed-voice-over",
        "slug": "ahmed-ahmed-voice-over",
        "age": None,
        "country": None,
        "marketplaces": ["khamsat"],
        "specialisations": ["voice-over"],
        "months": None,
        "ar": {
            "title": "أحمد أحمد: صوت محترف على خمسات، وتخصص اختاره بعناية",
            "person_name": "أحمد أحمد",
            "city": "",
            "intro": "يسجّل التعليق الصوتي الاحترافي على خمسات، ويرى أن التخصص والتسويق لنفسك وبعض العمل المجاني في البداية هي ما يفتح الباب.",
            "figures": [],
            "pull_quote": "اختر مجالًا تستطيع أن تتفوق فيه، ثم عرّف الناس بعملك ولا تنتظر أن يجدوك وحدهم.",
            "body": [
                p(
                    "بدأ أحمد يقدّم تسجيلات صوتية احترافية: إعلانات، ومقدمات فيديو، وشروحات. سوق التعليق الصوتي بالعربية واسع، لكنه يحتاج إلى صوت واضح وأدوات تسجيل جيدة وصبر على التدريب."
                ),
                p(
                    "نصيحته الأولى: لا تحاول أن تفعل كل شيء، بل اختر ما تستطيع أن تبرع فيه. والثانية: سوّق لنفسك، فالخدمة الجيدة التي لا يعرفها أحد لا تُباع."
                ),
                quote(
                    "قدّم بعض الأعمال مجانًا في البداية؛ هكذا تبني نماذج تعرضها وتقييمات تطمئن المشتري.",
                    "أحمد أحمد",
                ),
            ],
        },
        "en": {
            "title": "Ahmed Ahmed: a professional voice on Khamsat, and a niche chosen with care",
            "person_name": "Ahmed Ahmed",
            "city": "",
            "intro": "He records professional voice-overs on Khamsat and believes specialising, marketing yourself and some free work at the start are what open the door.",
            "figures": [],
            "pull_quote": "Pick a field where you can excel, then let people know about your work; don't wait for them to find you.",
            "body": [
                p(
                    "Ahmed started offering professional voice recordings: adverts, video intros, explainers. The market for Arabic voice-over is large, but it takes a clear voice, good recording gear and patient practice."
                ),
                p(
                    "His first piece of advice: don't try to do everything, choose what you can be excellent at. His second: market yourself, because a good service nobody knows about does not sell."
                ),
                quote(
                    "Do some work for free at the beginning; that is how you build samples to show and reviews that reassure buyers.",
                    "Ahmed Ahmed",
                ),
            ],
        },
        "fr": {
            "title": "Ahmed Ahmed : une voix professionnelle sur Khamsat, et un créneau choisi avec soin",
            "person_name": "Ahmed Ahmed",
            "city": "",
            "intro": "Il enregistre des voix off professionnelles sur Khamsat et pense que se spécialiser, se faire connaître et offrir quelques travaux au début ouvrent la porte.",
            "figures": [],
            "pull_quote": "Choisissez un domaine où vous pouvez exceller, puis faites connaître votre travail : n'attendez pas qu'on vous trouve.",
            "body": [
                p(
                    "Ahmed a commencé par proposer des enregistrements de voix professionnels : publicités, génériques de vidéos, tutoriels. Le marché de la voix off en arabe est vaste, mais il exige une voix claire, un bon matériel et de l'entraînement."
                ),
                p(
                    "Son premier conseil : ne pas tout faire, mais choisir ce en quoi on peut exceller. Le second : se faire connaître, car un bon service que personne ne connaît ne se vend pas."
                ),
                quote(
                    "Faites quelques travaux gratuitement au début : c'est ainsi que l'on construit des exemples à montrer et des avis qui rassurent les acheteurs.",
                    "Ahmed Ahmed",
                ),
            ],
        },
    },
    {
        "key": "youssef-mahmoud",
        "slug": "youssef-mahmoud",
        "age": 16,
        "country": None,
        "marketplaces": ["khamsat"],
        "specialisations": [],
        "months": None,
        "ar": {
            "title": "يوسف محمود: أكثر من مئتي خدمة مبيعة في السادسة عشرة",
            "person_name": "يوسف محمود",
            "city": "",
            "intro": "لم يمنعه عمره من البدء: في السادسة عشرة تجاوز عدد الخدمات التي باعها على خمسات مئتي خدمة.",
            "figures": [("+200", "خدمة مبيعة على خمسات")],
            "pull_quote": "",
            "body": [
                p(
                    "يوسف واحد من أصغر البائعين الذين ذكرتهم الصحافة على خمسات: في السادسة عشرة من عمره كان قد باع أكثر من مئتي خدمة."
                ),
                p(
                    "قصته تذكّر بأن المنصات المصغّرة تناسب البداية الصغيرة: خدمة محددة بسعر ثابت، تُنجز بسرعة، ويتراكم معها التقييم والثقة."
                ),
                figure("+200", "خدمة، خطوة بعد خطوة"),
            ],
        },
        "en": {
            "title": "Youssef Mahmoud: more than two hundred services sold at sixteen",
            "person_name": "Youssef Mahmoud",
            "city": "",
            "intro": "His age did not stop him: at sixteen he had sold more than two hundred services on Khamsat.",
            "figures": [("200+", "services sold on Khamsat")],
            "pull_quote": "",
            "body": [
                p(
                    "Youssef is one of the youngest Khamsat sellers the press has written about: at sixteen he had already sold more than two hundred services."
                ),
                p(
                    "His story shows that micro-service marketplaces suit small beginnings: one well-defined service at a fixed price, delivered quickly, with reviews and trust growing alongside."
                ),
                figure("200+", "services, one step at a time"),
            ],
        },
        "fr": {
            "title": "Youssef Mahmoud : plus de deux cents services vendus à seize ans",
            "person_name": "Youssef Mahmoud",
            "city": "",
            "intro": "Son âge ne l'a pas arrêté : à seize ans, il avait vendu plus de deux cents services sur Khamsat.",
            "figures": [("200+", "services vendus sur Khamsat")],
            "pull_quote": "",
            "body": [
                p(
                    "Youssef est l'un des plus jeunes vendeurs de Khamsat cités par la presse : à seize ans, il avait déjà vendu plus de deux cents services."
                ),
                p(
                    "Son parcours montre que les plateformes de micro-services conviennent aux petits débuts : un service bien défini, à prix fixe, livré vite, avec des avis et une confiance qui grandissent en même temps."
                ),
                figure("200+", "services, pas à pas"),
            ],
        },
    },
]
