"""A grievance the server could not take now waits in the outbox; the slip carries a provisional reference."""

from __future__ import annotations

from common.mobile_key import grievance_mobile_key
from common.numbers import mask_mobile
from kiosk.grievance import Complaint
from kiosk.store import Store

QUEUED_KIND = "grievance.queued"  # sync/protocol/grievance.py QUEUED_KIND (the kiosk imports no sync module)


class OutboxGrievances:
    """The agent drains the event like any other; the server registers it when it folds the kiosk's events."""

    def __init__(self, store: Store, kiosk_code: str) -> None:
        self.store = store
        self.kiosk_code = kiosk_code

    def queue(self, complaint: Complaint) -> str:
        # The mobile number is not queued: only its lookup key and masked form (no SMS for a queued grievance).
        # Short enough to write down; the request id is random, and the server keeps it with the grievance.
        provisional = f"P-{self.kiosk_code}-{complaint.request_id[:8].upper()}"
        with self.store.write("ui") as uow:
            payload = {
                "request_id": complaint.request_id, "provisional": provisional, "department": complaint.department,
                "category": complaint.category, "description": complaint.description,
                "mobile_key": grievance_mobile_key(complaint.mobile), "mobile_masked": mask_mobile(complaint.mobile),
                "attachments": [{"sha256": h, "kind": k} for h, k in complaint.attachments],
            }  # fmt: skip
            # The journal (a log) names the request and its department only, never the text or the number.
            uow.journal(
                QUEUED_KIND, complaint.request_id, {"provisional": provisional, "department": complaint.department}
            )
            uow.emit(QUEUED_KIND, payload)
        return provisional
