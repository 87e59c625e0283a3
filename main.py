"""Start the check-in kiosk: ``python main.py`` (see ``python main.py --help``)."""

import sys

from ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
