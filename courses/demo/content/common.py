"""The catalogue page and the (fictional) instructors of the demo courses."""


def L(ar, en):  # noqa: N802 - reads like a literal in the content files
    return {"ar": ar, "en": en}


CATALOGUE = {
    "title": L("الدورات", "Courses"),
    "intro": L(
        "ثلاث خطوات لبداية العمل الحر: أن تقنع أول عميل، وأن تسعّر عملك بما يكفيك، "
        "وأن تجد المجال الذي تتميز فيه.",
        "Three steps to start freelancing: win your first client, price your work so it "
        "pays, and find the field where you stand out.",
    ),
}

INSTRUCTORS = [
    {
        "key": "salma",
        "fields": {
            "name": L("سلمى العلوي", "Salma Alaoui"),
            "headline": L(
                "مطوّرة مواقع تعمل على مستقل وخمسات منذ سنوات",
                "Web developer selling on Mostaql and Khamsat for years",
            ),
            "bio": L(
                "بدأت سلمى بمشاريع صغيرة بعد التخرج، وتعلمت بالتجربة كيف تكتب عرضًا "
                "يفهم منه العميل أنها قرأت مشروعه فعلًا.",
                "Salma started with small projects after graduating and learned the hard way "
                "how to write a proposal that shows a client she really read the brief.",
            ),
        },
    },
    {
        "key": "karim",
        "account": "mentor",
        "fields": {
            "name": L("كريم بن يوسف", "Karim Benyoussef"),
            "headline": L(
                "مرشد في بداية ومعلّق صوتي مستقل",
                "Bidaya mentor and freelance voice-over artist",
            ),
            "bio": L(
                "يراجع كريم أعمال المتعلمين ويعطي كل واحد ملاحظات محددة يمكنه تطبيقها في "
                "المحاولة التالية.",
                "Karim reviews learners' work and gives each of them specific notes they can "
                "apply on their next try.",
            ),
        },
    },
    {
        "key": "nadia",
        "fields": {
            "name": L("نادية حداد", "Nadia Haddad"),
            "headline": L(
                "تعرّب قوالب ووردبريس وتدرّب المبتدئين على التسعير",
                "Arabises WordPress themes and coaches newcomers on pricing",
            ),
            "bio": L(
                "اختارت نادية مجالًا ضيقًا تعرفه جيدًا، وتشارك هنا كيف حسبت أسعارها الأولى "
                "ومتى رفعتها.",
                "Nadia chose a narrow field she knows well, and shares here how she worked out "
                "her first prices and when she raised them.",
            ),
        },
    },
]
