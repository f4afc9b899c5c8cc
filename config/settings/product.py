"""The apps' own settings, each read from a ``BIDAYA_*`` variable (see the README).

Imported by ``base``; kept apart so each file stays short enough to read at once.
"""

import os

from .env import env_list

# Video lessons (media_processing).
BIDAYA_VIDEO_MAX_UPLOAD_BYTES = int(os.environ.get("BIDAYA_VIDEO_MAX_UPLOAD_BYTES", 2 * 1024**3))
BIDAYA_VIDEO_MAX_DURATION_SECONDS = float(
    os.environ.get("BIDAYA_VIDEO_MAX_DURATION_SECONDS", 3 * 3600)
)
BIDAYA_VIDEO_MAX_PIXELS = int(os.environ.get("BIDAYA_VIDEO_MAX_PIXELS", 7680 * 4320))
BIDAYA_VIDEO_LEASE_SECONDS = int(os.environ.get("BIDAYA_VIDEO_LEASE_SECONDS", 300))
BIDAYA_VIDEO_WORK_DIR = os.environ.get("BIDAYA_VIDEO_WORK_DIR") or None
BIDAYA_VIDEO_X264_PRESET = os.environ.get("BIDAYA_VIDEO_X264_PRESET", "veryfast")
BIDAYA_FFMPEG_BINARY = os.environ.get("BIDAYA_FFMPEG_BINARY", "ffmpeg")
BIDAYA_FFPROBE_BINARY = os.environ.get("BIDAYA_FFPROBE_BINARY", "ffprobe")
BIDAYA_CAPTION_MAX_BYTES = int(os.environ.get("BIDAYA_CAPTION_MAX_BYTES", 1024 * 1024))
# Public base URL of the published HLS files (a CDN in front of the bucket); empty means
# the storage's own public URL.
BIDAYA_MEDIA_CDN_URL = os.environ.get("BIDAYA_MEDIA_CDN_URL", "").rstrip("/")
# Origins allowed to fetch the HLS files cross-origin (setup_storage's CORS rule).
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")

# Open Badges (credentials). The RS256 key that signs badge credentials lives outside the
# repository; empty means "create one under VAR_DIR/keys/ on first use" (development
# only: production settings require the variable). Public keys of retired signing keys
# stay listed so badges signed before a rotation still verify.
BIDAYA_BADGE_SIGNING_KEY_FILE = os.environ.get("BIDAYA_BADGE_SIGNING_KEY_FILE", "")
BIDAYA_BADGE_PUBLIC_KEY_FILES = env_list("BIDAYA_BADGE_PUBLIC_KEY_FILES")
BIDAYA_BADGE_FONT = os.environ.get(
    "BIDAYA_BADGE_FONT", "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Bold.ttf"
)
BIDAYA_BADGE_LATIN_FONT = os.environ.get(
    "BIDAYA_BADGE_LATIN_FONT", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"
)
# The issuer as credentials and LinkedIn name it. With the academy's LinkedIn company
# id set, "Add to LinkedIn" links to the company page instead of a free-text name.
BIDAYA_BADGE_ISSUER_NAME = os.environ.get("BIDAYA_BADGE_ISSUER_NAME", "Bidaya")
BIDAYA_BADGE_ISSUER_EMAIL = os.environ.get("BIDAYA_BADGE_ISSUER_EMAIL", "")
BIDAYA_LINKEDIN_ORGANIZATION_ID = os.environ.get("BIDAYA_LINKEDIN_ORGANIZATION_ID", "")

# Learning: a video counts as watched once this share of it has really been
# played; per-learner request limits ("count/period", period s, m or h; empty: none).
BIDAYA_VIDEO_COMPLETION_THRESHOLD = float(
    os.environ.get("BIDAYA_VIDEO_COMPLETION_THRESHOLD", "0.9")
)
BIDAYA_RATE_HEARTBEAT = os.environ.get("BIDAYA_RATE_HEARTBEAT", "60/m")
BIDAYA_RATE_WRITE = os.environ.get("BIDAYA_RATE_WRITE", "30/m")
# Profile saves per learner (each one re-signs the learner's badges).
BIDAYA_RATE_PROFILE = os.environ.get("BIDAYA_RATE_PROFILE", "20/h")
# Heartbeats older than this many days are deleted (``manage.py prune_heartbeats``);
# the progress they added is kept in the progress rows.
BIDAYA_HEARTBEAT_RETENTION_DAYS = int(os.environ.get("BIDAYA_HEARTBEAT_RETENTION_DAYS", 30))
# Progress made offline (heartbeats queued on the device) is counted when it arrives
# this many days later at most; older beats are refused with a ``too_late`` problem.
BIDAYA_LATE_HEARTBEAT_DAYS = int(os.environ.get("BIDAYA_LATE_HEARTBEAT_DAYS", 14))

# Assignments and mentor review (mentoring).
# The most a request's files may weigh on a route that sets no limit of its own (the
# admin's images and documents); hand-ins and videos have their own, below and above.
BIDAYA_UPLOAD_MAX_BYTES = int(os.environ.get("BIDAYA_UPLOAD_MAX_BYTES", 64 * 1024**2))
BIDAYA_SUBMISSION_MAX_BYTES = int(os.environ.get("BIDAYA_SUBMISSION_MAX_BYTES", 10 * 1024**2))
BIDAYA_REVIEW_CLAIM_MINUTES = int(os.environ.get("BIDAYA_REVIEW_CLAIM_MINUTES", 120))
BIDAYA_REVIEW_SLA_HOURS = int(os.environ.get("BIDAYA_REVIEW_SLA_HOURS", 48))
BIDAYA_MENTOR_DIGEST_MINUTES = int(os.environ.get("BIDAYA_MENTOR_DIGEST_MINUTES", 5))
BIDAYA_EMAIL_MAX_ATTEMPTS = int(os.environ.get("BIDAYA_EMAIL_MAX_ATTEMPTS", 8))

# Analytics: figures about fewer learners than this are hidden on every page, chart,
# CSV file and API answer.
BIDAYA_ANALYTICS_MIN_LEARNERS = int(os.environ.get("BIDAYA_ANALYTICS_MIN_LEARNERS", 5))
