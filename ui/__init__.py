"""The PySide6 windows: they show what kiosk/ decides and hold no business rule."""
