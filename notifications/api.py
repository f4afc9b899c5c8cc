"""The reader's notices (``/api/v1/notices``); authentication is set where it is mounted."""

from datetime import datetime

from ninja import Router, Schema

from notifications import outbox
from notifications.models import Notice

router = Router(tags=["notices"])
LIMIT = 100


class NoticeOut(Schema):
    id: int
    kind: str
    text: str
    url: str | None
    created_at: datetime
    read: bool


class MarkedOut(Schema):
    marked: int


def _out(notice):
    text, url = outbox.notice_text(notice)
    return {
        "id": notice.pk,
        "kind": notice.kind,
        "text": str(text),
        "url": url,
        "created_at": notice.created_at,
        "read": notice.read_at is not None,
    }


@router.get("/notices", response=list[NoticeOut], summary="My newest notices")
def list_notices(request):
    return [_out(notice) for notice in Notice.objects.filter(user=request.auth)[:LIMIT]]


@router.post("/notices/read", response=MarkedOut, summary="Mark all my notices read")
def read_notices(request):
    return {"marked": outbox.mark_read(request.auth)}
