"""A real SMTP server on a free loopback port (aiosmtpd), for tests of the mails the site sends.
Use the `smtp_server` fixture (tests/conftest.py): it points Django's SMTP backend at the server
and collects what arrives in `smtp_server.messages`."""

import socket

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

HOST = "127.0.0.1"


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Inbox(Message):
    """Every message the server accepted, as `email.message.Message`, in order of arrival."""

    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


class SmtpServer:
    def __init__(self):
        self.inbox = Inbox()
        self.port = free_port()
        self.controller = Controller(self.inbox, hostname=HOST, port=self.port)

    @property
    def messages(self):
        return self.inbox.messages

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc_info):
        self.controller.stop()
