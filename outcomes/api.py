"""A learner's outcomes over the API: report one, list hers, withdraw consents.

The same rules as the page (``outcomes.forms.OutcomeForm`` through
``outcomes.services``); the schema states the limits of ``outcomes.limits`` so a
client can check before sending. Another learner's outcome is a 404.
"""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal
from uuid import UUID

from ninja import Path, Router, Schema, Status
from pydantic import Field

from django.shortcuts import get_object_or_404

from accounts.api.auth import learner_auth
from accounts.api.problems import COMMON_ERRORS, Problem
from accounts.api.throttle import write_throttle
from learning.api.schemas import MAX_ID, StrictSchema
from outcomes import limits, services
from outcomes.models import Outcome

router = Router(tags=["outcomes"], auth=learner_auth)

ERRORS = {409: Problem, **COMMON_ERRORS}
Consent = Literal["count_in_statistics", "may_contact", "show_publicly"]


class OutcomeIn(StrictSchema):
    kind: Literal["first_client", "earnings"]
    marketplace: Annotated[str, Field(max_length=40, pattern=r"^[-a-zA-Z0-9_]+$")] | None = Field(
        None, description="The marketplace's slug (required for a first client)."
    )
    link: Annotated[str, Field(max_length=limits.MAX_LINK_LENGTH)] = Field(
        "",
        description="https address of the service, project or client's review, on the "
        "marketplace's own site (required for a first client).",
    )
    happened_on: date = Field(
        description="The day of the first client; any day of the month of the earnings."
    )
    amount: Annotated[str, Field(pattern=limits.AMOUNT_PATTERN, max_length=10)] | None = Field(
        None,
        description='As a string with at most two decimals, e.g. "40.50"; from '
        f"{limits.MIN_AMOUNT} to {limits.MAX_AMOUNT}.",
    )
    currency: Literal[limits.CURRENCIES_ACCEPTED] | None = Field(  # type: ignore[valid-type]
        None, description="Required with an amount."
    )
    band: Literal["lt100", "100-300", "300-1000", "gt1000"] | None = Field(
        None, description="Monthly earnings in US dollars (required for earnings)."
    )
    count_in_statistics: bool = False
    may_contact: bool = False
    show_publicly: bool = False


class OutcomeOut(Schema):
    id: int
    kind: str
    marketplace: str | None
    link: str
    happened_on: date
    amount: Decimal | None
    currency: str
    band: str
    course_key: UUID | None
    count_in_statistics: bool
    may_contact: bool
    show_publicly: bool
    review: Literal["reported", "verified", "rejected"]
    created_at: datetime


class WithdrawIn(StrictSchema):
    consents: list[Consent] = Field(
        default_factory=lambda: list(services.CONSENTS),
        min_length=1,
        max_length=3,
        description="The consents to withdraw; all three when left out.",
    )


def outcome_out(outcome):
    return {
        "id": outcome.pk,
        "kind": outcome.kind,
        "marketplace": outcome.marketplace.slug if outcome.marketplace_id else None,
        "link": outcome.link,
        "happened_on": outcome.happened_on,
        "amount": outcome.amount,
        "currency": outcome.currency,
        "band": outcome.band,
        "course_key": outcome.course_key,
        "count_in_statistics": outcome.count_in_statistics,
        "may_contact": outcome.may_contact,
        "show_publicly": outcome.show_publicly,
        "review": outcome.review,
        "created_at": outcome.created_at,
    }


@router.post(
    "/outcomes",
    response={201: OutcomeOut, **ERRORS},
    throttle=[write_throttle],
    summary="Report a first client or sale, or a month's earnings band",
    description=(
        "Validated as the page's form is. Refused with 422 `invalid_outcome` when the "
        "report breaks a rule the schema cannot state (a marketplace that does not exist, "
        "a link that is not on the chosen marketplace, a date in the future, a missing "
        "field the kind needs, an amount without a currency); `errors` says where. "
        "409 `duplicate`: a first client was already reported, or earnings for that month."
    ),
)
def create_outcome(request, data: OutcomeIn):
    payload = {
        key: ("" if value is None else value)
        for key, value in data.model_dump().items()
        if key not in ("count_in_statistics", "may_contact", "show_publicly")
    }
    for consent in services.CONSENTS:
        if getattr(data, consent):
            payload[consent] = "on"
    outcome = services.report(request.auth, payload)
    return Status(201, outcome_out(outcome))


@router.get(
    "/outcomes/mine",
    response={200: list[OutcomeOut], **COMMON_ERRORS},
    summary="Your reported outcomes, newest first",
)
def my_outcomes(request):
    rows = Outcome.objects.filter(user=request.auth).select_related("marketplace")
    return [outcome_out(row) for row in rows.order_by("-happened_on", "-pk")]


@router.post(
    "/outcomes/{outcome_id}/withdraw",
    response={200: OutcomeOut, **ERRORS},
    throttle=[write_throttle],
    summary="Withdraw consents given on one of your outcomes",
    description=(
        "Withdrawing `count_in_statistics` takes the outcome out of every figure from "
        "the next computation on; the others stop editors contacting you about it, or "
        "stop showing it on your profile and badges."
    ),
)
def withdraw(request, data: WithdrawIn, outcome_id: int = Path(..., ge=1, le=MAX_ID)):
    outcome = get_object_or_404(Outcome, pk=outcome_id, user=request.auth)
    services.withdraw(outcome, tuple(dict.fromkeys(data.consents)))
    return outcome_out(outcome)
