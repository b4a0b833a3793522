import QtQuick

// Consent to the Aadhaar fingerprint check before a certificate is printed.
Column {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    objectName: "consentPanel"
    width: Math.min(1000, journey.width - 80)
    spacing: 22
    Text { text: qsTr("Applicant: %1").arg(journey.pay.consumer); font.pixelSize: 32; color: access.colour["#3E2723"] }
    Text { text: qsTr("Fee: %1").arg(journey.pay.amountDue); font.pixelSize: 36; font.bold: true; color: access.colour["#BF360C"] }
    Text {
        width: parent.width; wrapMode: Text.WordWrap
        text: qsTr("To print the certificate we check that you are the applicant with your Aadhaar fingerprint. Your fingerprint is not stored. Do you agree?")
        font.pixelSize: 30; color: access.colour["#3E2723"]
    }
    Row {
        spacing: 30
        Btn { objectName: "consentButton"; width: 340; text: qsTr("Yes, I agree"); onClicked: journey.pay.consent() }
        Btn { objectName: "refuseButton"; width: 340; primary: false; text: qsTr("No, go back"); onClicked: journey.pay.cancel() }
    }
}
