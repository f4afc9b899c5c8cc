"""VideoChooserBlock, the StreamField block lesson pages use."""

import pytest

from wagtail.blocks import StreamBlock

from media_processing.blocks import VideoChooserBlock
from tests.factories.media import VideoFactory

pytestmark = pytest.mark.django_db


def test_block_round_trip_fetches_renditions_and_captions_at_once(django_assert_num_queries):
    first, second = VideoFactory(ready=True), VideoFactory(ready=True)
    block = StreamBlock([("video", VideoChooserBlock())])
    raw = [
        {"type": "video", "value": first.pk, "id": "a"},
        {"type": "video", "value": second.pk, "id": "b"},
        {"type": "video", "value": 987654, "id": "c"},  # deleted since
    ]
    with django_assert_num_queries(3):  # videos, their renditions, their captions
        value = block.to_python(raw)
        videos = [child.value for child in value]
        sizes = [[r.bytes for r in v.sorted_renditions] for v in videos if v is not None]
    assert videos[0] == first and videos[1] == second and videos[2] is None
    assert len(sizes[0]) == 3
    assert block.get_prep_value(value)[0]["value"] == first.pk


def test_block_widget_state_names_the_video():
    video = VideoFactory(title="كيف تسعّر خدمتك", ready=True)
    state = VideoChooserBlock().get_form_state(video)
    assert state["id"] == video.pk and state["title"] == "كيف تسعّر خدمتك"
    assert VideoChooserBlock().deconstruct()[0] == "media_processing.blocks.VideoChooserBlock"
