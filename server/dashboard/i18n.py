"""The dashboard's words in Hindi (first) and English; a test checks both dictionaries have the same keys."""

from __future__ import annotations

from typing import Any

LANGUAGES = ("hi", "en")

HI: dict[str, str] = {
    "title": "ई-मित्र प्लस कियोस्क — निगरानी",
    "login": "लॉग इन", "logout": "लॉग आउट", "username": "उपयोगकर्ता नाम", "password": "पासवर्ड",
    "bad_login": "उपयोगकर्ता नाम या पासवर्ड गलत है।",
    "division": "संभाग", "district": "ज़िला", "block": "ब्लॉक", "machine": "मशीन", "gp": "ग्राम पंचायत",
    "centre": "केंद्र", "nodal": "नोडल अधिकारी", "installed": "स्थापित (नामांकित)",
    "inspected": "निरीक्षित/मरम्मत", "last_inspected": "अंतिम निरीक्षण", "transacting": "लेन-देन (30 दिन)",
    "online": "अभी ऑनलाइन", "geotagged": "जियो-टैग", "alerts": "चेतावनियाँ", "all": "सभी",
    "total": "कुल", "search": "खोजें", "search_hint": "कोड, ग्राम पंचायत या केंद्र", "no_results": "कुछ नहीं मिला।",
    "map": "नक्शा", "legend_online": "ऑनलाइन, लेन-देन हो रहा", "legend_idle": "ऑनलाइन पर लेन-देन नहीं",
    "legend_offline": "ऑफ़लाइन", "last_beat": "अंतिम संपर्क", "last_txn": "अंतिम लेन-देन", "txns": "लेन-देन",
    "amount": "राशि (₹)", "yes": "हाँ", "no": "नहीं", "never": "कभी नहीं", "position": "स्थिति",
    "registered": "पंजीकृत स्थिति", "current": "वर्तमान स्थिति", "moved": "पंजीकृत स्थान से दूरी",
    "hours": "खुलने का समय", "timeline": "हृदय-स्पंदन (हर 15 मिनट)", "devices": "उपकरणों की स्थिति",
    "per_day": "प्रतिदिन लेन-देन", "closes": "दिन बंदी", "visits": "निरीक्षण, मरम्मत और शिकायतें",
    "open_problems": "ग्रामीणों की खुली शिकायतें", "open_alerts": "खुली चेतावनियाँ", "what_to_do": "क्या करें",
    "report": "मासिक रिपोर्ट कार्ड", "month": "महीना", "rank": "क्रम", "machines": "मशीनें",
    "uptime": "खुलने के समय में उपलब्धता %", "days_closed": "बंद दिन", "incidents": "घटनाएँ",
    "by_service": "सेवा अनुसार", "download_csv": "CSV डाउनलोड करें", "print": "प्रिंट करें", "show": "दिखाएँ",
    "not_found": "नहीं मिला", "bad_request": "गलत अनुरोध", "back": "वापस", "out_of_service": "सेवा से बाहर",
    "enrolled_at": "नामांकन", "not_placed": "स्थान दर्ज नहीं", "outside_state": "राजस्थान से बाहर (गलत स्थिति)",
    "day": "दिन", "hours_seen": "उपलब्ध घंटे", "problems": "शिकायतें", "service": "सेवा", "when": "कब",
    "kind": "प्रकार", "sort": "क्रमबद्ध करें", "language": "English", "forbidden": "अनुमति नहीं",
    "session_expired": "कृपया फिर से लॉग इन करें।", "csrf": "फ़ॉर्म पुराना हो गया है, पेज दोबारा खोलें।",
    "hint.not_found": "यह पता आपके क्षेत्र की किसी मशीन, ब्लॉक या ज़िले का नहीं है।",
    "hint.bad_request": "पते या फ़ॉर्म में कुछ गलत है; नीचे कारण लिखा है।",
    "hint.forbidden": "यह पेज आपके पद के लिए नहीं है।",
    "hint.csrf": "सुरक्षा के लिए फ़ॉर्म दोबारा भरें।",
    "too_many": "बहुत अधिक गलत प्रयास", "hint.too_many": "15 मिनट बाद फिर लॉग इन करें, या पासवर्ड के लिए प्रशासक से मिलें।",
    "server_error": "सर्वर में समस्या", "hint.server_error": "थोड़ी देर बाद फिर कोशिश करें; समस्या दर्ज कर ली गई है।",
    "unplaced": "नामांकित मशीनें जिनका ज़िला/ब्लॉक अभी दर्ज नहीं",
    "txns_30": "लेन-देन, 30 दिन",
    "rd_expires": "RD प्रमाणपत्र समाप्ति", "remote_commands": "दूरस्थ आदेश", "rollouts": "सॉफ़्टवेयर रोलआउट",
    "visit.kiosk.inspection": "निरीक्षण", "visit.kiosk.repair": "मरम्मत", "visit.problem.reported": "शिकायत",
    "visit.kiosk.geotagged": "जियो-टैग",
    "alert.offline": "संपर्क नहीं — अंतिम संपर्क {last_heard}",
    "do.offline": "केंद्र संचालक को फ़ोन करें: बिजली, नेटवर्क और मशीन चालू है या नहीं देखें।",
    "alert.idle": "मशीन चालू है पर {days} दिन से कोई लेन-देन नहीं",
    "do.idle": "केंद्र जाकर देखें कि मशीन ग्रामीणों के लिए खुली है; गाँव में सेवा का प्रचार करवाएँ।",
    "alert.closed_in_hours": "{day} को खुलने के {published} में से केवल {seen} घंटे उपलब्ध",
    "do.closed_in_hours": "संचालक से पूछें कि प्रकाशित समय में मशीन बंद क्यों रही; समय का पालन कराएँ।",
    "alert.paper_out": "रसीद प्रिंटर में कागज़ खत्म",
    "do.paper_out": "संचालक से रसीद का कागज़ (58 मिमी रोल) तुरंत डलवाएँ।",
    "alert.cash_box_full": "कैश बॉक्स लगभग भरा ({notes}/{capacity} नोट)",
    "do.cash_box_full": "संचालक से दिन बंद करवाकर कैश बॉक्स खाली करवाएँ।",
    "alert.rd_expiring": "बायोमेट्रिक RD सेवा ({version}) का प्रमाणपत्र {days} दिन में समाप्त",
    "alert.rd_expiring.version": "बायोमेट्रिक RD सेवा का संस्करण {version} पुराना है (न्यूनतम {minimum})",
    "do.rd_expiring": "इंजीनियर से RD सेवा अपडेट करवाएँ, वरना आधार से भुगतान बंद हो जाएगा।",
    "alert.outbox_stuck": "{depth} रिकॉर्ड {hours} घंटे से सर्वर तक नहीं पहुँचे",
    "do.outbox_stuck": "नेटवर्क जाँचें; न सुधरे तो इंजीनियर को भेजें (kioskctl doctor)।",
    "alert.quarantined": "{items} रिकॉर्ड सर्वर ने अस्वीकार किए (क्वारंटीन)",
    "do.quarantined": "राज्य सहायता डेस्क को मशीन कोड के साथ सूचित करें।",
    "alert.vault_stuck": "{files} स्कैन किए दस्तावेज़ {hours} घंटे से सर्वर तक नहीं पहुँचे",
    "do.vault_stuck": "नेटवर्क जाँचें; न सुधरे तो इंजीनियर को भेजें (kioskctl doctor)।",
    "alert.geo_moved": "मशीन पंजीकृत स्थान से {km} किमी दूर",
    "do.geo_moved": "पुष्टि करें कि मशीन क्यों हटाई गई; अनुमति हो तो इंजीनियर से नया जियो-टैग करवाएँ।",
    "alert.geo_invalid": "स्थिति ({lat}, {lon}) राजस्थान में नहीं — GPS गलत",
    "alert.rollup_halted": "इस मशीन के आँकड़े रुके हैं: रिकॉर्ड जोड़ा नहीं जा सका ({reason})",
    "do.rollup_halted": "सर्वर प्रशासक को बताएँ; बाकी मशीनों के आँकड़े चलते रहते हैं।",
    "epoch": "नामांकन क्रम", "re_enrolled": "दोबारा नामांकित (मरम्मत)",
    "do.geo_invalid": "इंजीनियर से केंद्र पर दोबारा जियो-टैग करवाएँ।",
    # Payment-rail reconciliation (server/reconcile.py)
    "reconciliation": "भुगतान मिलान", "rail": "भुगतान तरीका", "reference": "संदर्भ (UTR/RRN)",
    "kiosk_amount": "मशीन की राशि", "rail_amount": "बैंक/PSP की राशि", "no_mismatches": "कोई अंतर नहीं।",
    "kind.missing_at_kiosk": "पैसा आया, मशीन में दर्ज नहीं", "kind.missing_at_rail": "मशीन में दर्ज, बैंक में नहीं",
    "kind.amount_differs": "राशि अलग",
    "do.missing_at_kiosk": "ग्रामीण को रिफंड करें या लेन-देन की पुष्टि करें।",
    "do.missing_at_rail": "PSP से UTR की जाँच करवाएँ; पैसा न आया हो तो वसूली।",
    "do.amount_differs": "PSP से सेटलमेंट सुधरवाएँ।",
}  # fmt: skip

