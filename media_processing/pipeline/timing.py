"""Where a transcode spent its time, for the log."""

import time


class Stopwatch:
    """Stage timings for the log: where a slow transcode spent its time."""

    def __init__(self):
        self.marks = [("start", time.perf_counter())]

    def mark(self, stage):
        self.marks.append((stage, time.perf_counter()))

    def __str__(self):
        steps = [
            f"{stage} {end - begin:.2f}s"
            for (_prev, begin), (stage, end) in zip(self.marks, self.marks[1:], strict=False)
        ]
        return ", ".join(steps)
