"""A real SMTP server on loopback for the outbox tests (Python 3.11's smtpd)."""

import asyncore
import socket
import threading
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import smtpd


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RecordingServer(smtpd.SMTPServer):
    def __init__(self, port):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.messages = []

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        self.messages.append({"from": mailfrom, "to": rcpttos, "data": data})


class SMTPThread:
    """Start with ``with SMTPThread(port) as server:``; ``server.messages`` fills up."""

    def __init__(self, port):
        self.port = port
        self.server = None
        self.thread = None
        self.map = {}

    def __enter__(self):
        self.server = RecordingServer(self.port)
        self.thread = threading.Thread(
            target=asyncore.loop, kwargs={"timeout": 0.05, "use_poll": True}, daemon=True
        )
        self.thread.start()
        return self.server

    def __exit__(self, *exc):
        self.server.close()
        asyncore.close_all()
        self.thread.join(timeout=5)
