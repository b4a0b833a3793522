"""The kiosk's SQLite store: durable connections, numbered migrations, and one-transaction units of work."""

from kiosk.store.db import Store, StoreError, UnitOfWork

__all__ = ["Store", "StoreError", "UnitOfWork"]
