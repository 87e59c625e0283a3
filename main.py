"""Start the check-in kiosk: ``python main.py`` (see ``python main.py --help``)."""

import sys

if __name__ == "__main__":
    # Imported here: a worker process (kiosk.key_worker) started by spawning imports this module
    # again, and needs none of the windows.
    from ui.launch import main

    sys.exit(main())
