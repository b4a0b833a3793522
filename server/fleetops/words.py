"""The fleet operations pages' words in Hindi (first) and English; a test checks both have the same keys."""

from __future__ import annotations

HI: dict[str, str] = {
    "commands": "दूरस्थ आदेश", "order": "आदेश दें", "kind": "आदेश", "officer": "अधिकारी", "issued": "दिया गया",
    "status": "स्थिति", "detail": "विवरण", "output": "परिणाम", "lines": "पंक्तियाँ", "reason": "कारण",
    "config": "सेटिंग (JSON)", "rollouts": "सॉफ़्टवेयर रोलआउट", "version": "संस्करण", "waves": "चरण",
    "running": "चल रहा", "downloading": "डाउनलोड हो रहा", "failed": "विफल", "rolled_back": "पुराने पर लौटा",
    "resume": "फिर शुरू करें", "state": "अवस्था", "started": "शुरू", "finished": "पूरा", "none": "कोई नहीं",
    "by_place": "ज़िला और ब्लॉक अनुसार संस्करण", "not_allowed": "आपके पद के लिए नहीं",
    "kind.restart_app": "ऐप फिर से चालू करें", "kind.reboot": "मशीन फिर से चालू करें",
    "kind.out_of_service": "सेवा से बाहर करें", "kind.in_service": "सेवा में वापस लाएँ",
    "kind.send_logs": "लॉग भेजें", "kind.screenshot": "स्क्रीन की तस्वीर", "kind.set_config": "सेटिंग बदलें",
    "state.pending": "प्रतीक्षा में", "state.expired": "समय समाप्त", "state.done": "पूरा", "state.refused": "अस्वीकृत",
    "state.failed": "विफल", "state.running": "चल रहा", "state.paused": "रुका हुआ", "state.done_rollout": "पूरा",
}  # fmt: skip
EN: dict[str, str] = {
    "commands": "Remote commands", "order": "Send", "kind": "Command", "officer": "Officer", "issued": "Issued",
    "status": "Status", "detail": "Detail", "output": "Output", "lines": "Lines", "reason": "Reason",
    "config": "Settings (JSON)", "rollouts": "Software rollouts", "version": "Version", "waves": "Waves",
    "running": "Running", "downloading": "Downloading", "failed": "Failed", "rolled_back": "Rolled back",
    "resume": "Resume", "state": "State", "started": "Started", "finished": "Finished", "none": "None",
    "by_place": "Versions by district and block", "not_allowed": "not for your role",
    "kind.restart_app": "Restart the app", "kind.reboot": "Reboot the machine",
    "kind.out_of_service": "Take out of service", "kind.in_service": "Back in service",
    "kind.send_logs": "Send logs", "kind.screenshot": "Screenshot", "kind.set_config": "Change settings",
    "state.pending": "Pending", "state.expired": "Expired", "state.done": "Done", "state.refused": "Refused",
    "state.failed": "Failed", "state.running": "Running", "state.paused": "Paused", "state.done_rollout": "Done",
}  # fmt: skip
WORDS = {"hi": HI, "en": EN}
