import QtQuick

// Submitted: the application number, when to expect the answer, the office, and the slip with the QR to follow it.
Column {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    readonly property var app: journey.model.applicationScreen
    objectName: "applicationDonePanel"
    width: Math.min(1000, journey.width - 80)
    spacing: 20
    Text { text: qsTr("Your application has been submitted."); font.pixelSize: 38; font.bold: true; color: access.colour["#1B5E20"] }
    Text { objectName: "applicationNumberText"; text: qsTr("Application number: %1").arg(app.number); font.pixelSize: 36; font.bold: true; color: access.colour["#3E2723"] }
    Text { objectName: "expectedText"; text: qsTr("Expected by: %1").arg(app.expectedOn); font.pixelSize: 30; color: access.colour["#3E2723"] }
    Text { width: parent.width; wrapMode: Text.WordWrap; text: qsTr("Office: %1").arg(app.office); font.pixelSize: 28; color: access.colour["#3E2723"] }
    Text { visible: journey.outcome.receiptNo !== ""; text: qsTr("Receipt number: %1").arg(journey.outcome.receiptNo); font.pixelSize: 28; color: access.colour["#3E2723"] }
    Text {
        objectName: "slipText"
        width: parent.width; wrapMode: Text.WordWrap
        text: app.slipPrinted ? qsTr("Take the acknowledgement slip from the printer below. Scan its QR code, or use 'Check application status' at any kiosk, to follow your application.") : qsTr("The slip could not be printed. Write down your application number; the operator can print the slip for you.")
        font.pixelSize: 26; color: app.slipPrinted ? access.colour["#3E2723"] : access.colour["#B71C1C"]
    }
    Btn { objectName: "applicationFinishButton"; text: qsTr("Finish"); onClicked: journey.outcome.finish() }
}
