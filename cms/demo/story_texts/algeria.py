"""Stories from Algeria."""

# ruff: noqa: E501  (prose: one paragraph per line reads and diffs better)

from cms.demo.story_texts.blocks import figure, p, quote

STORIES = [
    {
        "key": "abdelhafid-chraier",
        "slug": "abdelhafid-chraier",
        "age": None,
        "country": "DZ",
        "marketplaces": ["khamsat"],
        "specialisations": ["wordpress-arabisation"],
        "months": None,
        "ar": {
            "title": "عبد الحفيظ شرايري: تعريب قوالب ووردبريس صار ربع دخله",
            "person_name": "عبد الحفيظ شرايري",
            "city": "",
            "intro": "من الجزائر، اختار خدمة دقيقة هي تعريب قوالب ووردبريس على خمسات، فصار العمل الحر ربع دخله الشهري خلال أربعة أشهر.",
            "figures": [("25%", "من دخله الشهري خلال أربعة أشهر")],
            "pull_quote": "",
            "body": [
                p(
                    "يقدّم عبد الحفيظ على خمسات خدمة واحدة واضحة: تعريب قوالب ووردبريس، أي جعل القالب يعمل بالعربية ومن اليمين إلى اليسار دون أن يختلّ تصميمه."
                ),
                p(
                    "كثير من القوالب الجيدة تُصمَّم للإنجليزية أولًا، وأصحاب المواقع العربية يحتاجون من يعرّبها بإتقان. هذا الطلب المستمر جعل ما يكسبه من الإنترنت يبلغ نحو ربع دخله الشهري بعد أربعة أشهر فقط من بدايته."
                ),
                figure("4", "أشهر كانت كافية ليصبح العمل الحر جزءًا ثابتًا من دخله"),
                p(
                    "الدرس من تجربته: التخصص الضيق يسهّل على العميل أن يجدك ويثق بك، لأنه يرى أمامه شخصًا يعرف مشكلته بالتحديد."
                ),
            ],
        },
        "en": {
            "title": "Abdelhafid Chraier: arabising WordPress themes became a quarter of his income",
            "person_name": "Abdelhafid Chraier",
            "city": "",
            "intro": "From Algeria, he chose one precise service on Khamsat, arabising WordPress themes, and within four months freelancing made up a quarter of his monthly income.",
            "figures": [("25%", "of his monthly income within four months")],
            "pull_quote": "",
            "body": [
                p(
                    "On Khamsat, Abdelhafid offers one clear service: arabising WordPress themes, that is, making a theme work in Arabic and right to left without breaking its design."
                ),
                p(
                    "Many good themes are designed for English first, and Arabic site owners need someone who can arabise them properly. That steady demand brought his online earnings to about a quarter of his monthly income only four months after he started."
                ),
                figure(
                    "4", "months were enough for freelancing to become a steady part of his income"
                ),
                p(
                    "The lesson from his story: a narrow specialty makes it easy for clients to find you and trust you, because they see someone who knows their exact problem."
                ),
            ],
        },
        "fr": {
            "title": "Abdelhafid Chraier : l'arabisation de thèmes WordPress, un quart de ses revenus",
            "person_name": "Abdelhafid Chraier",
            "city": "",
            "intro": "Depuis l'Algérie, il a choisi un service précis sur Khamsat, l'arabisation de thèmes WordPress : en quatre mois, le freelancing représentait un quart de son revenu mensuel.",
            "figures": [("25 %", "de son revenu mensuel en quatre mois")],
            "pull_quote": "",
            "body": [
                p(
                    "Sur Khamsat, Abdelhafid propose un seul service, bien défini : l'arabisation de thèmes WordPress, c'est-à-dire faire fonctionner un thème en arabe, de droite à gauche, sans casser sa mise en page."
                ),
                p(
                    "Beaucoup de bons thèmes sont conçus d'abord pour l'anglais, et les éditeurs de sites arabes cherchent quelqu'un pour les adapter avec soin. Cette demande régulière a porté ses gains en ligne à environ un quart de son revenu mensuel, quatre mois seulement après ses débuts."
                ),
                figure(
                    "4",
                    "mois ont suffi pour que le freelancing devienne une part stable de ses revenus",
                ),
                p(
                    "La leçon de son parcours : une spécialité étroite aide les clients à vous trouver et à vous faire confiance, car ils voient quelqu'un qui connaît précisément leur problème."
                ),
            ],
        },
    },
    {
        "key": "jaber-hadboun",
        "slug": "jaber-hadboun",
        "age": None,
        "country": "DZ",
        "marketplaces": ["khamsat"],
        "specialisations": ["advertising"],
        "months": None,
        "ar": {
            "title": "جابر هدبون: السعر ليس كل شيء",
            "person_name": "جابر هدبون",
            "city": "",
            "intro": "يقدّم خدمات إعلانية من الجزائر على خمسات، ويرى أن المنافسة بالسعر وحده طريق قصير، وأن الجودة والعرض والسمعة هي ما يبقى.",
            "figures": [],
            "pull_quote": "المشتري لا ينظر إلى السعر وحده: الجودة، وطريقة عرض الخدمة، وما يميزك، وسمعتك، كلها تدخل في قراره.",
            "body": [
                p(
                    "حين بدأ جابر، كان أسهل ما يفعله أن يخفض سعره ليسبق غيره. لكنه لاحظ سريعًا أن المشترين الذين يبحثون عن أرخص خدمة نادرًا ما يعودون."
                ),
                p(
                    "فغيّر طريقته: صفحة خدمة مكتوبة بعناية، وأمثلة واضحة لما سبق أن أنجزه، ولمسة تميزه عن البائعين الآخرين، ثم سمعة تُبنى طلبًا بعد طلب."
                ),
                quote("إن نافست بالسعر وحده فسيأتي دائمًا من هو أرخص منك.", "جابر هدبون"),
                p(
                    "هذا بالضبط ما يعالجه مسار «التسعير» في بداية: كيف تضع سعرك، ومتى ترفعه، ولماذا لا يكون السعر وحده سبب الشراء."
                ),
            ],
        },
        "en": {
            "title": "Jaber Hadboun: price is not everything",
            "person_name": "Jaber Hadboun",
            "city": "",
            "intro": "He sells advertising services from Algeria on Khamsat and finds that competing on price alone is a short road: quality, presentation and reputation are what last.",
            "figures": [],
            "pull_quote": "Buyers do not look at price alone: quality, how the service is presented, what sets you apart and your reputation all weigh in.",
            "body": [
                p(
                    "When Jaber started, the easiest move was to cut his price to get ahead. He soon noticed that buyers hunting for the cheapest offer rarely came back."
                ),
                p(
                    "So he changed his approach: a carefully written service page, clear examples of past work, a touch that sets him apart from other sellers, and a reputation built order after order."
                ),
                quote(
                    "If you compete on price alone, there will always be someone cheaper.",
                    "Jaber Hadboun",
                ),
                p(
                    "That is exactly what Bidaya's pricing track covers: how to set your price, when to raise it, and why price is never the only reason someone buys."
                ),
            ],
        },
        "fr": {
            "title": "Jaber Hadboun : le prix ne fait pas tout",
            "person_name": "Jaber Hadboun",
            "city": "",
            "intro": "Il vend des services publicitaires depuis l'Algérie sur Khamsat et constate que la concurrence par le prix seul mène peu loin : la qualité, la présentation et la réputation durent.",
            "figures": [],
            "pull_quote": "L'acheteur ne regarde pas que le prix : la qualité, la présentation du service, ce qui vous distingue et votre réputation comptent aussi.",
            "body": [
                p(
                    "À ses débuts, le plus simple pour Jaber était de baisser ses prix pour passer devant les autres. Il a vite remarqué que les acheteurs en quête du moins cher revenaient rarement."
                ),
                p(
                    "Il a donc changé de méthode : une page de service rédigée avec soin, des exemples clairs de travaux passés, une touche qui le distingue des autres vendeurs, et une réputation construite commande après commande."
                ),
                quote(
                    "Si vous ne jouez que sur le prix, il y aura toujours quelqu'un de moins cher.",
                    "Jaber Hadboun",
                ),
                p(
                    "C'est précisément l'objet du parcours « Fixer ses prix » de Bidaya : comment fixer son tarif, quand l'augmenter, et pourquoi le prix n'est jamais la seule raison d'acheter."
                ),
            ],
        },
    },
]
