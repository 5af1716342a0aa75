"""PerfDesk core: forms, projects, the store, printing and files. Never imports Qt."""

__version__ = "0.1.0"
