import QtQuick

// One journey, one panel per step. Every wording of a problem says what happened and what to do next.
Item {
    id: j
    required property var app
    required property string iconDir
    readonly property var model: app.journeyModel  // the journey: step, flow, service name
    // One view-model per screen group: the keypad screens, the paying screens, and how it ended.
    readonly property var entry: model.entryScreen
    readonly property var pay: model.paymentScreen
    readonly property var outcome: model.outcomeScreen
    readonly property var bbps: model.bbpsScreen  // Bharat BillPay: range, fee and total, approval (BbpsQuote.qml)

    function problemText(p) {
        switch (p) {
        case "length": return qsTr("This number has the wrong number of digits. It must have %1 digits. Please check your bill and type it again.").arg(j.entry.fieldLength)
        case "checksum": return qsTr("This number is not correct. One digit may be wrong. Please check your bill and type it again.")
        case "digits_only": return qsTr("Please type only digits.")
        case "not_found": return qsTr("No record was found for this number. Check the number on your bill or paper and try again.")
        case "timeout": return qsTr("The office computer did not answer in time. Please try again in a few minutes. Your money has not been taken.")
        case "unavailable": return qsTr("There is no internet connection right now. Please try again later or ask the operator.")
        case "not_ready": return qsTr("Your certificate is not ready yet. Nothing has been charged. Check the status again in a few days.")
        case "declined": return qsTr("The bank did not approve the payment. Nothing has been charged. You can pay in cash instead.")
        case "finger_retry": return qsTr("The finger could not be read. Clean your finger, press it flat on the reader and try again.")
        case "finger_failed": return qsTr("The fingerprint reader is not working. Please pay in cash or ask the operator.")
        case "cash_unavailable": return qsTr("The cash machine is not working right now. Please pay with Aadhaar or ask the operator.")
        case "nothing_due": return qsTr("Nothing is due on this bill. You do not need to pay.")
        case "amount": return qsTr("Please type the amount printed on your bill, in rupees.")
        case "status_unknown": return qsTr("The bank did not answer in time, so we do not know yet whether the money was taken. Do not pay again for this bill.")
        case "cancelled": return qsTr("Cancelled. Nothing has been charged.")
        case "not_offered": return qsTr("This service cannot be used on this machine right now: the scanner or the camera is not working. Nothing has been charged. Please ask the operator.")
        }
        return ""
    }
    function waitingText(w) {
        switch (w) {
        case "lookup": return qsTr("Asking the office computer about your number…")
        case "capture": return qsTr("Reading your finger. Keep it flat on the reader…")
        case "authorise": return qsTr("Asking your bank to approve the payment. Please do not leave…")
        case "inquire": return qsTr("The bank is slow. Checking whether the payment went through…")
        case "print": return qsTr("Printing. Please wait…")
        case "scan": return qsTr("Scanning. Please do not lift the lid or move…")
        }
        return qsTr("Please wait…")
    }
    function statusText(s) {
        switch (s) {
        case "submitted": return qsTr("Submitted, waiting for the office")
        case "under_review": return qsTr("Being checked by the office")
        case "approved": return qsTr("Approved")
        case "rejected": return qsTr("Rejected: please meet the office")
        case "ready": return qsTr("Ready: you can print it here")
        }
        return s
    }

    Text {
        id: title
        objectName: "serviceTitle"
        anchors { left: parent.left; right: parent.right; top: parent.top; margins: 20 }
        horizontalAlignment: Text.AlignHCenter
        elide: Text.ElideRight
        text: j.model.serviceName
        font.pixelSize: 36; font.bold: true; color: access.colour["#3E2723"]
    }
    // The step switch: one file per step (Step*.qml); JourneyWaiting covers the step while slow work runs.
    StepEnterNumber { journey: j; visible: j.model.step === "enter_number"; anchors { top: title.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter } }
    StepEnterAmount { journey: j; visible: j.model.step === "enter_amount"; anchors { top: title.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter } }
    StepEnterAadhaar { journey: j; visible: j.model.step === "enter_aadhaar"; anchors { top: title.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter } }
    StepChoosePayment { journey: j; visible: j.model.step === "choose_payment"; anchors { top: title.bottom; topMargin: 24; horizontalCenter: parent.horizontalCenter } }
    StepCash { journey: j; visible: j.model.step === "cash"; anchors { top: title.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter } }
    StepConsent { journey: j; visible: j.model.step === "consent"; anchors { top: title.bottom; topMargin: 24; horizontalCenter: parent.horizontalCenter } }
    StepFinger { journey: j; visible: j.model.step === "verify_finger" || j.model.step === "pay_finger" || j.model.step === "aeps_finger"; anchors { top: title.bottom; topMargin: 24; horizontalCenter: parent.horizontalCenter } }
    StepDone { journey: j; visible: j.model.step === "done" && j.model.flow !== "application"; anchors { top: title.bottom; topMargin: 24; horizontalCenter: parent.horizontalCenter } }
    StepVoucher { journey: j; visible: j.model.step === "voucher"; anchors { top: title.bottom; topMargin: 40; horizontalCenter: parent.horizontalCenter } }
    StepStatus { journey: j; visible: j.model.step === "status_shown"; anchors { top: title.bottom; topMargin: 40; horizontalCenter: parent.horizontalCenter } }
    StepError { journey: j; visible: j.model.step === "error"; anchors { top: title.bottom; topMargin: 40; horizontalCenter: parent.horizontalCenter } }
    // Applications (kiosk/flows/application_steps.py): eligibility, form, pages, photo, review, slip.
    StepEligibility { journey: j; visible: j.model.step === "eligibility"; anchors { top: title.bottom; topMargin: 30; horizontalCenter: parent.horizontalCenter } }
    StepNotEligible { journey: j; visible: j.model.step === "not_eligible"; anchors { top: title.bottom; topMargin: 30; horizontalCenter: parent.horizontalCenter } }
    StepForm { journey: j; visible: j.model.step === "form"; anchors { top: title.bottom; topMargin: 12; horizontalCenter: parent.horizontalCenter } }
    StepScan { journey: j; visible: j.model.step === "scan"; anchors { top: title.bottom; topMargin: 12; horizontalCenter: parent.horizontalCenter } }
    StepPhoto { journey: j; visible: j.model.step === "photo"; anchors { top: title.bottom; topMargin: 12; horizontalCenter: parent.horizontalCenter } }
    StepReview { journey: j; visible: j.model.step === "review"; anchors { top: title.bottom; topMargin: 16; horizontalCenter: parent.horizontalCenter } }
    StepApplicationDone { journey: j; visible: j.model.step === "done" && j.model.flow === "application"; anchors { top: title.bottom; topMargin: 24; horizontalCenter: parent.horizontalCenter } }
    StepStatusUnknown { journey: j; visible: j.model.step === "status_unknown"; anchors { top: title.bottom; topMargin: 40; horizontalCenter: parent.horizontalCenter } }
    // Aadhaar Pay's bank step (StepAadhaarBank.qml), loaded only while it shows: a kiosk without the rail has no list.
    Loader { active: j.model.step === "choose_bank"; sourceComponent: bankStep; width: Math.min(1280, parent.width); anchors { top: title.bottom; bottom: parent.bottom; horizontalCenter: parent.horizontalCenter } }
    Component {
        id: bankStep
        StepAadhaarBank { banks: j.model.aepsScreen.bankChoice; onCancelled: j.pay.cancel() }  // nothing opened yet
    }
    StepRail { journey: j }  // UPI QR and its countdown; retry or another way (StepRail.qml)
    JourneyWaiting { journey: j; visible: j.model.waiting !== ""; anchors { left: parent.left; right: parent.right; bottom: parent.bottom; top: title.bottom } }
}
