"""Errors the user is told about, in plain Chinese.

Two kinds, as in every careful desktop program: the input or environment is wrong (tell the
user and change nothing), or PerfDesk has a bug (everything else).
"""


class PerfDeskError(Exception):
    """Something the user can act on; ``str(err)`` is the message to show."""


class InvalidValueError(PerfDeskError, ValueError):
    """A typed value (money, date, year) that cannot be understood."""


class DatabaseError(PerfDeskError):
    """The database cannot be used: not ours, too new, damaged, in use or read-only."""


class NotFoundError(PerfDeskError, LookupError):
    """A project id that does not exist."""


class DamagedDatabaseError(DatabaseError):
    """The database file fails SQLite's integrity check: PerfDesk will not write to it."""


class AlteredDatabaseError(DamagedDatabaseError):
    """The file's tables are not exactly PerfDesk's (changed by another program): it is not
    trusted, and treated like a damaged file."""


class DatabaseInUseError(DatabaseError):
    """Another program holds the database locked (SQLite busy/locked). Not damage: try again
    later; nothing may rename or replace the file meanwhile."""


class ReadOnlyDatabaseError(DatabaseError):
    """The database file or its folder cannot be written: it can be read, not changed."""
