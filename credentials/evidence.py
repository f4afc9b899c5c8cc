"""Evidence other apps add to a learner's badges and public profile.

Apps above this one (what a learner earned after her courses) register a provider:
``provider(user, language) -> [{"id", "name", "narrative", "genre"}]``, the entries in
``language`` that the learner chose to show. They are signed into each of her badges'
credentials, after the evidence of what earned the badge, and listed on her public
profile. A provider asks for a re-signing (``tasks.request_resign``) when what it
shows changes.
"""

PROVIDERS = []


def register(provider):
    if provider not in PROVIDERS:
        PROVIDERS.append(provider)
    return provider


def shown_for(user, language):
    """Every registered provider's entries for ``user``, in order."""
    entries = []
    for provider in PROVIDERS:
        entries.extend(provider(user, language) or [])
    return entries
