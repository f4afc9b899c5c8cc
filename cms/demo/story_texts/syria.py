"""Stories from Syria."""

# ruff: noqa: E501  (prose: one paragraph per line reads and diffs better)

from cms.demo.story_texts.blocks import figure, p

STORIES = [
    {
        "key": "mustafa-al-ashi",
        "slug": "mustafa-al-ashi",
        "age": None,
        "country": "SY",
        "marketplaces": ["khamsat"],
        "specialisations": ["database-programming"],
        "months": None,
        "ar": {
            "title": "مصطفى العشي: برامج قواعد البيانات تصنع أربعين بالمئة من دخله",
            "person_name": "مصطفى العشي",
            "city": "",
            "intro": "مبرمج من سوريا يبيع على خمسات برامج مبنية على قواعد بيانات أكسس، وصار هذا العمل يمثّل نحو 40% من دخله الشهري.",
            "figures": [("40%", "من دخله الشهري من خمسات")],
            "pull_quote": "",
            "body": [
                p(
                    "يعمل مصطفى في البرمجيات، واختار أن يتخصص في برامج قواعد البيانات المبنية على مايكروسوفت أكسس: أدوات بسيطة تحتاجها المحلات والمكاتب الصغيرة لتنظيم بياناتها."
                ),
                p(
                    "هذا النوع من الخدمات لا يلمع كثيرًا، لكن الطلب عليه ثابت والمنافسون فيه قليلون. ومع الوقت صار ما يكسبه من خمسات نحو 40% من دخله الشهري."
                ),
                p(
                    "تجربته تذكّرنا بأن التخصص لا يعني دائمًا أحدث التقنيات: يكفي أن تحل مشكلة حقيقية يعرفها كثيرون."
                ),
            ],
        },
        "en": {
            "title": "Mustafa Al-Ashi: database programs make forty per cent of his income",
            "person_name": "Mustafa Al-Ashi",
            "city": "",
            "intro": "A programmer from Syria who sells Microsoft Access database programs on Khamsat; this work now brings in about 40% of his monthly income.",
            "figures": [("40%", "of his monthly income comes from Khamsat")],
            "pull_quote": "",
            "body": [
                p(
                    "Mustafa works in software and chose to specialise in database programs built on Microsoft Access: simple tools that shops and small offices need to keep their data in order."
                ),
                p(
                    "It is not the most glamorous kind of service, but demand is steady and competitors are few. Over time his Khamsat earnings grew to about 40% of his monthly income."
                ),
                p(
                    "His story is a reminder that specialising does not always mean the newest technology: it is enough to solve a real problem many people share."
                ),
            ],
        },
        "fr": {
            "title": "Mustafa Al-Ashi : des logiciels de bases de données pour 40 % de ses revenus",
            "person_name": "Mustafa Al-Ashi",
            "city": "",
            "intro": "Programmeur en Syrie, il vend sur Khamsat des logiciels sur bases de données Microsoft Access ; ce travail représente environ 40 % de son revenu mensuel.",
            "figures": [("40 %", "de son revenu mensuel vient de Khamsat")],
            "pull_quote": "",
            "body": [
                p(
                    "Mustafa travaille dans le logiciel et s'est spécialisé dans les programmes de bases de données sous Microsoft Access : des outils simples dont les commerces et les petits bureaux ont besoin pour tenir leurs données."
                ),
                p(
                    "Ce n'est pas le service le plus en vue, mais la demande est régulière et les concurrents rares. Avec le temps, ses gains sur Khamsat ont atteint environ 40 % de son revenu mensuel."
                ),
                p(
                    "Son parcours rappelle que se spécialiser ne veut pas toujours dire suivre la dernière technologie : il suffit de résoudre un vrai problème que beaucoup partagent."
                ),
            ],
        },
    },
    {
        "key": "zeina-social-media",
        "slug": "zeina-social-media",
        "age": 23,
        "country": "SY",
        "marketplaces": [],
        "specialisations": ["social-media-growth"],
        "months": None,
        "ar": {
            "title": "زينة: فريق من الصديقات ينمّي صفحات فيسبوك من البيت",
            "person_name": "زينة",
            "city": "شمال سوريا",
            "intro": "أم لطفلين نزحت من ريف حماة إلى الشمال السوري، وتعمل من بيتها مع فريق من صديقاتها على زيادة متابعي صفحات فيسبوك.",
            "figures": [("300", "ليرة تركية (نحو 10 دولارات) لكل ألف متابع جديد")],
            "pull_quote": "",
            "body": [
                p(
                    "لم تكمل زينة دراستها بسبب النزوح، ولا تستطيع العمل خارج البيت وهي ترعى طفلين صغيرين. ومع غلاء المعيشة وقلة فرص العمل، بحثت عن عمل يناسبها عبر الإنترنت."
                ),
                p(
                    "كوّنت فريقًا من صديقاتها يعمل على نشر صفحات المحلات والمشاريع الصغيرة وزيادة التفاعل معها: مطاعم، ومحلات ألبسة، وحِرف يدوية. تتفق مع صاحب الصفحة على المبلغ مسبقًا، وأحيانًا تشارك في مسابقات يقدّم فيها المروّج جوائز عينية."
                ),
                figure("300", "ليرة تركية لكل ألف متابع، أي نحو 10 دولارات"),
                p(
                    "دخلها ليس كبيرًا، لكنه دخل تتحكم فيه وتنظّمه حول وقت أطفالها، وهذا ما تبحث عنه كثيرات في مثل ظروفها."
                ),
            ],
        },
        "en": {
            "title": "Zeina: a team of friends growing Facebook pages from home",
            "person_name": "Zeina",
            "city": "Northern Syria",
            "intro": "A mother of two displaced from the Hama countryside to northern Syria, she works from home with a team of friends, growing the audience of Facebook pages.",
            "figures": [("300", "Turkish lira (about 10 USD) per 1,000 new followers")],
            "pull_quote": "",
            "body": [
                p(
                    "Displacement cut Zeina's studies short, and with two small children she cannot work outside the home. With prices rising and few jobs around, she looked for work she could do online."
                ),
                p(
                    "She put together a team of friends who promote the pages of shops and small businesses and build engagement: restaurants, clothing shops, handicrafts. She agrees the fee with the page owner in advance, and sometimes enters contests where the promoter offers prizes in kind."
                ),
                figure("300", "Turkish lira per thousand followers, about 10 US dollars"),
                p(
                    "It is not a large income, but it is one she controls and can fit around her children, which is what many women in her situation are looking for."
                ),
            ],
        },
        "fr": {
            "title": "Zeina : une équipe d'amies qui fait grandir des pages Facebook depuis la maison",
            "person_name": "Zeina",
            "city": "Nord de la Syrie",
            "intro": "Mère de deux enfants, déplacée de la campagne de Hama vers le nord de la Syrie, elle travaille chez elle avec une équipe d'amies pour développer l'audience de pages Facebook.",
            "figures": [("300", "livres turques (environ 10 USD) pour 1 000 nouveaux abonnés")],
            "pull_quote": "",
            "body": [
                p(
                    "Le déplacement a interrompu les études de Zeina, et avec deux jeunes enfants elle ne peut pas travailler hors de chez elle. Face à la hausse des prix et au manque d'emplois, elle a cherché un travail faisable en ligne."
                ),
                p(
                    "Elle a formé une équipe d'amies qui font connaître les pages de commerces et de petits projets et animent leurs publications : restaurants, boutiques de vêtements, artisanat. Elle fixe le montant à l'avance avec le propriétaire de la page et participe parfois à des concours dotés de lots en nature."
                ),
                figure("300", "livres turques pour mille abonnés, soit environ 10 dollars"),
                p(
                    "Ce n'est pas un gros revenu, mais c'est un revenu qu'elle maîtrise et organise autour de ses enfants, ce que recherchent beaucoup de femmes dans sa situation."
                ),
            ],
        },
    },
    {
        "key": "reem-whatsapp-shop",
        "slug": "reem-whatsapp-shop",
        "age": 25,
        "country": "SY",
        "marketplaces": [],
        "specialisations": ["e-commerce"],
        "months": None,
        "ar": {
            "title": "ريم: متجر بلا محل، على واتساب",
            "person_name": "ريم",
            "city": "ريف إدلب",
            "intro": "نازحة من ريف إدلب تبيع مستلزمات نسائية عبر واتساب دون محل تجاري، وتشتري بضاعتها مرة في الأسبوع.",
            "figures": [("1", "مرة في الأسبوع تشتري فيها البضاعة")],
            "pull_quote": "",
            "body": [
                p(
                    "لم تستأجر ريم محلًا. صفحتها على واتساب هي واجهتها: تعرض فيها المنتجات، وتتلقى الطلبات، وتتفق مع الزبونات على التسليم."
                ),
                p(
                    "تشتري البضاعة مرة واحدة في الأسبوع، فلا تجمّد مالًا كثيرًا في مخزون قد لا يُباع، وتعرف من الطلبات ما الذي تحتاج إلى شرائه."
                ),
                p(
                    "أكثر ما تقدّره في هذا العمل أنها هي من يحدد وقتها. وهذه إحدى صور العمل على الإنترنت التي لا تمر بالضرورة عبر منصات العمل الحر."
                ),
            ],
        },
        "en": {
            "title": "Reem: a shop without a shopfront, on WhatsApp",
            "person_name": "Reem",
            "city": "Idlib countryside",
            "intro": "Displaced from the Idlib countryside, she sells women's products through WhatsApp without a shop and restocks once a week.",
            "figures": [("1", "restocking trip a week")],
            "pull_quote": "",
            "body": [
                p(
                    "Reem never rented a shop. Her WhatsApp is her shopfront: she shows the products there, takes orders and arranges delivery with her customers."
                ),
                p(
                    "She buys stock once a week, so she never ties up much money in goods that may not sell, and the orders tell her what to buy next."
                ),
                p(
                    "What she values most is that she sets her own hours. It is one of the forms online work takes that does not necessarily go through a freelance marketplace."
                ),
            ],
        },
        "fr": {
            "title": "Reem : une boutique sans vitrine, sur WhatsApp",
            "person_name": "Reem",
            "city": "Campagne d'Idlib",
            "intro": "Déplacée de la campagne d'Idlib, elle vend des articles pour femmes via WhatsApp, sans magasin, et se réapprovisionne une fois par semaine.",
            "figures": [("1", "réapprovisionnement par semaine")],
            "pull_quote": "",
            "body": [
                p(
                    "Reem n'a jamais loué de boutique. Son WhatsApp lui sert de vitrine : elle y présente ses produits, prend les commandes et organise la livraison avec ses clientes."
                ),
                p(
                    "Elle achète son stock une fois par semaine : elle n'immobilise pas d'argent dans des articles qui risquent de ne pas se vendre, et les commandes lui disent quoi racheter."
                ),
                p(
                    "Ce qu'elle apprécie le plus, c'est de choisir ses horaires. C'est une des formes du travail en ligne qui ne passe pas forcément par une plateforme de freelancing."
                ),
            ],
        },
    },
]
