"""The central server: the master copy of each event and the sync point of its kiosks.

    store.py      the database (SQLite by default, PostgreSQL in production), migrations
    models.py     the server's own tables: change stream, devices, enrolment codes, receipts
    changes.py    the numbered change stream kiosks pull
    ingest.py     what kiosks push, applied exactly once; conflict flags
    verdicts.py   online verdicts
    auth.py       enrolment codes and device tokens
    admin.py      the organiser's operations
    api.py        the HTTP API (FastAPI)
    runner.py     running it (uvicorn)

Imported only by the server and its commands; a kiosk never needs FastAPI at run time.
"""
