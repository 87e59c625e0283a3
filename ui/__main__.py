"""``python -m ui``: the same as ``python main.py``."""

import sys

from ui.launch import main

sys.exit(main())
