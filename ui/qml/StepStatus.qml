import QtQuick

// An application's status.
Column {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    objectName: "statusPanel"
    width: Math.min(1000, journey.width - 80)
    spacing: 24
    Text { text: qsTr("Applicant: %1").arg(journey.outcome.consumer); font.pixelSize: 32; color: access.colour["#3E2723"] }
    Text { objectName: "statusText"; width: parent.width; wrapMode: Text.WordWrap; text: journey.statusText(journey.outcome.applicationStatus); font.pixelSize: 42; font.bold: true; color: access.colour["#00695C"] }
    Btn { objectName: "statusOkButton"; text: qsTr("OK"); onClicked: journey.outcome.finish() }
}
