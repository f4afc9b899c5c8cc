"""The demo success stories, in Arabic with English and French translations.

Built from the facts summarised in the project's seed notes (press articles about
young people in Morocco, Algeria, Syria and Egypt), written anew. Where an article
gives no figure or advice, none is invented: the field stays empty.

One module per country keeps each file readable; `STORIES` lists them in publication
order, newest first.
"""

from cms.demo.story_texts import algeria, elsewhere, morocco, syria

_BY_KEY = {
    story["key"]: story
    for module in (morocco, algeria, syria, elsewhere)
    for story in module.STORIES
}
ORDER = [
    "afaf-al-nour",
    "abdelhafid-chraier",
    "mustafa-al-ashi",
    "ahmed-al-hadi",
    "ahmed-ahmed-voice-over",
    "jaber-hadboun",
    "youssef-mahmoud",
    "benboubker-freelance-com",
    "zeina-social-media",
    "ahmed-app-developer",
    "reem-whatsapp-shop",
    "amine-tangier",
]
STORIES = [_BY_KEY[key] for key in ORDER]
