import QtQuick

// Operator mode, after the hidden gesture: the PIN pad, then the menu and its pages. Layout only: the flow decides.
Item {
    id: op
    required property var model

    function noticeText(code, args) {
        switch (code) {
        case "choose_operator": return qsTr("Tap your name first.")
        case "no_operators": return qsTr("No operator is registered on this kiosk. The engineer adds one with 'kioskctl operator add'.")
        case "wrong_pin": return qsTr("Wrong PIN. %1 more wrong tries and sign-in is locked.").arg(args[0])
        case "locked": return qsTr("Too many wrong PINs. Sign-in is locked until %1.").arg(args[0])
        case "pin_short": return qsTr("The PIN has 6 digits.")
        case "payment_open": return qsTr("%1 payment is still open. Close the day when it has finished or timed out.").arg(args[0])
        case "already_closed": return qsTr("The day %1 is already closed. The next close is tomorrow.").arg(args[0])
        case "not_counted": return qsTr("Enter how many %1 notes you counted (0 if none).").arg(args[0])
        case "bad_count": return qsTr("%2 notes of %1 cannot be right. Count again.").arg(args[0]).arg(args[1])
        case "close_refused": return qsTr("The close was refused: %1").arg(args[0])
        case "overdue": return qsTr("The day was not closed on %1. Today's close covers those days too.").arg(args[0])
        case "printed": return qsTr("Printed. Please take the paper.")
        case "not_printed": return qsTr("Not printed: the printer reports %1.").arg(args[0])
        case "reprinted": return qsTr("A duplicate of receipt %1 was printed.").arg(args[0])
        case "certificate_printed": return qsTr("The certificate paid with receipt %1 is printing on the A4 printer.").arg(args[0])
        case "certificate_not_printed": return qsTr("The certificate could not be printed (%1): %2").arg(args[0]).arg(args[1])
        case "voucher_settled": return qsTr("Voucher %1 paid out: %2. Hand the money to the villager.").arg(args[0]).arg(args[1])
        case "voucher_refused": return qsTr("The voucher cannot be paid: %1").arg(args[0])
        case "stuck_resolved": return args[1] ? qsTr("The payment for %1 is closed. What was paid is on voucher %2: pay it out to the villager.").arg(args[0]).arg(args[1])
                                              : qsTr("The payment for %1 is closed. Nothing had been paid.").arg(args[0])
        case "stuck_refused": return qsTr("The payment cannot be closed: %1").arg(args[0])
        case "out_of_service": return qsTr("The kiosk is out of service. Villagers read: %1").arg(args[0])
        case "in_service": return qsTr("The kiosk is back in service.")
        case "removal_announced": return qsTr("Recorded. Remove the cash box within 10 minutes.")
        }
        return ""
    }

    Rectangle { anchors.fill: parent; color: "#ECEFF1" }

    Rectangle {
        id: bar
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: op.model.step === "pin" ? 0 : 84
        visible: op.model.step !== "pin"
        color: "#37474F"
        Text {
            objectName: "operatorTitle"
            anchors { left: parent.left; leftMargin: 24; verticalCenter: parent.verticalCenter }
            text: qsTr("Operator mode: %1").arg(op.model.operatorName)
            color: "white"; font.pixelSize: 30; font.bold: true
        }
        Row {
            anchors { right: parent.right; rightMargin: 12; verticalCenter: parent.verticalCenter }
            spacing: 12
            Btn {
                objectName: "operatorMenuButton"
                visible: op.model.step !== "menu"
                primary: false
                height: 68
                text: qsTr("Menu")
                onClicked: op.model.back()
            }
            Btn {
                objectName: "signOutButton"
                height: 68
                text: qsTr("Sign out")
                onClicked: op.model.signOut()
            }
        }
    }

    Rectangle {
        id: banner
        objectName: "operatorMessage"
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: visible ? Math.max(70, messageText.implicitHeight + 24) : 0
        visible: op.model.message.code !== ""
        color: ["printed", "reprinted", "certificate_printed", "voucher_settled", "stuck_resolved", "in_service", "removal_announced", "out_of_service"].indexOf(op.model.message.code) >= 0 ? "#2E7D32" : "#B71C1C"
        Text {
            id: messageText
            objectName: "operatorMessageText"
            anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 20 }
            wrapMode: Text.WordWrap
            text: op.noticeText(op.model.message.code, op.model.message.args)
            color: "white"; font.pixelSize: 28; font.bold: true
        }
    }

    Item {
        id: page
        anchors { left: parent.left; right: parent.right; top: bar.bottom; bottom: banner.top; margins: 16 }
        OperatorPin { anchors.fill: parent; visible: op.model.step === "pin"; model: op.model }
        OperatorMenu { anchors.fill: parent; visible: op.model.step === "menu"; model: op.model }
        OperatorStatus { anchors.fill: parent; visible: op.model.step === "status"; model: op.model }
        OperatorCount { anchors.fill: parent; visible: op.model.step === "count"; model: op.model }
        OperatorReconciliation { anchors.fill: parent; visible: op.model.step === "reconciliation"; model: op.model }
        OperatorReport { anchors.fill: parent; visible: op.model.step === "zreport"; model: op.model }
        OperatorAadhaarLogin { anchors.fill: parent; visible: op.model.step === "aadhaar_login"; model: op.model }
        OperatorTools {
            anchors.fill: parent
            visible: ["reprint", "vouchers", "stuck", "service", "cashbox"].indexOf(op.model.step) >= 0
            model: op.model
        }
    }
}
