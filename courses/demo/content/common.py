"""The catalogue page and the (fictional) instructors of the demo courses."""

# ruff: noqa: E501 - prose reads better unbroken than split mid-sentence.


def L(ar, en, fr):  # noqa: N802 - reads like a literal in the content files
    return {"ar": ar, "en": en, "fr": fr}


CATALOGUE = {
    "title": L("الدورات", "Courses", "Cours"),
    "intro": L(
        "ثلاث خطوات لبداية العمل الحر: أن تقنع أول عميل، وأن تسعّر عملك بما يكفيك، "
        "وأن تجد المجال الذي تتميز فيه.",
        "Three steps to start freelancing: win your first client, price your work so it "
        "pays, and find the field where you stand out.",
        "Trois étapes pour se lancer en freelance : convaincre son premier client, fixer un prix qui fait vivre, et trouver le domaine où l'on se distingue.",
    ),
}

INSTRUCTORS = [
    {
        "key": "salma",
        "fields": {
            "name": L("سلمى العلوي", "Salma Alaoui", "Salma Alaoui"),
            "headline": L(
                "مطوّرة مواقع تعمل على مستقل وخمسات منذ سنوات",
                "Web developer selling on Mostaql and Khamsat for years",
                "Développeuse web, vend sur Mostaql et Khamsat depuis des années",
            ),
            "bio": L(
                "بدأت سلمى بمشاريع صغيرة بعد التخرج، وتعلمت بالتجربة كيف تكتب عرضًا "
                "يفهم منه العميل أنها قرأت مشروعه فعلًا.",
                "Salma started with small projects after graduating and learned the hard way "
                "how to write a proposal that shows a client she really read the brief.",
                "Salma a commencé par de petits projets après ses études et a appris sur le tas à écrire une offre qui montre au client qu'elle a vraiment lu son projet.",
            ),
        },
    },
    {
        "key": "karim",
        "account": "mentor",
        "fields": {
            "name": L("كريم بن يوسف", "Karim Benyoussef", "Karim Benyoussef"),
            "headline": L(
                "مرشد في بداية ومعلّق صوتي مستقل",
                "Bidaya mentor and freelance voice-over artist",
                "Mentor chez Bidaya et comédien de doublage indépendant",
            ),
            "bio": L(
                "يراجع كريم أعمال المتعلمين ويعطي كل واحد ملاحظات محددة يمكنه تطبيقها في "
                "المحاولة التالية.",
                "Karim reviews learners' work and gives each of them specific notes they can "
                "apply on their next try.",
                "Karim relit le travail des apprenants et donne à chacun des remarques précises à appliquer dès l'essai suivant.",
            ),
        },
    },
    {
        "key": "nadia",
        "fields": {
            "name": L("نادية حداد", "Nadia Haddad", "Nadia Haddad"),
            "headline": L(
                "تعرّب قوالب ووردبريس وتدرّب المبتدئين على التسعير",
                "Arabises WordPress themes and coaches newcomers on pricing",
                "Arabise des thèmes WordPress et forme les débutants à fixer leurs prix",
            ),
            "bio": L(
                "اختارت نادية مجالًا ضيقًا تعرفه جيدًا، وتشارك هنا كيف حسبت أسعارها الأولى "
                "ومتى رفعتها.",
                "Nadia chose a narrow field she knows well, and shares here how she worked out "
                "her first prices and when she raised them.",
                "Nadia a choisi un domaine étroit qu'elle connaît bien ; elle raconte ici comment elle a calculé ses premiers prix et quand elle les a augmentés.",
            ),
        },
    },
]
