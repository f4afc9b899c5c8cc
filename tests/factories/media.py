"""Videos without running ffmpeg: rows in each state, with renditions for ready ones."""

import uuid

import factory
from factory.django import DjangoModelFactory

from media_processing.models import Rendition, Video


def root_collection():
    """The root collection, recreated when a transactional test flushed it."""
    from wagtail.models import Collection

    return Collection.get_first_root_node() or Collection.add_root(name="Root")


class VideoFactory(DjangoModelFactory):
    collection = factory.LazyFunction(root_collection)
    title = factory.Sequence(lambda n: f"درس مصور {n}")
    file = factory.LazyFunction(lambda: f"videos/originals/{uuid.uuid4().hex}/lesson.mp4")
    original_filename = "lesson.mp4"
    file_size = 12_345_678

    class Meta:
        model = Video
        skip_postgeneration_save = True

    class Params:
        ready = factory.Trait(
            status=Video.Status.READY,
            progress=100,
            duration=125.0,
            width=1280,
            height=720,
            has_audio=True,
            has_video=True,
            hls_prefix=factory.LazyAttribute(lambda o: f"videos/hls/x/{uuid.uuid4().hex[:8]}/"),
            poster=factory.LazyAttribute(lambda o: f"{o.hls_prefix}poster.jpg"),
            download_mp4=factory.LazyAttribute(lambda o: f"{o.hls_prefix}download.mp4"),
        )

    @factory.post_generation
    def ladder(self, create, extracted, **kwargs):
        if not create or self.status != Video.Status.READY or self.renditions.exists():
            return
        ladder = [("240p", 426, 240, 280_000), ("360p", 640, 360, 520_000)]
        for name, width, height, bandwidth in ladder:
            Rendition.objects.create(
                video=self,
                name=name,
                width=width,
                height=height,
                bandwidth=bandwidth,
                average_bandwidth=bandwidth - 20_000,
                bytes=int(bandwidth / 8 * (self.duration or 1)),
                codecs="avc1.4d401e,mp4a.40.2",
                playlist_path=f"{self.hls_prefix}{name}/index.m3u8",
            )
        Rendition.objects.create(
            video=self,
            name="audio",
            kind=Rendition.Kind.AUDIO,
            bandwidth=66_000,
            average_bandwidth=65_000,
            bytes=int(66_000 / 8 * (self.duration or 1)),
            codecs="mp4a.40.2",
            playlist_path=f"{self.hls_prefix}audio/index.m3u8",
        )
