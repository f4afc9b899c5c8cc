"""The reader's notices (``/api/v1/notices``); authentication is set where it is mounted."""

from datetime import datetime

from ninja import Router, Schema
from pydantic import ConfigDict, Field, StrictBool

from notifications import outbox
from notifications.models import Notice
from notifications.preferences import data_saver, set_data_saver

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


class DataSaver(Schema):
    model_config = ConfigDict(extra="forbid")

    data_saver: StrictBool = Field(
        description="Lesson videos start as sound only, on every device of this account."
    )


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


@router.get("/me/data-saver", response=DataSaver, summary="My data saver setting")
def get_data_saver(request):
    return {"data_saver": data_saver(request.auth)}


@router.put("/me/data-saver", response=DataSaver, summary="Turn data saver on or off")
def put_data_saver(request, data: DataSaver):
    return {"data_saver": set_data_saver(request.auth, data.data_saver)}
