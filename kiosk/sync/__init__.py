"""The kiosk side of sync: enrol, push the outbox, pull the change stream, decide online.

    records.py    the wire format both sides speak
    client.py     the HTTP client (httpx) and its errors
    enrolment.py  trading a one-time code for this kiosk's token
    apply.py      applying pulled changes to the local database
    engine.py     one round of sync: push in batches, pull in pages
    loop.py       the background loop with backoff, and its status for the windows
    online.py     asking the server for a verdict, falling back to the local one
"""
