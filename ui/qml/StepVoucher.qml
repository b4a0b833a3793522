import QtQuick

// Not completed: the slip that gets the money back from the operator.
Column {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    objectName: "voucherPanel"
    width: Math.min(1000, journey.width - 80)
    spacing: 24
    Text { width: parent.width; wrapMode: Text.WordWrap; text: qsTr("The payment was not completed. Your money is safe."); font.pixelSize: 38; font.bold: true; color: access.colour["#BF360C"] }
    Text {
        objectName: "voucherText"
        width: parent.width; wrapMode: Text.WordWrap
        text: qsTr("You put in %1. Take slip number %2 to the operator to get it back.").arg(journey.outcome.voucherAmount).arg(journey.outcome.voucherNo)
        font.pixelSize: 32; color: access.colour["#3E2723"]
    }
    Btn { objectName: "voucherOkButton"; text: qsTr("OK"); onClicked: journey.outcome.finish() }
}
