"""What the kiosk says aloud: one prompt per screen and per important state, in Hindi and English.

Fixed prompts are synthesised ahead of time into an audio bundle keyed by message id (ui/audio_build.py);
sentences with amounts are built here from kiosk/speech.py and synthesised on demand.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk import speech
from kiosk.money import Money

LANGUAGES = ("hi", "en")


@dataclass(frozen=True, slots=True)
class Prompt:
    id: str
    hi: str
    en: str

    def text(self, language: str) -> str:
        if language not in LANGUAGES:
            raise ValueError(f"language must be 'hi' or 'en', got {language!r}")
        return self.hi if language == "hi" else self.en


def _p(id_: str, hi: str, en: str) -> Prompt:
    return Prompt(id_, hi, en)


# Screens first, then states, then problems (one per kiosk.flows.base.Problem, each saying what to do next).
PROMPTS: tuple[Prompt, ...] = (
    _p(
        "screen.home",
        "नमस्ते। सेवा चुनने के लिए उसकी तस्वीर को छुएँ। दोबारा सुनने के लिए स्पीकर का बटन दबाएँ।",
        "Welcome. Touch a picture to choose a service. Press the speaker button to hear this again.",
    ),
    _p(
        "screen.closed",
        "केंद्र अभी बंद है। कृपया खुलने के समय पर आएँ।",
        "The centre is closed now. Please come back when it is open.",
    ),
    _p(
        "screen.catalogue",
        "सूची में से अपनी सेवा चुनें, या उसका नाम खोजें।",
        "Choose your service from the list, or search for its name.",
    ),
    _p("screen.info", "इस सेवा की जानकारी स्क्रीन पर है।", "The information about this service is on the screen."),
    _p(
        "screen.enter_number",
        "अपने बिल पर लिखा नंबर बटनों से लिखें, फिर ठीक है दबाएँ।",
        "Type the number printed on your bill on the keypad, then press OK.",
    ),
    _p(
        "screen.enter_amount",
        "दफ़्तर का कंप्यूटर अभी नहीं मिल रहा। बिल पर छपी राशि लिखें, फिर ठीक है दबाएँ।",
        "The office computer cannot be reached. Type the amount printed on your bill, then press OK.",
    ),
    _p(
        "screen.choose_payment",
        "राशि देख लें। नकद, यूपीआई या आधार अंगूठे से देने के लिए उसका बटन दबाएँ।",
        "Check the amount. Press a button to pay in cash, by UPI or with your Aadhaar fingerprint.",
    ),
    _p(
        "screen.cash",
        "नोट एक-एक करके मशीन में डालें।",
        "Put the notes into the slot one at a time.",
    ),
    _p(
        "screen.consent",
        "प्रमाण पत्र छापने के लिए आपका आधार अंगूठा जाँचा जाएगा। अंगूठे की छाप रखी नहीं जाती। क्या आप सहमत हैं?",
        "To print the certificate we check your Aadhaar fingerprint. It is not stored. Do you agree?",
    ),
    _p(
        "screen.enter_aadhaar",
        "अपना बारह अंकों का आधार नंबर बटनों से लिखें, फिर ठीक है दबाएँ। यह नंबर रखा नहीं जाता।",
        "Type your twelve-digit Aadhaar number on the keypad, then press OK. The number is not kept.",
    ),
    _p(
        "screen.choose_bank",
        "आपका पैसा किस बैंक में है? बैंक के नाम के कुछ अक्षर लिखें, फिर अपने बैंक को छुएँ।",
        "Which bank is your money in? Type a few letters of the bank's name, then touch your bank.",
    ),
    _p(
        "screen.finger",
        "अपनी उँगली मशीन पर रखें, फिर बटन दबाएँ।",
        "Place your finger on the reader, then press the button.",
    ),
    _p(
        "state.receipt_printing",
        "भुगतान हो गया, धन्यवाद। रसीद छप रही है, नीचे से ले लें।",
        "Payment received, thank you. Your receipt is printing: take it from the printer below.",
    ),
    _p(
        "state.receipt_not_printed",
        "भुगतान सुरक्षित है, पर रसीद नहीं छप सकी। फ़ोन से कोड स्कैन करें या ऑपरेटर से प्रति लें।",
        "Your payment is safe, but the receipt could not be printed. Scan the code with your phone "
        "or ask the operator for a copy.",
    ),
    _p(
        "state.voucher",
        "भुगतान पूरा नहीं हुआ। आपका पैसा सुरक्षित है। पर्ची ऑपरेटर को देकर पैसे वापस लें।",
        "The payment was not completed. Your money is safe. Give the slip to the operator to get it back.",
    ),
    _p(
        "state.status_shown",
        "आपके आवेदन की स्थिति स्क्रीन पर है।",
        "The status of your application is on the screen.",
    ),
    _p(
        "state.still_there",
        "क्या आप अभी भी यहाँ हैं? जारी रखने के लिए स्क्रीन छुएँ।",
        "Are you still there? Touch the screen to continue.",
    ),
    _p(
        "state.phone_number",
        "रसीद फ़ोन पर पाने के लिए अपना दस अंकों का मोबाइल नंबर लिखें।",
        "To get the receipt on your phone, type your ten-digit mobile number.",
    ),
    _p("state.phone_sent", "रसीद का लिंक आपके फ़ोन पर भेज दिया गया है।", "The receipt link has been sent to your phone."),
    _p(
        "problem.phone_invalid",
        "यह मोबाइल नंबर सही नहीं है। दस अंकों का नंबर लिखें जो छह, सात, आठ या नौ से शुरू हो।",
        "This mobile number is not correct. Type a ten-digit number starting with 6, 7, 8 or 9.",
    ),
    _p(
        "problem.length",
        "नंबर में अंकों की गिनती सही नहीं है। बिल देखकर दोबारा लिखें।",
        "This number has the wrong number of digits. Check your bill and type it again.",
    ),
    _p(
        "problem.checksum",
        "यह नंबर सही नहीं है, शायद एक अंक गलत है। बिल देखकर दोबारा लिखें।",
        "This number is not correct; one digit may be wrong. Check your bill and type it again.",
    ),
    _p("problem.digits_only", "कृपया केवल अंक लिखें।", "Please type only digits."),
    _p(
        "problem.not_found",
        "इस नंबर का कोई रिकॉर्ड नहीं मिला। नंबर जाँचकर फिर से कोशिश करें।",
        "No record was found for this number. Check the number and try again.",
    ),
    _p(
        "problem.timeout",
        "दफ़्तर के कंप्यूटर ने समय पर जवाब नहीं दिया। कुछ मिनट बाद फिर कोशिश करें। आपका पैसा नहीं कटा।",
        "The office computer did not answer in time. Try again in a few minutes. No money was taken.",
    ),
    _p(
        "problem.unavailable",
        "अभी इंटरनेट नहीं है। बाद में कोशिश करें या ऑपरेटर से पूछें।",
        "There is no internet connection now. Try again later or ask the operator.",
    ),
    _p(
        "problem.not_ready",
        "आपका प्रमाण पत्र अभी तैयार नहीं है। कोई पैसा नहीं लिया गया। कुछ दिन बाद स्थिति देखें।",
        "Your certificate is not ready yet. Nothing was charged. Check the status again in a few days.",
    ),
    _p(
        "problem.declined",
        "बैंक ने भुगतान मंज़ूर नहीं किया। कोई पैसा नहीं कटा। आप नकद दे सकते हैं।",
        "The bank did not approve the payment. Nothing was charged. You can pay in cash instead.",
    ),
    _p(
        "problem.finger_retry",
        "उँगली पढ़ी नहीं जा सकी। उँगली साफ़ करके सीधी रखें और फिर कोशिश करें।",
        "The finger could not be read. Clean your finger, press it flat on the reader and try again.",
    ),
    _p(
        "problem.finger_failed",
        "अंगूठा पढ़ने वाली मशीन काम नहीं कर रही। नकद दें या ऑपरेटर से पूछें।",
        "The fingerprint reader is not working. Please pay in cash or ask the operator.",
    ),
    _p(
        "problem.cash_unavailable",
        "नकद मशीन अभी काम नहीं कर रही। आधार से भुगतान करें या ऑपरेटर से पूछें।",
        "The cash machine is not working now. Please pay with Aadhaar or ask the operator.",
    ),
    _p(
        "problem.nothing_due",
        "इस बिल पर कुछ भी बाकी नहीं है। आपको भुगतान नहीं करना है।",
        "Nothing is due on this bill. You do not need to pay.",
    ),
    _p(
        "problem.amount",
        "बिल पर छपी राशि रुपयों में लिखें।",
        "Please type the amount printed on your bill, in rupees.",
    ),
    _p(
        "problem.status_unknown",
        "बैंक से समय पर उत्तर नहीं आया। इस बिल का दोबारा भुगतान न करें। पर्ची ले लें, ऑपरेटर मिलान करेगा।",
        "The bank did not answer in time. Do not pay this bill again. Take the slip; the operator will settle it.",
    ),
    _p("problem.cancelled", "रद्द कर दिया गया। कोई पैसा नहीं कटा।", "Cancelled. Nothing has been charged."),
    _p(
        "problem.rail_expired",
        "समय पूरा हो गया, कोई पैसा नहीं कटा। दोबारा कोशिश करें या दूसरा तरीका चुनें।",
        "Time ran out and nothing was charged. Try again or choose another way to pay.",
    ),
    _p(
        "problem.rail_declined",
        "बैंक ने भुगतान स्वीकार नहीं किया, कोई पैसा नहीं कटा। दोबारा कोशिश करें या दूसरा तरीका चुनें।",
        "The bank did not accept the payment and nothing was charged. Try again or choose another way to pay.",
    ),
    _p(
        "screen.rail_wait",
        "अपने फ़ोन के किसी भी यूपीआई ऐप से स्क्रीन का क्यूआर कोड स्कैन करें और भुगतान करें। समय नीचे दिख रहा है।",
        "Scan the QR code on the screen with any UPI app on your phone and pay. The time left is shown below.",
    ),
    _p(
        "state.rail_retry",
        "भुगतान नहीं हुआ, कोई पैसा नहीं कटा। दोबारा कोशिश करें या दूसरा तरीका चुनें।",
        "The payment did not go through and nothing was charged. Try again or choose another way to pay.",
    ),
    _p(
        "problem.not_offered",
        "यह सेवा अभी इस मशीन पर नहीं मिल सकती, स्कैनर या कैमरा काम नहीं कर रहा। कोई शुल्क नहीं लिया गया। ऑपरेटर से कहें।",
        "This service cannot be used on this machine now: the scanner or camera is not working. Nothing was charged.",
    ),
    _p("screen.eligibility", "पहले एक प्रश्न का उत्तर हाँ या नहीं में दें।", "First, answer a question with yes or no."),
    _p(
        "state.not_eligible",
        "यह सेवा आपके लिए नहीं है। स्क्रीन पर लिखा है कि कहाँ जाएँ।",
        "This service is not for you. The screen says where to go instead.",
    ),
    _p(
        "screen.form",
        "अपना विवरण भरें। नाम हिंदी या अंग्रेज़ी अक्षरों में लिख सकते हैं।",
        "Fill in your details. Names may be typed in Hindi or English letters.",
    ),
    _p(
        "screen.scan",
        "पन्ने को उल्टा करके स्कैनर के काँच पर रखें, ढक्कन बंद करें और पन्ना स्कैन करें छुएँ।",
        "Put the page face down on the scanner glass, close the lid and touch Scan page.",
    ),
    _p(
        "screen.photo",
        "स्क्रीन के ऊपर लगे कैमरे में सीधे देखें और फ़ोटो लें छुएँ।",
        "Look straight at the camera above the screen and touch Take photo.",
    ),
    _p(
        "screen.review",
        "अपना आवेदन जाँच लें, फिर आवेदन जमा करें छुएँ।",
        "Check your application, then touch Submit the application.",
    ),
    _p(
        "state.status_unknown",
        "भुगतान की स्थिति अभी पता नहीं। पर्ची ले लें और दोबारा भुगतान न करें।",
        "The payment status is not known yet. Take the slip and do not pay again.",
    ),
)

_BY_ID = {p.id: p for p in PROMPTS}  # tests check no id appears twice


def prompt(prompt_id: str) -> Prompt:
    try:
        return _BY_ID[prompt_id]
    except KeyError:
        raise KeyError(f"no spoken prompt with id {prompt_id!r}") from None


def prompt_ids() -> tuple[str, ...]:
    return tuple(_BY_ID)


# A journey step → its screen prompt (steps not listed speak nothing new: CLOSED goes home).
_STEP_PROMPTS = {
    "enter_number": "screen.enter_number",
    "enter_amount": "screen.enter_amount",
    "choose_payment": "screen.choose_payment",
    "cash": "screen.cash",
    "consent": "screen.consent",
    "enter_aadhaar": "screen.enter_aadhaar",
    "verify_finger": "screen.finger",
    "pay_finger": "screen.finger",
    "choose_bank": "screen.choose_bank",
    "aeps_finger": "screen.finger",
    "voucher": "state.voucher",
    "status_shown": "state.status_shown",
    "status_unknown": "state.status_unknown",
    "rail_wait": "screen.rail_wait",
    "rail_retry": "state.rail_retry",
    "eligibility": "screen.eligibility",
    "not_eligible": "state.not_eligible",
    "form": "screen.form",
    "scan": "screen.scan",
    "photo": "screen.photo",
    "review": "screen.review",
}


def prompt_for(screen: str, *, step: str = "", problem: str = "", printed: bool = False) -> str | None:
    """Which prompt a screen in a given state speaks: a problem first (it says what to do), then the step."""
    if screen == "journey":
        if problem and f"problem.{problem}" in _BY_ID:
            return f"problem.{problem}"
        if step == "done":
            return "state.receipt_printing" if printed else "state.receipt_not_printed"
        return _STEP_PROMPTS.get(step)
    return {
        "home": "screen.home",
        "closed": "screen.closed",
        "catalogue": "screen.catalogue",
        "info": "screen.info",
    }.get(screen)


def note_accepted(note: Money, still_due: Money, language: str) -> str:
    """'सौ रुपये जमा हुए, बाकी पचास रुपये' — spoken after each note is credited."""
    return speech.note_accepted(note, still_due, language)


def amount_to_pay(amount: Money, language: str) -> str:
    if language == "hi":
        return f"देय राशि {speech.spoken_amount(amount, 'hi')}।"
    return f"Amount to pay: {speech.spoken_amount(amount, 'en')}."
