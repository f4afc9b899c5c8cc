"""Stories from Morocco."""

# ruff: noqa: E501  (prose: one paragraph per line reads and diffs better)

from cms.demo.story_texts.blocks import p, qa, quote

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