EN: dict[str, str] = {
    "title": "e-Mitra Plus kiosks — fleet",
    "login": "Log in", "logout": "Log out", "username": "Username", "password": "Password",
    "bad_login": "Wrong username or password.",
    "division": "Division", "district": "District", "block": "Block", "machine": "Machine", "gp": "Gram panchayat",
    "centre": "Centre", "nodal": "Nodal officer", "installed": "Installed (enrolled)",
    "inspected": "Inspected/repaired", "last_inspected": "Last inspection", "transacting": "Transacting (30 days)",
    "online": "Online now", "geotagged": "Geo-tagged", "alerts": "Alerts", "all": "All",
    "total": "Total", "search": "Search", "search_hint": "code, gram panchayat or centre",
    "no_results": "Nothing found.",
    "map": "Map", "legend_online": "online, transacting", "legend_idle": "online, no transactions",
    "legend_offline": "offline", "last_beat": "Last heard", "last_txn": "Last transaction", "txns": "Transactions",
    "amount": "Amount (₹)", "yes": "yes", "no": "no", "never": "never", "position": "Position",
    "registered": "Registered position", "current": "Current position", "moved": "Distance from registered position",
    "hours": "Opening hours", "timeline": "Heartbeats (every 15 minutes)", "devices": "Device status",
    "per_day": "Transactions per day", "closes": "Day closes", "visits": "Inspections, repairs and problems",
    "open_problems": "Open problems from villagers", "open_alerts": "Open alerts", "what_to_do": "What to do",
    "report": "Monthly report card", "month": "Month", "rank": "Rank", "machines": "Machines",
    "uptime": "Uptime in opening hours %", "days_closed": "Days closed", "incidents": "Incidents",
    "by_service": "By service", "download_csv": "Download CSV", "print": "Print", "show": "Show",
    "not_found": "Not found", "bad_request": "Bad request", "back": "Back", "out_of_service": "Out of service",
    "enrolled_at": "Enrolled", "not_placed": "not placed yet", "outside_state": "outside Rajasthan (bad position)",
    "day": "Day", "hours_seen": "Hours available", "problems": "Problems", "service": "Service", "when": "When",
    "kind": "Kind", "sort": "Sort", "language": "हिन्दी", "forbidden": "Not allowed",
    "session_expired": "Please log in again.", "csrf": "The form is stale; open the page again.",
    "hint.not_found": "This address is not a machine, block or district you can see.",
    "hint.bad_request": "Something in the address or form is wrong; the reason is below.",
    "hint.forbidden": "This page is not for your role.",
    "hint.csrf": "For safety, fill in the form again.",
    "too_many": "Too many wrong attempts", "hint.too_many": "Log in again in 15 minutes, or ask the administrator.",
    "server_error": "Server problem", "hint.server_error": "Try again in a moment; the problem has been logged.",
    "unplaced": "enrolled machines whose district/block is not recorded yet",
    "txns_30": "Payments, 30 days",
    "rd_expires": "RD certificate expires", "remote_commands": "Remote commands", "rollouts": "Software rollouts",
    "visit.kiosk.inspection": "Inspection", "visit.kiosk.repair": "Repair", "visit.problem.reported": "Problem",
    "visit.kiosk.geotagged": "Geo-tag",
    "alert.offline": "Not heard from since {last_heard}",
    "do.offline": "Phone the centre operator: check power, network and that the machine is switched on.",
    "alert.idle": "Alive but no transactions for {days} days",
    "do.idle": "Visit: is the machine open to villagers? Ask the gram panchayat to tell people about it.",
    "alert.closed_in_hours": "On {day} available only {seen} of {published} published hours",
    "do.closed_in_hours": "Ask the operator why the machine was closed in published hours; enforce the hours.",
    "alert.paper_out": "Receipt printer is out of paper",
    "do.paper_out": "Have the operator load a receipt roll (58 mm) now.",
    "alert.cash_box_full": "Cash box nearly full ({notes}/{capacity} notes)",
    "do.cash_box_full": "Have the operator close the day and empty the cash box.",
    "alert.rd_expiring": "Biometric RD service ({version}): its certificate expires in {days} days",
    "alert.rd_expiring.version": "Biometric RD service version {version} is retired (minimum {minimum})",
    "do.rd_expiring": "Send the engineer to update the RD service, or Aadhaar payments will stop.",
    "alert.outbox_stuck": "{depth} records have not reached the server for {hours} hours",
    "do.outbox_stuck": "Check the network; if it persists send the engineer (kioskctl doctor).",
    "alert.quarantined": "{items} records were refused by the server (quarantined)",
    "do.quarantined": "Tell the state help desk, with the machine code.",
    "alert.vault_stuck": "{files} captured documents have not reached the server for {hours} hours",
    "do.vault_stuck": "Check the network; if it persists send the engineer (kioskctl doctor).",
    "alert.geo_moved": "Machine is {km} km from its registered position",
    "do.geo_moved": "Find out why it was moved; if approved, have the engineer geo-tag it again.",
    "alert.geo_invalid": "Position ({lat}, {lon}) is not in Rajasthan — bad GPS fix",
    "alert.rollup_halted": "This machine's figures are held back: a record could not be added ({reason})",
    "do.rollup_halted": "Tell the server administrator; every other machine's figures carry on.",
    "epoch": "Enrolment no.", "re_enrolled": "re-enrolled (repaired)",
    "do.geo_invalid": "Have the engineer geo-tag the machine again at the centre.",
    # Payment-rail reconciliation (server/reconcile.py)
    "reconciliation": "Payment reconciliation", "rail": "Rail", "reference": "Reference (UTR/RRN)",
    "kiosk_amount": "Kiosk's amount", "rail_amount": "Bank/PSP amount", "no_mismatches": "No mismatches.",
    "kind.missing_at_kiosk": "Money arrived, not recorded at the kiosk",
    "kind.missing_at_rail": "Recorded at the kiosk, not settled by the rail", "kind.amount_differs": "Amounts differ",
    "do.missing_at_kiosk": "Refund the villager or confirm the transaction.",
    "do.missing_at_rail": "Have the PSP trace the UTR; recover if no money came.",
    "do.amount_differs": "Have the PSP correct its settlement.",
}  # fmt: skip

WORDS = {"hi": HI, "en": EN}


def language(requested: str | None) -> str:
    return requested if requested in LANGUAGES else "hi"


def alert_text(lang: str, kind: str, detail: dict[str, Any]) -> tuple[str, str]:
    """(what is wrong, what to do) in the officer's language; missing numbers show as '?'."""
    words = WORDS[language(lang)]
    variant = f"alert.{kind}.version" if kind == "rd_expiring" and detail.get("minimum") else f"alert.{kind}"
    template = words.get(variant, kind)

    class Missing(dict[str, Any]):
        def __missing__(self, key: str) -> str:
            return "?"

    return template.format_map(Missing({k: ("?" if v is None else v) for k, v in detail.items()})), words.get(
        f"do.{kind}", ""
    )
