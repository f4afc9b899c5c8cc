"""Open Badges 3.0 for Bidaya: credentials, VC-JWT signing, baked images, sharing.

Two layers. The library modules (``credential``, ``signing``, ``status_list``,
``baking``, ``image``, ``linkedin``, ``profiles``, ``contexts``) know no models and are
testable on their own. The badge feature built on them (``rules``, ``awarding``,
``verification``, ``site``, ``forms``, ``permissions``, ``tasks``, ``receivers``,
``emails``) reads and writes ``credentials.models`` (BadgeClass, BadgeAward, LearnerProfile).
Awarding calls the library in this order:

1. ``credential.build_credential(...)`` → the unsigned OpenBadgeCredential dict
2. ``signing.sign(credential, key_url_template=...)`` → the compact JWS stored with
   the award
3. ``image.render_png/render_svg(BadgeDesign(...))`` → the design, then
   ``baking.bake_png/bake_svg(image, jws)`` → the downloadable baked images
4. ``linkedin.linkedin_add_url(...)`` and ``linkedin.marketplace_kit(...)`` for sharing

``signing.verify(jws)`` re-checks a stored or uploaded credential. The issuer serves
``signing.public_jwks()`` (its JWK set) and, at each key URL named in a ``kid``,
``signing.find_public_jwk(thumbprint)``. ``credential.issuer_profile_document`` is the
JSON-LD at the issuer's URL, and ``profiles.validate_profile_url`` guards the
marketplace links a learner adds.
"""
