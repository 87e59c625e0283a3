"""The kiosk core: guests, credentials, check-in rules, badges and sync, with no Qt anywhere."""

__version__ = "0.1.0"
