import QtQuick

// A complaint about a bill paid here through Bharat BillPay: the receipt number on the keypad, then the reason;
// a complaint already registered on that payment is shown with its status instead of registering another.
Rectangle {
    id: c
    required property var app
    required property var model
    required property string iconDir
    visible: model.step !== "closed"
    // Left untouched (the attract loop starts): closed, so the next villager sees no one else's complaint.
    readonly property bool untouched: app.attract
    onUntouchedChanged: if (untouched) model.close()
    color: access.colour["#FFF8EE"]
    MouseArea { anchors.fill: parent }  // the screen below takes no taps while this is up

    function problemText(p) {
        switch (p) {
        case "not_found": return qsTr("No bill payment with this receipt number was made at this machine. Check the number on your receipt.")
        case "pending": return qsTr("The biller has not confirmed this payment yet, so a complaint cannot be made now. Please try again tomorrow or ask the operator.")
        case "unavailable": return qsTr("The Bharat BillPay computer cannot be reached right now. Please try again later.")
        }
        return ""
    }
    function statusText(s) {
        switch (s) {
        case "ASSIGNED": return qsTr("Sent to the biller; waiting for their answer")
        case "RESOLVED": return qsTr("Resolved")
        case "REJECTED": return qsTr("Rejected")
        }
        return s
    }

    Text {
        id: heading
        anchors { top: parent.top; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        text: qsTr("Complaint about a bill payment")
        font.pixelSize: 40; font.bold: true; color: access.colour["#3E2723"]
    }

    Row {
        objectName: "complaintReceiptPanel"
        visible: c.model.step === "enter_receipt"
        anchors { top: heading.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        spacing: 50
        Column {
            width: Math.min(640, c.width - 480)
            spacing: 18
            Text {
                width: parent.width; wrapMode: Text.WordWrap
                text: qsTr("Type the receipt number printed on your receipt.")
                font.pixelSize: 30; color: access.colour["#3E2723"]
            }
            Rectangle {
                width: parent.width; height: 90; radius: 12
                color: access.colour["white"]; border.color: c.model.problem !== "" ? access.colour["#B71C1C"] : access.colour["#00695C"]; border.width: 4
                Text { objectName: "complaintDigits"; anchors.centerIn: parent; text: c.model.digits; font.pixelSize: 46; font.bold: true; color: access.colour["#3E2723"] }
            }
            Text {
                objectName: "complaintProblem"
                visible: c.model.problem !== ""
                width: parent.width; wrapMode: Text.WordWrap
                text: c.problemText(c.model.problem)
                font.pixelSize: 28; color: access.colour["#B71C1C"]
            }
            Text { visible: c.model.waiting; text: qsTr("Please wait…"); font.pixelSize: 28; color: access.colour["#3E2723"] }
            Btn { objectName: "complaintCancel"; icon: c.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: c.model.close() }
        }
        Keypad {
            onDigit: (d) => { c.app.touched(); c.model.press(d) }
            onErase: { c.app.touched(); c.model.backspace() }
            onOk: { c.app.touched(); c.model.submit() }
        }
    }

    Column {
        objectName: "complaintReasonPanel"
        visible: c.model.step === "choose_reason"
        anchors { top: heading.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        width: Math.min(900, c.width - 80)
        spacing: 18
        Text { text: qsTr("Payment to %1 · BBPS reference %2").arg(c.model.biller).arg(c.model.txnRef); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 28; color: access.colour["#3E2723"] }
        Text { text: qsTr("What went wrong?"); font.pixelSize: 32; font.bold: true; color: access.colour["#3E2723"] }
        Btn { objectName: "reasonNotCredited"; width: parent.width; text: qsTr("The biller does not show my payment"); onClicked: c.model.choose("NOT_CREDITED") }
        Btn { objectName: "reasonWrongAmount"; width: parent.width; text: qsTr("The wrong amount was paid"); onClicked: c.model.choose("WRONG_AMOUNT") }
        Btn { objectName: "reasonDuplicate"; width: parent.width; text: qsTr("I was charged twice"); onClicked: c.model.choose("DUPLICATE") }
        Btn { objectName: "reasonOther"; width: parent.width; text: qsTr("Something else"); onClicked: c.model.choose("OTHER") }
        Text { visible: c.model.problem !== ""; width: parent.width; wrapMode: Text.WordWrap; text: c.problemText(c.model.problem); font.pixelSize: 28; color: access.colour["#B71C1C"] }
        Btn { icon: c.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: c.model.close() }
    }

    Column {
        objectName: "complaintShownPanel"
        visible: c.model.step === "shown"
        anchors { top: heading.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        width: Math.min(900, c.width - 80)
        spacing: 18
        Text { text: c.model.registeredNow ? qsTr("Your complaint is registered.") : qsTr("A complaint on this payment is already registered."); font.pixelSize: 36; font.bold: true; color: access.colour["#1B5E20"] }
        Text { objectName: "complaintIdText"; text: qsTr("Complaint number: %1").arg(c.model.complaintId); font.pixelSize: 34; font.bold: true; color: access.colour["#3E2723"] }
        Text { objectName: "complaintStatusText"; text: qsTr("Status: %1").arg(c.statusText(c.model.status)); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 30; color: access.colour["#3E2723"] }
        Text { text: qsTr("Handled by: %1").arg(c.model.assignedTo); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 28; color: access.colour["#3E2723"] }
        Text { text: qsTr("Note the complaint number. Type your receipt number here again to see its status."); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 26; color: access.colour["#3E2723"] }
        Btn { objectName: "complaintDone"; text: qsTr("Finish"); onClicked: c.model.close() }
    }
}
