"""Upload a transcode's folder while ffmpeg is still writing it, the master playlist last.

A segment goes to storage as soon as it is whole: ffmpeg has moved on to the next one,
or its MP4 boxes already add up to a complete fragment ending in its media data. So the
upload costs little wall time on top of the transcode. Init segments and playlists are
rewritten at the end, so they (and anything whose size or date changed after it was
sent) are sent once ffmpeg has exited. Nothing is visible to players until the master
playlist exists, and it is written last.
"""

import concurrent.futures
import os
import re
import struct

from .. import storage

SEGMENT = re.compile(r"^seg_(\d+)\.m4s$")


def is_whole_fragment(path):
    """True when the file is a run of complete MP4 boxes ending with an ``mdat``."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            offset, last = 0, None
            while offset < size:
                handle.seek(offset)
                header = handle.read(16)
                if len(header) < 8:
                    return False
                length, kind = struct.unpack(">I4s", header[:8])
                if length == 1 and len(header) == 16:
                    length = struct.unpack(">Q", header[8:16])[0]
                if length < 8:
                    return False
                offset += length
                last = kind
            return offset == size and last == b"mdat"
    except OSError:
        return False


class FolderPublisher:
    def __init__(self, local_dir, prefix, storage_backend=None, on_file=None):
        self.local_dir = local_dir
        self.prefix = prefix.rstrip("/") + "/"
        self.storage = storage.get_storage(storage_backend)
        self.on_file = on_file
        s3 = storage.is_s3(self.storage)
        self.client = storage.s3_client(self.storage) if s3 else None
        # I/O-bound; fewer than the client's pooled connections (botocore: 10).
        workers = 8 if s3 else 1
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers)
        self.sent = {}  # relative path -> (size, mtime_ns) when it was queued
        self.futures = []
        self.closed = False

    def _relative(self, path):
        return os.path.relpath(path, self.local_dir).replace(os.sep, "/")

    def _queue(self, path):
        relative = self._relative(path)
        status = os.stat(path)
        self.sent[relative] = (status.st_size, status.st_mtime_ns)
        self.futures.append(
            self.pool.submit(
                storage.upload_file, path, self.prefix + relative, self.storage, self.client
            )
        )

    def _raise_failures(self):
        for future in self.futures:
            if future.done() and future.exception() is not None:
                raise future.exception()

    def poll(self):
        """Queue the segments ffmpeg has finished since the last call."""
        self._raise_failures()
        if not os.path.isdir(self.local_dir):
            return
        for entry in os.scandir(self.local_dir):
            if not entry.is_dir():
                continue
            numbered = sorted(
                (int(match.group(1)), os.path.join(entry.path, name))
                for name in os.listdir(entry.path)
                if (match := SEGMENT.match(name))
            )
            for index, (_number, path) in enumerate(numbered):
                if self._relative(path) in self.sent:
                    continue
                if index < len(numbered) - 1 or is_whole_fragment(path):
                    self._queue(path)

    def flush(self, last=("master.m3u8",)):
        """Queue everything not yet sent (or changed since), except ``last``; no waiting.

        Called as soon as ffmpeg exits, so the final segments and playlists travel while
        the download file is being made. Returns the paths held back.
        """
        final = []
        for root, _dirs, files in os.walk(self.local_dir):
            for name in sorted(files):
                path = os.path.join(root, name)
                relative = self._relative(path)
                if relative in last:
                    final.append(path)
                    continue
                status = os.stat(path)
                if self.sent.get(relative) != (status.st_size, status.st_mtime_ns):
                    self._queue(path)
        return final

    def finish(self, last=("master.m3u8",)):
        """Send everything not yet sent (or changed since), then ``last``; wait for all."""
        final = self.flush(last)
        self._wait()
        for path in final:
            storage.upload_file(path, self.prefix + self._relative(path), self.storage, self.client)
            self.sent[self._relative(path)] = None
        self.close()
        return sorted(self.prefix + relative for relative in self.sent)

    def _wait(self):
        for future in concurrent.futures.as_completed(self.futures):
            future.result()
            if self.on_file:
                self.on_file()

    def close(self):
        if not self.closed:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.closed = True

    def abort(self):
        """Stop uploading and delete whatever reached storage."""
        self.close()
        storage.delete_prefix(self.prefix, storage=self.storage)
