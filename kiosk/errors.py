"""Errors a user can cause, each saying what is wrong, where, and what to do.

    KioskError                 root: the CLI and the windows catch this tree and show its message
    ├── UsageError             a command was called wrongly (bad option value, missing argument)
    ├── NotFoundError          a guest, event, checkpoint or printer named does not exist
    ├── SetupError             the local data is not ready (no event, no key) for what was asked
    ├── InputFileError         a file given to us cannot be read at all (format, encoding, columns)
    ├── CredentialError        a credential could not be issued (key missing, number range full)
    ├── ConflictError          the action contradicts stored state (undo of an undone check-in)
    ├── PrintError             the print system refused or failed a job
    └── SyncError              the server could not be reached or refused us

Anything raised that is not a KioskError is a bug: it is logged with its traceback.
"""

from __future__ import annotations


class KioskError(Exception):
    """Root of every error a user can cause or act on; its message is shown as it is."""

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None) -> None:
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(self.full_message())

    def full_message(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text = f"{text} ({self.hint})"
        return text


class UsageError(KioskError):
    """A command was called with a wrong or missing value."""


class NotFoundError(KioskError):
    """A guest, event, checkpoint, device or printer that was named does not exist."""


class SetupError(KioskError):
    """Local data is not ready for what was asked: no event set up, no signing key."""


class InputFileError(KioskError):
    """A file handed to us cannot be read as a whole (unknown format, encoding, no name column)."""


class CredentialError(KioskError):
    """A credential could not be issued."""


class ConflictError(KioskError):
    """The action contradicts what is stored, for example undoing a check-in twice."""


class PrintError(KioskError):
    """The print system refused or failed a job."""


class SyncError(KioskError):
    """The server could not be reached, or refused the request."""
