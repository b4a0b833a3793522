import QtQuick

// An application's yes/no questions, one at a time; a "no" ends politely (StepNotEligible).
Column {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    readonly property var app: journey.model.applicationScreen
    objectName: "eligibilityPanel"
    width: Math.min(1000, journey.width - 80)
    spacing: 36
    Text { text: qsTr("First, a question about you"); font.pixelSize: 28; color: access.colour["#6D4C41"] }
    Text {
        objectName: "questionText"
        width: parent.width; wrapMode: Text.WordWrap
        text: app.question
        font.pixelSize: 36; font.bold: true; color: access.colour["#3E2723"]
    }
    Row {
        spacing: 30
        Btn { objectName: "yesButton"; width: 300; text: qsTr("Yes"); onClicked: { journey.app.touched(); app.answer(true) } }
        Btn { objectName: "noButton"; width: 300; primary: false; text: qsTr("No"); onClicked: { journey.app.touched(); app.answer(false) } }
    }
    Btn { objectName: "cancelEligibilityButton"; icon: journey.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: app.cancel() }
}
