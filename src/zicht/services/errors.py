"""The two ways a use case says no, besides `zicht.access.NotAllowed`."""

from __future__ import annotations


class Refused(Exception):
    """The input was refused; nothing changed. The command line exits 1, a page shows the message, the
    API answers 422 (or 409/400 where `status` says so)."""

    def __init__(self, message_nl: str, message_en: str, findings: list | None = None, status: int = 422):
        super().__init__(message_en)
        self.message_nl = message_nl
        self.message_en = message_en
        self.findings = findings or []
        self.status = status


class NotFound(Exception):
    """There is no such thing for this actor. Also what an actor hears about another partner's things,
    so that an answer never reveals whether they exist."""

    def __init__(self, what: str = ""):
        super().__init__(what or "not found")
