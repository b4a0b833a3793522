import QtQuick

// The bank did not answer: the money may or may not have been taken.
Column {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    objectName: "statusUnknownPanel"
    width: Math.min(1000, journey.width - 80)
    spacing: 24
    Image {
        anchors.horizontalCenter: parent.horizontalCenter
        source: journey.iconDir + "warning.svg"
        sourceSize.width: 110; sourceSize.height: 110
    }
    Text {
        objectName: "statusUnknownText"
        width: parent.width; wrapMode: Text.WordWrap
        text: journey.problemText("status_unknown")
        font.pixelSize: 32; font.bold: true; color: access.colour["#BF360C"]
    }
    Text {
        objectName: "statusUnknownNextText"
        width: parent.width; wrapMode: Text.WordWrap
        text: qsTr("If the money was taken, your bill is paid; if not, nothing will be taken. The operator settles it within 2 working days. Keep the slip (reference %1).").arg(journey.outcome.reference)
        font.pixelSize: 28; color: access.colour["#3E2723"]
    }
    Text {
        objectName: "statusUnknownSlipText"
        width: parent.width; wrapMode: Text.WordWrap
        text: journey.outcome.printed ? qsTr("Take the slip from the printer below.") : qsTr("The slip could not be printed: please show this screen to the operator.")
        font.pixelSize: 28; color: journey.outcome.printed ? access.colour["#3E2723"] : access.colour["#B71C1C"]
    }
    Btn { objectName: "statusUnknownOkButton"; text: qsTr("OK"); onClicked: journey.outcome.finish() }
}
