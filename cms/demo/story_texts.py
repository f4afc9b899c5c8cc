"""The demo success stories, in Arabic with English and French translations.

Built from the facts summarised in the project's seed notes (press articles about
young people in Morocco, Algeria, Syria and Egypt), written anew. Where an article
gives no figure or advice, none is invented: the field stays empty.
"""

# ruff: noqa: E501  (prose: one paragraph per line reads and diffs better)


def p(text):
    return ("paragraph", f"<p>{text}</p>")


def quote(text, attribution=""):
    return ("quote", {"text": text, "attribution": attribution})


def qa(question, answer):
    return ("interview", {"question": question, "answer": f"<p>{answer}</p>"})


def figure(value, label):
    return ("figure", {"value": value, "label": label})


STORIES = [
    {
        "key": "afaf-al-nour",
        "slug": "afaf-al-nour",
        "age": 25,
        "country": "MA",
        "marketplaces": ["mostaql"],
        "specialisations": ["web-development", "mobile-apps"],
        "months": 1,
        "ar": {
            "title": "عفاف النور: من تجربة عمل محبطة إلى أول أرباح على مستقل خلال شهر",
            "person_name": "عفاف النور",
            "city": "مراكش",
            "intro": "مطوّرة مواقع وتطبيقات من مراكش تركت العمل في الشركات بعد تجربة سيئة، وحققت أول دخل لها على مستقل بعد شهر واحد من التسجيل.",
            "figures": [("1", "شهر من التسجيل حتى أول أرباح")],
            "pull_quote": "أصعب ما في البداية كان إقناع أول عميل، وحين غيّرت طريقة كتابة عروضي تغيّر كل شيء.",
            "body": [
                p(
                    "درست عفاف تطوير الوسائط المتعددة والتصميم في كلية العلوم وتخرجت سنة 2011. عملت بعد ذلك مع شركة برمجة في المغرب، لكن التجربة كانت سيئة إلى حدّ جعلها تبحث عن طريق آخر تعمل فيه بما تحب وتساعد به أسرتها في مصاريف البيت."
                ),
                p(
                    "جرّبت أولًا منصة أجنبية ولم توفَّق فيها، ثم عرّفتها صديقة تعمل عبر مستقل على المنصة. هناك وجدت مكانها، وجاءت أرباحها الأولى بعد شهر من التسجيل."
                ),
                qa(
                    "ما أصعب ما واجهته في البداية؟",
                    "إقناع أول صاحب مشروع. كانت عروضي تشبه عروض الجميع، فقررت أن أقدّم نفسي بطريقة مختلفة: أشرح ما فهمته من المشروع وكيف سأنفذه، بدل الاكتفاء بالسعر والمدة.",
                ),
                qa(
                    "أي مجال تنصحين به من يبدأ اليوم؟",
                    "التصميم مزدحم بالمنافسين، أما تطوير المواقع والتطبيقات فالمنافسة فيه أقل. وفي كل الأحوال، الصبر هو المفتاح.",
                ),
                p(
                    "تقدّم عفاف اليوم خدمات تطوير المواقع والتطبيقات إلى جانب بعض أعمال التصميم، وتحرص على التسليم السريع وعلى دعم عملائها بعد انتهاء المشروع."
                ),
            ],
        },
        "en": {
            "title": "Afaf Al-Nour: from a discouraging first job to her first Mostaql earnings in a month",
            "person_name": "Afaf Al-Nour",
            "city": "Marrakesh",
            "intro": "A web and app developer from Marrakesh who left company work after a bad experience and earned her first income on Mostaql one month after signing up.",
            "figures": [("1", "month from sign-up to her first earnings")],
            "pull_quote": "The hardest part was convincing the first client. When I changed the way I wrote my proposals, everything changed.",
            "body": [
                p(
                    "Afaf studied multimedia development and design at the faculty of science and graduated in 2011. She then worked for a software company in Morocco, an experience bad enough to make her look for another way to do the work she loves and help her family with the household bills."
                ),
                p(
                    "She first tried a foreign platform without success. A friend who worked through Mostaql introduced her to it; there she found her place, and her first earnings came a month after she signed up."
                ),
                qa(
                    "What was hardest at the start?",
                    "Convincing the first client. My proposals looked like everyone else's, so I decided to present myself differently: explain what I understood of the project and how I would build it, instead of just a price and a deadline.",
                ),
                qa(
                    "Which field would you recommend to a beginner today?",
                    "Design is crowded; web and app development much less so. Either way, patience is the key.",
                ),
                p(
                    "Today Afaf builds websites and apps and takes on some design work, with a point of honour: deliver quickly and keep supporting clients once the project is done."
                ),
            ],
        },
        "fr": {
            "title": "Afaf Al-Nour : d'un premier emploi décevant à ses premiers gains sur Mostaql en un mois",
            "person_name": "Afaf Al-Nour",
            "city": "Marrakech",
            "intro": "Développeuse web et mobile à Marrakech, elle a quitté le salariat après une mauvaise expérience et a touché son premier revenu sur Mostaql un mois après son inscription.",
            "figures": [("1", "mois entre l'inscription et les premiers gains")],
            "pull_quote": "Le plus dur a été de convaincre le premier client. Quand j'ai changé ma façon de rédiger mes propositions, tout a changé.",
            "body": [
                p(
                    "Afaf a étudié le développement multimédia et le design à la faculté des sciences, dont elle est sortie diplômée en 2011. Elle a ensuite travaillé pour une société de programmation au Maroc, une expérience si mauvaise qu'elle a cherché une autre façon d'exercer le métier qu'elle aime et d'aider sa famille."
                ),
                p(
                    "Elle a d'abord essayé une plateforme étrangère, sans succès. Une amie qui travaillait via Mostaql la lui a fait découvrir : elle y a trouvé sa place, et ses premiers gains sont arrivés un mois après l'inscription."
                ),
                qa(
                    "Qu'est-ce qui a été le plus difficile au début ?",
                    "Convaincre le premier porteur de projet. Mes propositions ressemblaient à toutes les autres ; j'ai donc décidé de me présenter autrement : expliquer ce que j'avais compris du projet et comment j'allais le réaliser, au lieu d'annoncer seulement un prix et un délai.",
                ),
                qa(
                    "Quel domaine conseillez-vous à un débutant ?",
                    "Le graphisme est très encombré ; le développement web et mobile beaucoup moins. Dans tous les cas, la patience est la clé.",
                ),
                p(
                    "Aujourd'hui, Afaf crée des sites et des applications et accepte quelques travaux de design, avec une règle : livrer vite et continuer d'accompagner ses clients après le projet."
                ),
            ],
        },
    },
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
    {
        "key": "benboubker-freelance-com",
        "slug": "benboubker-freelance-com",
        "age": 26,
        "country": "MA",
        "marketplaces": ["freelance-com"],
        "specialisations": ["it-consulting"],
        "months": None,
        "ar": {
            "title": "بنبوبكر: مهندس في السادسة والعشرين يجلب Freelance.com إلى المغرب",
            "person_name": "بنبوبكر",
            "city": "",
            "intro": "مهندس معلوميات أطلق الفرع المغربي لمنصة Freelance.com في ربيع سنة 2000، وجمع حوله أكثر من 600 خبير مغربي.",
            "figures": [
                ("+600", "خبير مغربي في شبكته عند الانطلاق"),
                ("2000", "سنة إطلاق الفرع المغربي"),
            ],
            "pull_quote": "",
            "body": [
                p(
                    "لم يقفز بنبوبكر إلى مشروعه مباشرة بعد تخرجه مهندسًا في المعلوميات. تدرّب أولًا في مؤسسة صناعية كبيرة، ثم في شركة مالية متعددة الجنسيات، ليفهم عالم التشغيل من الداخل."
                ),
                p(
                    "في ربيع سنة 2000 أطلق الفرع المغربي لمنصة Freelance.com الأمريكية، واعتمد على شبكة تضم أكثر من 600 خبير مغربي في المعلوميات وتدقيق الحسابات والتواصل والإشهار."
                ),
                p(
                    "تتراوح المهام التي تمر عبر المنصة بين ساعات قليلة وعدة أشهر، لصالح بنوك وشركات تأمين ومجموعات مالية. وطموحه أن يجعل المغرب جسرًا نحو غرب أفريقيا."
                ),
            ],
        },
        "en": {
            "title": "Benboubker: a 26-year-old engineer brings Freelance.com to Morocco",
            "person_name": "Benboubker",
            "city": "",
            "intro": "A computer engineer who launched the Moroccan branch of Freelance.com in spring 2000 and gathered more than 600 Moroccan experts around it.",
            "figures": [
                ("600+", "Moroccan experts in his network at launch"),
                ("2000", "the year the Moroccan branch opened"),
            ],
            "pull_quote": "",
            "body": [
                p(
                    "Benboubker did not jump into his project straight after qualifying as a computer engineer. He first trained at a large industrial firm, then at a multinational finance company, to understand the job market from the inside."
                ),
                p(
                    "In spring 2000 he launched the Moroccan branch of the American platform Freelance.com, drawing on a network of more than 600 Moroccan experts in IT, auditing, communication and advertising."
                ),
                p(
                    "Assignments through the platform last from a few hours to several months, for banks, insurers and financial groups. His ambition: make Morocco a bridge to West Africa."
                ),
            ],
        },
        "fr": {
            "title": "Benboubker : à 26 ans, un ingénieur implante Freelance.com au Maroc",
            "person_name": "Benboubker",
            "city": "",
            "intro": "Ingénieur informaticien, il a lancé la filiale marocaine de Freelance.com au printemps 2000 et réuni plus de 600 experts marocains autour d'elle.",
            "figures": [
                ("600+", "experts marocains dans son réseau au lancement"),
                ("2000", "année d'ouverture de la filiale marocaine"),
            ],
            "pull_quote": "",
            "body": [
                p(
                    "Benboubker ne s'est pas lancé dès l'obtention de son diplôme d'ingénieur informaticien. Il s'est d'abord formé dans un grand groupe industriel, puis dans une multinationale de la finance, pour comprendre le marché de l'emploi de l'intérieur."
                ),
                p(
                    "Au printemps 2000, il a lancé la filiale marocaine de la plateforme américaine Freelance.com, en s'appuyant sur un réseau de plus de 600 experts marocains en informatique, audit, communication et publicité."
                ),
                p(
                    "Les missions passées par la plateforme durent de quelques heures à plusieurs mois, pour des banques, des assureurs et des groupes financiers. Son ambition : faire du Maroc une passerelle vers l'Afrique de l'Ouest."
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
        "key": "ahmed-app-developer",
        "slug": "ahmed-app-developer",
        "age": 25,
        "country": "MA",
        "marketplaces": [],
        "specialisations": ["web-development", "mobile-apps"],
        "months": None,
        "ar": {
            "title": "أحمد: من الشهادة الجامعية والبطالة إلى تطوير التطبيقات",
            "person_name": "أحمد",
            "city": "",
            "intro": "شاب مغربي في الخامسة والعشرين وجد الأبواب مغلقة بعد تخرجه، فاتجه إلى تطوير تطبيقات الويب والجوال، ولم يعد يفكر في البحث عن وظيفة.",
            "figures": [],
            "pull_quote": "كل بداية متعبة، والذي يوصلك في النهاية هو أن تصبر وتواصل العمل.",
            "body": [
                p(
                    "بعد أن حصل أحمد على شهادته الجامعية، لم يجد عملًا. بدل الانتظار قرر أن يواجه البطالة بطريقته: تعلّم تطوير التطبيقات وبدأ يعرض خدماته على الإنترنت."
                ),
                p(
                    "اليوم يطوّر تطبيقات للويب والجوال، ويقول إن العمل الحر فتح له فرصًا لم يكن يتوقعها، على المستوى المهني والشخصي معًا، إلى حد أنه لا يفكر في العودة إلى البحث عن وظيفة تقليدية."
                ),
                quote("البداية صعبة على الجميع؛ الفرق أن بعضهم يتوقف وبعضهم يستمر.", "أحمد"),
            ],
        },
        "en": {
            "title": "Ahmed: from a degree and no job to building apps",
            "person_name": "Ahmed",
            "city": "",
            "intro": "A 25-year-old Moroccan who found every door closed after graduating turned to building web and mobile apps, and no longer thinks about looking for a job.",
            "figures": [],
            "pull_quote": "Every beginning is tiring; what gets you there in the end is patience and carrying on.",
            "body": [
                p(
                    "After earning his university degree, Ahmed could not find work. Rather than wait, he decided to fight unemployment his own way: he learned app development and started offering his services online."
                ),
                p(
                    "Today he builds web and mobile apps and says freelancing opened doors he never expected, professionally and personally, so much so that he has no wish to go back to job hunting."
                ),
                quote(
                    "The beginning is hard for everyone; the difference is that some stop and some keep going.",
                    "Ahmed",
                ),
            ],
        },
        "fr": {
            "title": "Ahmed : d'un diplôme sans emploi au développement d'applications",
            "person_name": "Ahmed",
            "city": "",
            "intro": "À 25 ans, ce Marocain a trouvé toutes les portes fermées après son diplôme ; il s'est tourné vers le développement d'applications web et mobiles et ne pense plus à chercher un emploi.",
            "figures": [],
            "pull_quote": "Tout début est épuisant ; ce qui vous mène au but, c'est la patience et la persévérance.",
            "body": [
                p(
                    "Son diplôme universitaire en poche, Ahmed n'a pas trouvé de travail. Plutôt que d'attendre, il a décidé de combattre le chômage à sa manière : il a appris le développement d'applications et commencé à proposer ses services en ligne."
                ),
                p(
                    "Aujourd'hui, il crée des applications web et mobiles et dit que le freelancing lui a ouvert des portes inattendues, professionnelles comme personnelles, au point qu'il n'a plus envie de chercher un emploi classique."
                ),
                quote(
                    "Le début est difficile pour tout le monde ; la différence, c'est que certains s'arrêtent et d'autres continuent.",
                    "Ahmed",
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
    {
        "key": "amine-tangier",
        "slug": "amine-tangier",
        "age": None,
        "country": "MA",
        "marketplaces": [],
        "specialisations": [],
        "months": None,
        "ar": {
            "title": "أمين: من مقهى إنترنت في طنجة إلى أن يكون رئيس نفسه",
            "person_name": "أمين",
            "city": "طنجة",
            "intro": "بعد سنتين من البطالة عمل في مقهى إنترنت، وهناك التقى شبابًا يعملون عبر الإنترنت شجّعوه على أن يبدأ.",
            "figures": [("2", "سنتان من البطالة قبل البداية")],
            "pull_quote": "أجمل ما في هذا العمل أنك رئيس نفسك: تختار ساعاتك والمكان الذي تعمل منه.",
            "body": [
                p(
                    "قضى أمين سنتين بلا عمل قبل أن يجد وظيفة في مقهى إنترنت بطنجة. كان من بين الزبائن شباب يأتون يوميًا ليعملوا على الإنترنت، ومن الحديث معهم عرف أن هذا الطريق ممكن."
                ),
                p(
                    "شجّعوه على البدء، فبدأ. واليوم لا يرى في العمل الحر إلا مزايا: لا يعمل عند أحد، ويختار وقته ومكانه بعيدًا عن قيود الدوام الكامل."
                ),
                p(
                    "قصته تبيّن قيمة المحيط: أحيانًا يكفي أن تلتقي بمن سبقك لتعرف أن البداية ممكنة. ولهذا يضع مسار بداية المتعلمين مع مرشدين ومع زملاء يسيرون في الطريق نفسه."
                ),
            ],
        },
        "en": {
            "title": "Amine: from an internet café in Tangier to being his own boss",
            "person_name": "Amine",
            "city": "Tangier",
            "intro": "After two years without work he took a job in an internet café, where he met young people working online who encouraged him to start.",
            "figures": [("2", "years of unemployment before he began")],
            "pull_quote": "The best thing about this work is being your own boss: you choose your hours and where you work from.",
            "body": [
                p(
                    "Amine spent two years without work before finding a job in an internet café in Tangier. Among the regulars were young people who came every day to work online, and talking with them showed him this path was possible."
                ),
                p(
                    "They encouraged him to start, and he did. Today he sees only advantages in freelancing: he works for no one else and chooses his time and place, far from the constraints of a full-time job."
                ),
                p(
                    "His story shows how much the people around you matter: sometimes meeting someone who went before you is enough to know you can begin. That is why Bidaya pairs learners with mentors and with peers on the same road."
                ),
            ],
        },
        "fr": {
            "title": "Amine : d'un cybercafé de Tanger à son propre patron",
            "person_name": "Amine",
            "city": "Tanger",
            "intro": "Après deux ans de chômage, il a travaillé dans un cybercafé, où il a rencontré des jeunes qui travaillaient en ligne et l'ont encouragé à se lancer.",
            "figures": [("2", "ans de chômage avant de se lancer")],
            "pull_quote": "Le meilleur dans ce travail, c'est d'être son propre patron : on choisit ses horaires et l'endroit d'où l'on travaille.",
            "body": [
                p(
                    "Amine a passé deux ans sans emploi avant de trouver un poste dans un cybercafé de Tanger. Parmi les habitués, des jeunes venaient chaque jour travailler en ligne ; en discutant avec eux, il a compris que cette voie était possible."
                ),
                p(
                    "Ils l'ont encouragé à commencer, et il l'a fait. Aujourd'hui, il ne voit que des avantages au travail indépendant : il ne travaille pour personne et choisit son temps et son lieu, loin des contraintes d'un temps plein."
                ),
                p(
                    "Son histoire montre l'importance de l'entourage : parfois, rencontrer quelqu'un qui vous a précédé suffit pour savoir qu'on peut commencer. C'est pourquoi Bidaya associe chaque apprenant à des mentors et à des pairs sur le même chemin."
                ),
            ],
        },
    },
]
