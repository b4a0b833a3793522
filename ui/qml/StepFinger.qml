import QtQuick

// The fingerprint: to check the applicant, or to pay from the bank account.
Column {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    objectName: "fingerPanel"
    width: Math.min(1000, journey.width - 80)
    spacing: 22
    Image {
        anchors.horizontalCenter: parent.horizontalCenter
        source: journey.iconDir + "finger.svg"
        sourceSize.width: 150; sourceSize.height: 150
    }
    Text {
        width: parent.width; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap
        text: journey.model.step !== "verify_finger" ? qsTr("Amount %1 will be paid from your bank account linked to Aadhaar.").arg(journey.pay.amountDue) : qsTr("We will check your fingerprint with Aadhaar.")
        font.pixelSize: 30; color: access.colour["#3E2723"]
    }
    Text {
        width: parent.width; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap
        text: qsTr("Place your finger on the reader, then press the button.")
        font.pixelSize: 30; font.bold: true; color: access.colour["#3E2723"]
    }
    Text {
        objectName: "problemTextFinger"
        visible: journey.pay.problem !== ""
        width: parent.width; horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap
        // After a 300 mismatch, the bank's own advice (kiosk/payments/aadhaar_codes.py, in Hindi and English).
        text: journey.model.aepsScreen.advice !== "" && journey.model.step === "aeps_finger" ? journey.model.aepsScreen.advice : journey.problemText(journey.pay.problem)
        font.pixelSize: 28; color: access.colour["#B71C1C"]
    }
    Row {
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: 30
        Btn {
            objectName: "fingerButton"
            width: 420; height: 100
            text: qsTr("My finger is on the reader")
            onClicked: journey.model.step === "aeps_finger" ? journey.model.aepsScreen.finger() : journey.model.step === "pay_finger" ? journey.pay.payFinger() : journey.pay.verifyFinger()
        }
        Btn { objectName: "cancelFingerButton"; icon: journey.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: journey.model.step === "aeps_finger" ? journey.model.aepsScreen.cancel() : journey.pay.cancel() }
    }
}
