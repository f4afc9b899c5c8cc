"""Local copies of the JSON-LD contexts our credentials use.

A verifier that expands a credential fetches each ``@context`` URL; doing that from our
own servers at run time would make issuing depend on w3.org and imsglobal.org being up,
and would let whoever controls those hosts change what our terms mean. So the documents
live next to this file and the loader refuses anything else (README.md names sources).
"""

import json
from functools import cache
from pathlib import Path

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3P0 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

CREDENTIAL_CONTEXTS = (VC_V2, OB_V3P0)

_FILES = {
    VC_V2: "credentials-v2.json",
    OB_V3P0: "ob-v3p0-context-3.0.3.json",
}
_HERE = Path(__file__).resolve().parent


class UnknownContextError(LookupError):
    """A JSON-LD document outside the local set was requested."""


@cache
def _read(url):
    return (_HERE / _FILES[url]).read_text(encoding="utf-8")


def load_context(url):
    """The parsed context document for ``url`` (a fresh copy each call)."""
    if url not in _FILES:
        raise UnknownContextError(f"No local copy of the JSON-LD document {url!r}.")
    return json.loads(_read(url))


def document_loader(url, options=None):
    """A JSON-LD document loader (the shape pyld and jsonld.js expect) that never
    touches the network."""
    return {"contextUrl": None, "documentUrl": url, "document": load_context(url)}
