"""Start PerfDesk: ``python main.py [--db PATH] [COMMAND ...]`` (the same as ``perfdesk``)."""

import sys

from perfdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
