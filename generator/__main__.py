"""``python -m generator``: the ``playbook`` command, where the script is not on the PATH (a
Windows install without its Scripts folder on the PATH, a checkout run without installing)."""

import sys

from .cli import main

sys.exit(main())
