"""The officers' grievance pages' words in Hindi (first) and English; a test checks both have the same keys."""

from __future__ import annotations

HI: dict[str, str] = {
    "grievances": "शिकायतें", "number": "शिकायत संख्या", "department": "विभाग", "category": "श्रेणी",
    "registered": "दर्ज", "status": "स्थिति", "pending_with": "किसके पास लंबित", "place": "ज़िला / ब्लॉक",
    "description": "विवरण", "mobile": "मोबाइल", "attachments": "संलग्न", "history": "इतिहास", "when": "कब",
    "action": "कार्यवाही", "by": "किसके द्वारा", "office": "कार्यालय", "text": "टिप्पणी",
    "assign": "कार्यालय को भेजें", "note": "टिप्पणी जोड़ें", "dispose": "निस्तारित करें", "reply": "उत्तर",
    "pending": "लंबित", "disposed": "निस्तारित", "all": "सभी", "none": "कोई शिकायत नहीं",
    "feedback": "प्रतिक्रिया", "reminders": "स्मरण",
    "kind.registered": "दर्ज हुई", "kind.assigned": "भेजी गई", "kind.note": "टिप्पणी", "kind.reminder": "स्मरण",
    "kind.disposed": "निस्तारित", "kind.feedback": "प्रतिक्रिया",
}  # fmt: skip
EN: dict[str, str] = {
    "grievances": "Grievances", "number": "Grievance No.", "department": "Department", "category": "Category",
    "registered": "Registered", "status": "Status", "pending_with": "Pending with", "place": "District / block",
    "description": "Description", "mobile": "Mobile", "attachments": "Attachments", "history": "History",
    "when": "When", "action": "Action", "by": "By", "office": "Office", "text": "Note",
    "assign": "Forward to office", "note": "Add a note", "dispose": "Dispose", "reply": "Reply",
    "pending": "Pending", "disposed": "Disposed", "all": "All", "none": "No grievances",
    "feedback": "Feedback", "reminders": "Reminders",
    "kind.registered": "Registered", "kind.assigned": "Forwarded", "kind.note": "Note", "kind.reminder": "Reminder",
    "kind.disposed": "Disposed", "kind.feedback": "Feedback",
}  # fmt: skip
WORDS = {"hi": HI, "en": EN}
