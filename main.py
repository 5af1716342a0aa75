"""Start PerfDesk: ``python main.py [--db PATH] [COMMAND ...]`` (the same as ``perfdesk``)."""

import sys

from launcher import main

if __name__ == "__main__":
    sys.exit(main())
