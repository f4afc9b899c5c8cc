"""What the video library tells the apps that show videos.

``video_ready`` is sent (after commit) when a video has a new published ladder: pages
that keep a rendered video block or the player's settings drop them. Receivers get
``video_id``.
"""

from django.dispatch import Signal

video_ready = Signal()
