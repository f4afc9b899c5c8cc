"""A short first segment, then 6 s ones, joined from the 2 s pieces ffmpeg writes.

The first segment is what stands between pressing play and the first frame: on a weak
link (400 kbit/s, 400 ms round trip) a whole 6 s segment of the 240p rung takes more
than three seconds to arrive, a 2 s one about one. Later segments are better long:
each one costs a round trip, and a player fetches them one after another.

ffmpeg's HLS muxer cuts every segment of a VOD playlist at the same length (its
``hls_init_time`` only shortens the first segments of a live, sliding playlist). So it
writes pieces of one keyframe interval (``piece_%05d.m4s``), and this module joins them
while the transcode runs: piece 0 becomes segment 0, and every following run of
``GROUP`` pieces one segment. A fragmented MP4 segment may hold several fragments
(``moof`` + ``mdat``), so joining is concatenation; the ``styp`` box that opens each
piece is kept only at the head of the segment. Every picture rung has its keyframes at
the same instants and the pieces of every rung are numbered alike, so the joined
segments still line up across rungs.

A segment file appears under its final name at once (written aside, then renamed), so
the uploader (``publish.py``) never sees half of one; the joined pieces are deleted.
When ffmpeg is done, ``finish`` joins what is left and rewrites each rung's playlist.
"""

import math
import os
import re
import struct

from .publish import is_whole_fragment

PIECE = re.compile(r"^piece_(\d+)\.m4s$")
PIECE_PATTERN = "piece_%05d.m4s"
SEGMENT_NAME = "seg_{:05d}.m4s"
GROUP = 3  # pieces per segment after the first


def pieces_of(segment):
    """The piece numbers that make segment ``segment``."""
    if segment == 0:
        return [0]
    first = 1 + (segment - 1) * GROUP
    return list(range(first, first + GROUP))


def segment_of(piece):
    return 0 if piece == 0 else (piece - 1) // GROUP + 1


def _boxes(data):
    """(type, start, end) of the top-level MP4 boxes in ``data``."""
    offset = 0
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if length == 1:
            length = struct.unpack(">Q", data[offset + 8 : offset + 16])[0]
        elif length == 0:
            length = len(data) - offset
        if length < 8:
            raise ValueError("malformed MP4 box")
        yield kind, offset, offset + length
        offset += length


def join(paths, target):
    """Concatenate the pieces at ``paths`` into ``target``, one ``styp`` at the head."""
    temporary = target + ".part"
    try:
        with open(temporary, "wb") as out:
            for number, path in enumerate(paths):
                with open(path, "rb") as handle:
                    data = handle.read()
                if number == 0:
                    out.write(data)
                    continue
                for kind, start, end in _boxes(data):
                    if kind != b"styp":
                        out.write(data[start:end])
    except BaseException:
        os.remove(temporary)
        raise
    os.replace(temporary, target)


class Joiner:
    """Turns the pieces in each rung folder of ``out_dir`` into segments as they finish."""

    def __init__(self, out_dir):
        self.out_dir = out_dir
        self.next_segment = {}  # rung folder -> the next segment number to write

    def _pieces(self, folder):
        return sorted(
            (int(match.group(1)), os.path.join(folder, name))
            for name in os.listdir(folder)
            if (match := PIECE.match(name))
        )

    def _join_ready(self, folder, final):
        pieces = self._pieces(folder)
        if not pieces:
            return
        paths = dict(pieces)
        last = pieces[-1][0]
        # ffmpeg may still be writing its newest piece; the others are whole.
        whole = set(paths) if final or is_whole_fragment(paths[last]) else set(paths) - {last}
        segment = self.next_segment.get(folder, 0)
        while True:
            wanted = pieces_of(segment)
            ready = [number for number in wanted if number in whole]
            if ready != wanted and not (final and ready and ready == wanted[: len(ready)]):
                break
            target = os.path.join(folder, SEGMENT_NAME.format(segment))
            join([paths[number] for number in ready], target)
            for number in ready:
                os.remove(paths[number])
            segment += 1
        self.next_segment[folder] = segment

    def _folders(self):
        if not os.path.isdir(self.out_dir):
            return []
        return [entry.path for entry in os.scandir(self.out_dir) if entry.is_dir()]

    def poll(self):
        """Join every group of pieces that ffmpeg has finished."""
        for folder in self._folders():
            self._join_ready(folder, final=False)

    def finish(self):
        """After ffmpeg: join the remaining pieces and rewrite every rung's playlist."""
        for folder in self._folders():
            self._join_ready(folder, final=True)
            playlist = os.path.join(folder, "index.m3u8")
            if os.path.exists(playlist):
                rewrite_playlist(playlist)


def rewrite_playlist(path):
    """Replace ffmpeg's piece entries with the joined segments and their summed lengths."""
    with open(path, encoding="utf-8") as handle:
        lines = [line.strip() for line in handle if line.strip()]
    header, durations, pending = [], {}, None
    for line in lines:
        if line.startswith("#EXTINF:"):
            pending = float(line.split(":", 1)[1].split(",", 1)[0])
        elif line.startswith("#EXT-X-TARGETDURATION:") or line == "#EXT-X-ENDLIST":
            continue
        elif line.startswith("#"):
            header.append(line)
        elif (match := PIECE.match(line)) and pending is not None:
            segment = segment_of(int(match.group(1)))
            durations[segment] = durations.get(segment, 0.0) + pending
            pending = None
        else:
            raise ValueError(f"{path}: unexpected entry {line}")
    longest = max(durations.values(), default=0.0)
    body = [f"#EXT-X-TARGETDURATION:{max(1, math.ceil(longest - 1e-6))}"]
    for segment in sorted(durations):
        body.append(f"#EXTINF:{durations[segment]:.6f},")
        body.append(SEGMENT_NAME.format(segment))
    body.append("#EXT-X-ENDLIST")
    # The target duration goes right after the version, where ffmpeg put it.
    text = "\n".join(header[:2] + body[:1] + header[2:] + body[1:]) + "\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
