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

    // -- number entry --------------------------------------------------------------------------
    Row {
        objectName: "enterNumberPanel"
        visible: j.model.step === "enter_number"
        anchors { top: title.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        spacing: 50
        Column {
            width: Math.min(640, j.width - 480)
            spacing: 18
            Text {
                width: parent.width
                wrapMode: Text.WordWrap
                text: qsTr("Type your %1 (%2 digits) on the keypad").arg(j.entry.fieldLabel).arg(j.entry.fieldLength)
                font.pixelSize: 30; color: access.colour["#3E2723"]
            }
            Rectangle {
                width: parent.width; height: 90; radius: 12
                color: access.colour["white"]; border.color: j.entry.problem !== "" ? access.colour["#B71C1C"] : access.colour["#00695C"]; border.width: 4
                Text {
                    objectName: "numberDisplay"
                    anchors.centerIn: parent
                    text: j.entry.digits
                    font.pixelSize: 46; font.letterSpacing: 4; font.bold: true; color: access.colour["#3E2723"]
                }
            }
            Text {
                objectName: "problemText"
                width: parent.width
                wrapMode: Text.WordWrap
                visible: j.entry.problem !== ""
                text: j.problemText(j.entry.problem)
                font.pixelSize: 28; color: access.colour["#B71C1C"]
            }
            Text {
                objectName: "offlineNotice"
                width: parent.width
                wrapMode: Text.WordWrap
                text: j.entry.offline === "online_only" ? qsTr("This service needs the internet.") : qsTr("This service works even without internet: you get a provisional receipt.")
                font.pixelSize: 24; color: access.colour["#6D4C41"]
            }
            Btn {
                objectName: "cancelEntryButton"
                icon: j.iconDir + "cancel.svg"
                primary: false
                text: qsTr("Cancel")
                onClicked: j.entry.cancel()
            }
        }
        Keypad {
            onDigit: (d) => { j.app.touched(); j.entry.press(d) }
            onErase: { j.app.touched(); j.entry.backspace() }
            onOk: { j.app.touched(); j.entry.submit() }
        }
    }

    // -- offline: the amount from the paper bill, for a provisional receipt ----------------------
    Row {
        objectName: "enterAmountPanel"
        visible: j.model.step === "enter_amount"
        anchors { top: title.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        spacing: 50
        Column {
            width: Math.min(640, j.width - 480)
            spacing: 18
            Text {
                width: parent.width
                wrapMode: Text.WordWrap
                visible: !j.bbps.active
                text: qsTr("The office computer cannot be reached right now. You can still pay: type the amount printed on your bill. You will get a provisional receipt.")
                font.pixelSize: 28; color: access.colour["#3E2723"]
            }
            BbpsQuote { bbps: j.bbps; part: "range"; width: parent.width }
            Rectangle {
                width: parent.width; height: 90; radius: 12
                color: access.colour["white"]; border.color: j.entry.problem !== "" ? access.colour["#B71C1C"] : access.colour["#00695C"]; border.width: 4
                Text {
                    objectName: "amountDisplay"
                    anchors.centerIn: parent
                    text: "₹ " + j.entry.amountDigits
                    font.pixelSize: 46; font.bold: true; color: access.colour["#3E2723"]
                }
            }
            Text {
                objectName: "problemTextAmount"
                width: parent.width
                wrapMode: Text.WordWrap
                visible: j.entry.problem !== ""
                text: j.problemText(j.entry.problem)
                font.pixelSize: 28; color: access.colour["#B71C1C"]
            }
            Btn { objectName: "cancelAmountButton"; icon: j.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: j.entry.cancel() }
        }
        Keypad {
            onDigit: (d) => { j.app.touched(); j.entry.press(d) }
            onErase: { j.app.touched(); j.entry.backspace() }
            onOk: { j.app.touched(); j.entry.submit() }
        }
    }

    // -- the Aadhaar number, before any fingerprint (shown masked: XXXX XXXX 1234) -------------------
    Row {
        objectName: "enterAadhaarPanel"
        visible: j.model.step === "enter_aadhaar"
        anchors { top: title.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        spacing: 50
        Column {
            width: Math.min(640, j.width - 480)
            spacing: 18
            Text {
                width: parent.width
                wrapMode: Text.WordWrap
                text: qsTr("Type your 12-digit Aadhaar number on the keypad. It is used only for this payment and is not kept.")
                font.pixelSize: 28; color: access.colour["#3E2723"]
            }
            Rectangle {
                width: parent.width; height: 90; radius: 12
                color: access.colour["white"]; border.color: j.entry.problem !== "" ? access.colour["#B71C1C"] : access.colour["#00695C"]; border.width: 4
                Text {
                    objectName: "aadhaarDisplay"
                    anchors.centerIn: parent
                    text: j.entry.aadhaarDigits
                    font.pixelSize: 46; font.letterSpacing: 4; font.bold: true; color: access.colour["#3E2723"]
                }
            }
            Text {
                objectName: "problemTextAadhaar"
                width: parent.width
                wrapMode: Text.WordWrap
                visible: j.entry.problem !== ""
                text: j.entry.problem === "length" ? qsTr("An Aadhaar number has 12 digits. Please type it again.") : qsTr("This Aadhaar number is not correct. One digit may be wrong. Look at your Aadhaar card and type it again.")
                font.pixelSize: 28; color: access.colour["#B71C1C"]
            }
            Btn { objectName: "cancelAadhaarButton"; icon: j.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: j.entry.cancel() }
        }
        Keypad {
            onDigit: (d) => { j.app.touched(); j.entry.press(d) }
            onErase: { j.app.touched(); j.entry.backspace() }
            onOk: { j.app.touched(); j.entry.submit() }
        }
    }

    // -- the amount, and how to pay -------------------------------------------------------------
    Column {
        objectName: "choosePaymentPanel"
        visible: j.model.step === "choose_payment"
        anchors { top: title.bottom; topMargin: 24; horizontalCenter: parent.horizontalCenter }
        width: Math.min(1000, j.width - 80)
        spacing: 20
        Text {
            text: j.model.flow === "bill_payment" ? qsTr("Name: %1 · Due date: %2").arg(j.pay.consumer).arg(j.pay.dueDate) : qsTr("Name: %1").arg(j.pay.consumer)
            font.pixelSize: 30; color: access.colour["#3E2723"]
        }
        Text {
            objectName: "amountDueText"
            text: qsTr("Amount to pay: %1").arg(j.pay.amountDue)
            font.pixelSize: 48; font.bold: true; color: access.colour["#BF360C"]
        }
        BbpsQuote { bbps: j.bbps; part: "quote"; width: parent.width }
        Text {
            objectName: "problemTextPay"
            visible: j.pay.problem !== ""
            width: parent.width; wrapMode: Text.WordWrap
            text: j.problemText(j.pay.problem)
            font.pixelSize: 28; color: access.colour["#B71C1C"]
        }
        Text { text: qsTr("How do you want to pay?"); font.pixelSize: 30; color: access.colour["#3E2723"] }
        Row {
            spacing: 30
            Btn {
                objectName: "payCashButton"
                icon: j.iconDir + "cash.svg"
                visible: j.pay.paymentModes.indexOf("cash") >= 0
                width: 420; height: 110
                text: qsTr("Pay in cash")
                textSize: 34
                onClicked: j.pay.chooseCash()
            }
            Btn {
                objectName: "payAadhaarButton"
                icon: j.iconDir + "finger.svg"
                visible: j.pay.paymentModes.indexOf("aadhaar") >= 0
                width: 420; height: 110
                text: qsTr("Pay with Aadhaar (fingerprint)")
                textSize: 30
                onClicked: j.pay.chooseAadhaar()
            }
        }
        Btn { objectName: "cancelPayButton"; icon: j.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: j.pay.cancel() }
    }

    // -- cash -----------------------------------------------------------------------------------
    Column {
        objectName: "cashPanel"
        visible: j.model.step === "cash"
        anchors { top: title.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        width: Math.min(1100, j.width - 80)
        spacing: 18
        Text { text: qsTr("Put the notes into the slot one at a time"); font.pixelSize: 34; font.bold: true; color: access.colour["#3E2723"] }
        Text { text: qsTr("Notes accepted now:"); font.pixelSize: 28; color: access.colour["#3E2723"] }
        Row {
            spacing: 12
            Repeater {
                model: j.pay.notes
                Rectangle {
                    width: 130; height: 70; radius: 8
                    color: access.colour["#E8F5E9"]; border.color: access.colour["#2E7D32"]; border.width: 3
                    Text { anchors.centerIn: parent; text: "₹" + modelData; font.pixelSize: 32; font.bold: true; color: access.colour["#1B5E20"] }
                }
            }
        }
        Row {
            spacing: 60
            Text { objectName: "paidText"; text: qsTr("Paid: %1").arg(j.pay.paid); font.pixelSize: 40; font.bold: true; color: access.colour["#1B5E20"] }
            Text { objectName: "remainingText"; text: qsTr("Still to pay: %1").arg(j.pay.remaining); font.pixelSize: 40; font.bold: true; color: access.colour["#BF360C"] }
        }
        Text {
            width: parent.width; wrapMode: Text.WordWrap
            text: qsTr("If you cancel after putting in money, you get a slip; the operator gives the money back.")
            font.pixelSize: 24; color: access.colour["#6D4C41"]
        }
        Btn { objectName: "cancelCashButton"; icon: j.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: j.pay.cancel() }
    }

    // -- consent and fingerprint ----------------------------------------------------------------
    Column {
        objectName: "consentPanel"
        visible: j.model.step === "consent"
        anchors { top: title.bottom; topMargin: 24; horizontalCenter: parent.horizontalCenter }
        width: Math.min(1000, j.width - 80)
        spacing: 22
        Text { text: qsTr("Applicant: %1").arg(j.pay.consumer); font.pixelSize: 32; color: access.colour["#3E2723"] }
        Text { text: qsTr("Fee: %1").arg(j.pay.amountDue); font.pixelSize: 36; font.bold: true; color: access.colour["#BF360C"] }
        Text {
            width: parent.width; wrapMode: Text.WordWrap
            text: qsTr("To print the certificate we check that you are the applicant with your Aadhaar fingerprint. Your fingerprint is not stored. Do you agree?")
            font.pixelSize: 30; color: access.colour["#3E2723"]
        }
        Row {
            spacing: 30
            Btn { objectName: "consentButton"; width: 340; text: qsTr("Yes, I agree"); onClicked: j.pay.consent() }
            Btn { objectName: "refuseButton"; width: 340; primary: false; text: qsTr("No, go back"); onClicked: j.pay.cancel() }
        }
    }

    Column {
        objectName: "fingerPanel"
        visible: j.model.step === "verify_finger" || j.model.step === "pay_finger"
        anchors { top: title.bottom; topMargin: 24; horizontalCenter: parent.horizontalCenter }
        width: Math.min(1000, j.width - 80)
        spacing: 22
        Image {
            anchors.horizontalCenter: parent.horizontalCenter
            source: j.iconDir + "finger.svg"
            sourceSize.width: 150; sourceSize.height: 150
        }
        Text {
            width: parent.width; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap
            text: j.model.step === "pay_finger" ? qsTr("Amount %1 will be paid from your bank account linked to Aadhaar.").arg(j.pay.amountDue) : qsTr("We will check your fingerprint with Aadhaar.")
            font.pixelSize: 30; color: access.colour["#3E2723"]
        }
        Text {
            width: parent.width; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap
            text: qsTr("Place your finger on the reader, then press the button.")
            font.pixelSize: 30; font.bold: true; color: access.colour["#3E2723"]
        }
        Text {
            objectName: "problemTextFinger"
            visible: j.pay.problem !== ""
            width: parent.width; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap
            text: j.problemText(j.pay.problem)
            font.pixelSize: 28; color: access.colour["#B71C1C"]
        }
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 30
            Btn {
                objectName: "fingerButton"
                width: 420; height: 100
                text: qsTr("My finger is on the reader")
                onClicked: j.model.step === "pay_finger" ? j.pay.payFinger() : j.pay.verifyFinger()
            }
            Btn { objectName: "cancelFingerButton"; icon: j.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: j.pay.cancel() }
        }
    }

    // -- results --------------------------------------------------------------------------------
    Row {
        objectName: "donePanel"
        visible: j.model.step === "done"
        anchors { top: title.bottom; topMargin: 24; horizontalCenter: parent.horizontalCenter }
        spacing: 50
        Column {
            width: Math.min(700, j.width - 420)
            spacing: 20
            Text { text: qsTr("Payment received. Thank you!"); font.pixelSize: 40; font.bold: true; color: access.colour["#1B5E20"] }
            Text { objectName: "receiptNoText"; text: qsTr("Receipt number: %1").arg(j.outcome.receiptNo); font.pixelSize: 32; color: access.colour["#3E2723"] }
            BbpsQuote { bbps: j.bbps; part: "approval"; width: parent.width }
            Text {
                objectName: "provisionalText"
                visible: j.outcome.provisional
                width: parent.width; wrapMode: Text.WordWrap
                text: qsTr("This is a provisional receipt: the payment is sent to the office when the internet is back. Keep the receipt.")
                font.pixelSize: 26; font.bold: true; color: access.colour["#BF360C"]
            }
            Text { text: qsTr("Amount paid: %1").arg(j.outcome.paid); font.pixelSize: 32; color: access.colour["#3E2723"] }
            Text {
                objectName: "printedText"
                width: parent.width; wrapMode: Text.WordWrap
                text: j.outcome.printed ? qsTr("Take your receipt from the printer below.") : qsTr("The receipt could not be printed. Your payment is safe: scan the code with your phone, or ask the operator for a copy.")
                font.pixelSize: 28; color: j.outcome.printed ? access.colour["#3E2723"] : access.colour["#B71C1C"]
            }
            Text {
                objectName: "certificateText"
                visible: j.outcome.certificate !== ""
                width: parent.width; wrapMode: Text.WordWrap
                text: j.outcome.certificate === "printed" ? qsTr("Your certificate is printing on the big printer. Take it from its tray.") : qsTr("The certificate could not be printed now. Your payment is safe: show your receipt to the operator, who will print it for you.")
                font.pixelSize: 28; font.bold: true; color: j.outcome.certificate === "printed" ? access.colour["#1B5E20"] : access.colour["#B71C1C"]
            }
            Text {
                visible: j.outcome.voucherNo !== ""
                width: parent.width; wrapMode: Text.WordWrap
                text: qsTr("You paid %1 extra. Take slip number %2 to the operator for your change.").arg(j.outcome.voucherAmount).arg(j.outcome.voucherNo)
                font.pixelSize: 28; font.bold: true; color: access.colour["#BF360C"]
            }
            Btn { objectName: "finishButton"; text: qsTr("Finish"); onClicked: j.outcome.finish() }
        }
        Column {
            spacing: 10
            Image {
                objectName: "receiptQr"
                source: phone.qrImage !== "" ? phone.qrImage : j.outcome.qrImage  // the short link when online
                width: 300; height: 300
                smooth: false
            }
            Text { width: 300; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter; text: phone.qrImage !== "" && j.model.flow === "certificate_print" ? qsTr("Scan for the certificate on your phone") : qsTr("Scan for the e-receipt on your phone"); font.pixelSize: 24; color: access.colour["#3E2723"] }
            PhoneButton { width: 300; iconDir: j.iconDir }
        }
    }

    Column {
        objectName: "voucherPanel"
        visible: j.model.step === "voucher"
        anchors { top: title.bottom; topMargin: 40; horizontalCenter: parent.horizontalCenter }
        width: Math.min(1000, j.width - 80)
        spacing: 24
        Text { width: parent.width; wrapMode: Text.WordWrap; text: qsTr("The payment was not completed. Your money is safe."); font.pixelSize: 38; font.bold: true; color: access.colour["#BF360C"] }
        Text {
            objectName: "voucherText"
            width: parent.width; wrapMode: Text.WordWrap
            text: qsTr("You put in %1. Take slip number %2 to the operator to get it back.").arg(j.outcome.voucherAmount).arg(j.outcome.voucherNo)
            font.pixelSize: 32; color: access.colour["#3E2723"]
        }
        Btn { objectName: "voucherOkButton"; text: qsTr("OK"); onClicked: j.outcome.finish() }
    }

    Column {
        objectName: "statusPanel"
        visible: j.model.step === "status_shown"
        anchors { top: title.bottom; topMargin: 40; horizontalCenter: parent.horizontalCenter }
        width: Math.min(1000, j.width - 80)
        spacing: 24
        Text { text: qsTr("Applicant: %1").arg(j.outcome.consumer); font.pixelSize: 32; color: access.colour["#3E2723"] }
        Text { objectName: "statusText"; width: parent.width; wrapMode: Text.WordWrap; text: j.statusText(j.outcome.applicationStatus); font.pixelSize: 42; font.bold: true; color: access.colour["#00695C"] }
        Btn { objectName: "statusOkButton"; text: qsTr("OK"); onClicked: j.outcome.finish() }
    }

    Column {
        objectName: "errorPanel"
        visible: j.model.step === "error"
        anchors { top: title.bottom; topMargin: 40; horizontalCenter: parent.horizontalCenter }
        width: Math.min(1000, j.width - 80)
        spacing: 28
        Image {
            anchors.horizontalCenter: parent.horizontalCenter
            source: j.iconDir + "warning.svg"
            sourceSize.width: 110; sourceSize.height: 110
        }
        Text {
            objectName: "errorText"
            width: parent.width; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
            text: j.problemText(j.outcome.problem)
            font.pixelSize: 34; color: access.colour["#B71C1C"]
        }
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 30
            Btn { objectName: "retryButton"; text: qsTr("Try again"); onClicked: j.outcome.retry() }
            Btn { objectName: "errorHomeButton"; icon: j.iconDir + "back.svg"; primary: false; text: qsTr("Back to start"); onClicked: j.outcome.finish() }
        }
    }

    Column {
        objectName: "statusUnknownPanel"
        visible: j.model.step === "status_unknown"
        anchors { top: title.bottom; topMargin: 40; horizontalCenter: parent.horizontalCenter }
        width: Math.min(1000, j.width - 80)
        spacing: 24
        Image {
            anchors.horizontalCenter: parent.horizontalCenter
            source: j.iconDir + "warning.svg"
            sourceSize.width: 110; sourceSize.height: 110
        }
        Text {
            objectName: "statusUnknownText"
            width: parent.width; wrapMode: Text.WordWrap
            text: j.problemText("status_unknown")
            font.pixelSize: 32; font.bold: true; color: access.colour["#BF360C"]
        }
        Text {
            objectName: "statusUnknownNextText"
            width: parent.width; wrapMode: Text.WordWrap
            text: qsTr("If the money was taken, your bill is paid; if not, nothing will be taken. The operator settles it within 2 working days. Keep the slip (reference %1).").arg(j.outcome.reference)
            font.pixelSize: 28; color: access.colour["#3E2723"]
        }
        Text {
            objectName: "statusUnknownSlipText"
            width: parent.width; wrapMode: Text.WordWrap
            text: j.outcome.printed ? qsTr("Take the slip from the printer below.") : qsTr("The slip could not be printed: please show this screen to the operator.")
            font.pixelSize: 28; color: j.outcome.printed ? access.colour["#3E2723"] : access.colour["#B71C1C"]
        }
        Btn { objectName: "statusUnknownOkButton"; text: qsTr("OK"); onClicked: j.outcome.finish() }
    }

    // -- slow work running off the Qt thread: the screen keeps moving and says what it waits for --------------
    Rectangle {
        objectName: "waitingPanel"
        visible: j.model.waiting !== ""
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; top: title.bottom }
        color: access.colour["#FFF8EE"]  // covers the step underneath: its buttons wait until the work is done
        MouseArea { anchors.fill: parent }  // taps on the panels underneath wait until the work is done
        Column {
            anchors.centerIn: parent
            width: Math.min(900, j.width - 80)
            spacing: 36
            Item {
                objectName: "waitingSpinner"
                anchors.horizontalCenter: parent.horizontalCenter
                width: 140; height: 140
                Repeater {
                    model: 8
                    Rectangle {
                        required property int index
                        x: 70 + 56 * Math.cos(index * Math.PI / 4) - 12
                        y: 70 + 56 * Math.sin(index * Math.PI / 4) - 12
                        width: 24; height: 24; radius: 12
                        color: access.colour["#00695C"]
                        opacity: 0.25 + index * 0.1
                    }
                }
                RotationAnimation on rotation {
                    running: j.model.waiting !== ""
                    from: 0; to: 360; duration: 1200; loops: Animation.Infinite
                }
            }
            Text {
                objectName: "waitingText"
                width: parent.width; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
                text: j.waitingText(j.model.waiting)
                font.pixelSize: 34; font.bold: true; color: access.colour["#3E2723"]
            }
            Btn {
                objectName: "cancelWaitingButton"
                anchors.horizontalCenter: parent.horizontalCenter
                visible: j.model.cancellable
                icon: j.iconDir + "cancel.svg"
                primary: false
                text: qsTr("Cancel")
                onClicked: j.model.cancel()
            }
        }
    }
}
