"""Test media generated with ffmpeg's lavfi sources, on first use, once per session.

Small on purpose (a few seconds, 320x240 to 1280x720) so the suite stays quick on two
cores. Each kind mirrors something phones and editors really upload.
"""

import random
import shutil
import subprocess
from pathlib import Path

FFMPEG = "ffmpeg"
TONE = "sine=frequency=440:sample_rate=48000"


def run(*args):
    subprocess.run([FFMPEG, "-nostdin", "-hide_banner", "-v", "error", "-y", *args], check=True)


def picture(size, rate=30, extra=""):
    return f"testsrc2=size={size}:rate={rate}{extra}"


class MediaLibrary:
    """``media.path("rotated")`` → the file, generated the first time it is asked for."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.cache = {}

    def path(self, kind):
        if kind not in self.cache:
            self.cache[kind] = getattr(self, f"_make_{kind}")()
        return self.cache[kind]

    def _out(self, name):
        return self.folder / name

    def _av(self, name, size, seconds, rate=30, video_codec=("-c:v", "libx264"), extra=()):
        out = self._out(name)
        run(
            "-f", "lavfi", "-i", picture(size, rate),
            "-f", "lavfi", "-i", TONE,
            "-t", str(seconds),
            *video_codec, "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart", *extra, str(out),
        )  # fmt: skip
        return out

    def _make_landscape(self):
        return self._av("landscape.mp4", "640x360", 4)

    def _make_hd(self):
        return self._av("hd.mp4", "1280x720", 4)

    def _make_long(self):
        # Long enough for a worker to be killed half way through.
        return self._av("long.mp4", "640x360", 24)

    def _make_rotated(self):
        # A phone holding the camera upright: landscape pixels plus a display matrix
        # that turns them 90 degrees. (ffmpeg 5.1's mov muxer turns the "rotate" tag into
        # the matrix; newer ffmpeg has -display_rotation instead.)
        out = self._out("rotated.mp4")
        run(
            "-i",
            str(self.path("landscape")),
            "-c",
            "copy",
            "-metadata:s:v:0",
            "rotate=90",
            str(out),
        )
        return out

    def _make_vfr(self):
        out = self._out("vfr.mp4")
        run(
            "-f", "lavfi", "-i", picture("320x240"),
            "-f", "lavfi", "-i", TONE, "-t", "4",
            # Keep every third frame, except a one-second burst at full rate.
            "-vf", r"select='not(mod(n\,3))+between(n\,30\,60)'", "-vsync", "vfr",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", str(out),
        )  # fmt: skip
        return out

    def _make_hdr(self):
        out = self._out("hdr.mp4")
        run(
            "-f", "lavfi", "-i", picture("640x360", extra=",format=yuv420p10le"),
            "-f", "lavfi", "-i", TONE, "-t", "3",
            "-c:v", "libx265", "-preset", "ultrafast", "-tag:v", "hvc1",
            "-x265-params",
            "log-level=error:colorprim=bt2020:transfer=smpte2084:colormatrix=bt2020nc:"
            "hdr10=1:master-display=G(13250,34500)B(7500,3000)R(34000,16000)"
            "WP(15635,16450)L(10000000,1):max-cll=1000,400",
            "-color_primaries", "bt2020", "-color_trc", "smpte2084", "-colorspace", "bt2020nc",
            "-c:a", "aac", str(out),
        )  # fmt: skip
        return out

    def _make_odd(self):
        # testsrc (RGB) allows odd sizes; MPEG-4 Part 2 in Matroska keeps them.
        out = self._out("odd.mkv")
        run(
            "-f", "lavfi", "-i", "testsrc=size=321x241:rate=25",
            "-f", "lavfi", "-i", TONE, "-t", "3",
            "-c:v", "mpeg4", "-q:v", "5", "-pix_fmt", "yuv420p", "-c:a", "aac", str(out),
        )  # fmt: skip
        return out

    def _make_noaudio(self):
        out = self._out("noaudio.mp4")
        run(
            "-f", "lavfi", "-i", picture("320x240"), "-t", "3",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(out),
        )  # fmt: skip
        return out

    def _make_audioonly(self):
        out = self._out("lesson-audio.m4a")
        run("-f", "lavfi", "-i", TONE, "-t", "4", "-c:a", "aac", "-b:a", "96k", str(out))
        return out

    def _make_cover_mp3(self):
        # A recorded talk exported as MP3 with its cover picture embedded.
        out = self._out("talk.mp3")
        run(
            "-f", "lavfi", "-i", TONE, "-i", str(self.path("still_png")), "-t", "4",
            "-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame", "-b:a", "96k",
            "-c:v", "png", "-disposition:v", "attached_pic", str(out),
        )  # fmt: skip
        return out

    def _make_webm(self):
        out = self._out("screen.webm")
        run(
            "-f", "lavfi", "-i", picture("320x240"),
            "-f", "lavfi", "-i", TONE, "-t", "3",
            "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k",
            "-c:a", "libopus", str(out),
        )  # fmt: skip
        return out

    def _make_arabic(self):
        out = self._out("الدرس الأول - كيف تسعّر خدمتك.mp4")
        shutil.copyfile(self.path("landscape"), out)
        return out

    def _make_empty(self):
        out = self._out("empty.mp4")
        out.write_bytes(b"")
        return out

    def _make_text(self):
        out = self._out("notes.mp4")
        out.write_text("These are my lesson notes, not a video.\n" * 50, encoding="utf-8")
        return out

    def _make_playlist(self):
        # A hostile upload: an HLS playlist named .mp4 that points at a file on the server.
        out = self._out("lesson.mp4")
        out.write_text(
            "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n"
        )
        return out

    def _make_truncated(self):
        # The index (moov) is at the front, so the headers promise 4 s of video that
        # the cut-off file does not contain; ffmpeg decodes what is there and exits 0.
        source = self.path("landscape").read_bytes()
        out = self._out("truncated.mp4")
        out.write_bytes(source[: int(len(source) * 0.55)])
        return out

    def _make_corrupt(self):
        # Bytes flipped in the middle third, as a bad card or a broken copy leaves them.
        data = bytearray(self.path("landscape").read_bytes())
        generator = random.Random(7)
        for index in range(int(len(data) * 0.35), int(len(data) * 0.65)):
            if generator.random() < 0.05:
                data[index] = generator.randrange(256)
        out = self._out("corrupt.mp4")
        out.write_bytes(bytes(data))
        return out

    def _make_still_png(self):
        out = self._out("slide.png")
        run("-f", "lavfi", "-i", picture("640x360"), "-frames:v", "1", str(out))
        return out

    def _make_one_frame(self):
        out = self._out("one-frame.mp4")
        run(
            "-f", "lavfi", "-i", picture("640x360"), "-frames:v", "1",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", str(out),
        )  # fmt: skip
        return out
