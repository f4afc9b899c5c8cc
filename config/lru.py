"""A bounded, thread-safe store that forgets the least recently used entries first.

For what a process keeps as live objects, never pickled: compiled page skeletons
(``cms.skeleton``), the user each session key belongs to (``accounts.sessions``).
"""

import threading
from collections import OrderedDict


class LeastRecentlyUsed:
    def __init__(self, size):
        self.size = size
        self.data = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            found = self.data.get(key)
            if found is not None:
                self.data.move_to_end(key)
            return found

    def set(self, key, value):
        with self.lock:
            self.data[key] = value
            self.data.move_to_end(key)
            while len(self.data) > self.size:
                self.data.popitem(last=False)

    def clear(self):
        with self.lock:
            self.data.clear()
