"""Errors a user can act on: each says what went wrong and what to do."""


class DqError(Exception):
    """Base class: the message is shown to the user as is."""


class InputError(DqError):
    """A document could not be read (empty, binary, broken, too large, unknown format)."""


class NotFound(DqError):
    """An id that the store does not hold."""
