import QtQuick

// Everything the villager gave, at a glance, before the fee (or, for a free service, before it is submitted).
Column {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    readonly property var app: journey.model.applicationScreen
    objectName: "reviewPanel"
    width: Math.min(1100, journey.width - 80)
    spacing: 14
    Text { text: qsTr("Please check your application"); font.pixelSize: 32; font.bold: true; color: access.colour["#3E2723"] }
    Repeater {
        model: app.review
        Row {
            required property var modelData
            spacing: 20
            Text { width: 380; wrapMode: Text.WordWrap; text: modelData.label; font.pixelSize: 24; color: access.colour["#6D4C41"] }
            Text { width: 600; wrapMode: Text.WordWrap; text: modelData.value; font.pixelSize: 26; font.bold: true; color: access.colour["#3E2723"] }
        }
    }
    Text { objectName: "reviewDocumentsText"; text: qsTr("Documents scanned: %1").arg(app.documentCount) + (app.photoTaken ? "  ·  " + qsTr("Photo taken") : ""); font.pixelSize: 24; color: access.colour["#00695C"] }
    Text { objectName: "reviewFeeText"; text: qsTr("Fee: %1").arg(app.fee); font.pixelSize: 30; font.bold: true; color: access.colour["#BF360C"] }
    Row {
        spacing: 30
        Btn { objectName: "confirmApplicationButton"; width: 380; text: qsTr("Submit the application"); onClicked: { journey.app.touched(); app.confirm() } }
        Btn { objectName: "cancelReviewButton"; icon: journey.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: app.cancel() }
    }
}
