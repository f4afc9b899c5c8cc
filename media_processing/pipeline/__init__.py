"""The transcode pipeline; ``process_video`` is what the task and ``import_video`` run."""

from .process import process_video

__all__ = ["process_video"]
