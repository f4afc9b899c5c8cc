"""The OpenAPI document says what the API really answers.

django-ninja documents every response as ``application/json`` and only the statuses an
operation lists. The API's errors are problem details (``problems.py``) and some of
them come from the framework whatever the operation lists: 400 for a JSON body that
does not parse, 401 when the operation needs a token or a session and none came, 403
when a cookie-authenticated write lacks its CSRF token, 422 for invalid parameters or
fields. The document is completed here, once, for every operation of every router.
"""

from ninja import NinjaAPI

from accounts.api.problems import CONTENT_TYPE, Problem

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
COOKIE_SCHEMES = {"BrowserSession"}
SAFE_METHODS = {"get", "head", "options"}

IMPLIED = {
    "400": "The body is not valid JSON.",
    "401": "No valid token or session came with the request.",
    "403": "A cookie-authenticated write came without its CSRF token.",
    "422": "A parameter or field is missing or invalid (see `errors`).",
}


def implied_statuses(method, operation):
    """The error statuses the framework may answer for this operation."""
    statuses = set()
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        statuses.add("400")
    security = operation.get("security") or []
    if security:
        statuses.add("401")
        schemes = {name for requirement in security for name in requirement}
        if schemes & COOKIE_SCHEMES and method not in SAFE_METHODS:
            statuses.add("403")
    if operation.get("parameters") or content:
        statuses.add("422")
    return statuses


def complete_operation(method, operation):
    # django-ninja keys the statuses a route declares as numbers; JSON makes every key
    # a string, so 401 and "401" would be written twice.
    responses = {str(status): value for status, value in operation.get("responses", {}).items()}
    operation["responses"] = responses
    for status in sorted(implied_statuses(method, operation)):
        responses.setdefault(status, {"description": IMPLIED[status]})
    for status, response in responses.items():
        if int(status) < 400:
            continue
        # Every error body is a problem document, with its own media type.
        response["content"] = {CONTENT_TYPE: {"schema": PROBLEM_REF}}


def complete(schema):
    """Document the problem-details errors of every operation (in place)."""
    for path_item in schema.get("paths", {}).values():
        for method, operation in path_item.items():
            complete_operation(method, operation)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault(
        "Problem", Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    )
    return schema


class ProblemDetailsAPI(NinjaAPI):
    """A NinjaAPI whose OpenAPI document lists the problem-details errors it answers."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return complete(schema)
