"""Joining ffmpeg's 2 s pieces into a short first segment and 6 s ones (no ffmpeg)."""

import struct

import pytest

from media_processing.pipeline import segments


def box(kind, payload=b""):
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def piece(number):
    return box(b"styp", b"msdh") + box(b"moof", bytes([number])) + box(b"mdat", bytes([number]) * 4)


FFMPEG_PLAYLIST = """#EXTM3U
#EXT-X-VERSION:7
#EXT-X-TARGETDURATION:2
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-MAP:URI="init_0.mp4"
{entries}#EXT-X-ENDLIST
"""


def write_rung(folder, lengths):
    folder.mkdir()
    entries = ""
    for number, length in enumerate(lengths):
        (folder / f"piece_{number:05d}.m4s").write_bytes(piece(number))
        entries += f"#EXTINF:{length:.6f},\npiece_{number:05d}.m4s\n"
    (folder / "index.m3u8").write_text(FFMPEG_PLAYLIST.format(entries=entries))


def test_pieces_and_segments_map_both_ways():
    assert segments.pieces_of(0) == [0]
    assert segments.pieces_of(1) == [1, 2, 3]
    assert segments.pieces_of(2) == [4, 5, 6]
    assert [segments.segment_of(n) for n in range(8)] == [0, 1, 1, 1, 2, 2, 2, 3]


def test_finish_joins_every_piece_and_rewrites_the_playlist(tmp_path):
    rung = tmp_path / "240p"
    write_rung(rung, [2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 0.5])
    joiner = segments.Joiner(str(tmp_path))
    joiner.finish()
    assert sorted(p.name for p in rung.iterdir()) == [
        "index.m3u8",
        "seg_00000.m4s",
        "seg_00001.m4s",
        "seg_00002.m4s",
        "seg_00003.m4s",
    ]
    # One styp at the head of a joined segment, then each piece's fragment in order.
    assert (rung / "seg_00001.m4s").read_bytes() == piece(1) + piece(2)[12:] + piece(3)[12:]
    assert (rung / "seg_00000.m4s").read_bytes() == piece(0)
    # The last group may be short.
    assert (rung / "seg_00003.m4s").read_bytes() == piece(7) + piece(8)[12:]
    text = (rung / "index.m3u8").read_text()
    lines = text.splitlines()
    assert lines[:3] == ["#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-TARGETDURATION:6"]
    assert '#EXT-X-MAP:URI="init_0.mp4"' in lines
    assert [line for line in lines if line.startswith("#EXTINF")] == [
        "#EXTINF:2.000000,",
        "#EXTINF:6.000000,",
        "#EXTINF:6.000000,",
        "#EXTINF:2.500000,",
    ]
    assert lines[-1] == "#EXT-X-ENDLIST" and text.count("#EXT-X-ENDLIST") == 1
    assert "piece_" not in text


def test_poll_waits_for_whole_groups_and_never_the_piece_being_written(tmp_path):
    rung = tmp_path / "360p"
    write_rung(rung, [2.0, 2.0, 2.0])
    # ffmpeg is half way through piece 3: its mdat is announced longer than written.
    (rung / "piece_00003.m4s").write_bytes(box(b"moof") + struct.pack(">I4s", 4000, b"mdat") + b"x")
    joiner = segments.Joiner(str(tmp_path))
    joiner.poll()
    assert sorted(p.name for p in rung.glob("*.m4s")) == [
        "piece_00001.m4s",
        "piece_00002.m4s",
        "piece_00003.m4s",
        "seg_00000.m4s",
    ]
    (rung / "piece_00003.m4s").write_bytes(piece(3))
    (rung / "piece_00004.m4s").write_bytes(box(b"moof"))  # the next one has begun
    joiner.poll()
    assert sorted(p.name for p in rung.glob("*.m4s")) == [
        "piece_00004.m4s",
        "seg_00000.m4s",
        "seg_00001.m4s",
    ]


def test_a_playlist_with_something_unexpected_is_refused(tmp_path):
    rung = tmp_path / "audio"
    write_rung(rung, [2.0])
    (rung / "index.m3u8").write_text(FFMPEG_PLAYLIST.format(entries="#EXTINF:2.0,\nelsewhere.ts\n"))
    with pytest.raises(ValueError, match="elsewhere.ts"):
        segments.rewrite_playlist(str(rung / "index.m3u8"))


def test_a_malformed_box_is_refused(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.write_bytes(piece(0))
    second.write_bytes(struct.pack(">I4s", 3, b"moof"))
    with pytest.raises(ValueError, match="malformed"):
        segments.join([str(first), str(second)], str(tmp_path / "seg"))
    assert sorted(tmp_path.iterdir()) == sorted([first, second])  # nothing half-written left
