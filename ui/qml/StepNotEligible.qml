import QtQuick

// A "no" to an eligibility question: why this service is not for the villager, and where to go instead.
Column {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    readonly property var app: journey.model.applicationScreen
    objectName: "notEligiblePanel"
    width: Math.min(1000, journey.width - 80)
    spacing: 30
    Text { text: qsTr("Thank you for your answer."); font.pixelSize: 36; font.bold: true; color: access.colour["#3E2723"] }
    Text {
        objectName: "refusalText"
        width: parent.width; wrapMode: Text.WordWrap
        text: app.refusal
        font.pixelSize: 32; color: access.colour["#3E2723"]
    }
    Text { text: qsTr("Nothing has been charged."); font.pixelSize: 28; color: access.colour["#1B5E20"] }
    Btn { objectName: "notEligibleHomeButton"; icon: journey.iconDir + "back.svg"; text: qsTr("Back to start"); onClicked: app.cancel() }
}
