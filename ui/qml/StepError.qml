import QtQuick

// What went wrong and what to do next: try again or go back to the start.
Column {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    objectName: "errorPanel"
    width: Math.min(1000, journey.width - 80)
    spacing: 28
    Image {
        anchors.horizontalCenter: parent.horizontalCenter
        source: journey.iconDir + "warning.svg"
        sourceSize.width: 110; sourceSize.height: 110
    }
    Text {
        objectName: "errorText"
        width: parent.width; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
        text: journey.problemText(journey.outcome.problem)
        font.pixelSize: 34; color: access.colour["#B71C1C"]
    }
    Row {
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: 30
        Btn { objectName: "retryButton"; text: qsTr("Try again"); onClicked: journey.outcome.retry() }
        Btn { objectName: "errorHomeButton"; icon: journey.iconDir + "back.svg"; primary: false; text: qsTr("Back to start"); onClicked: journey.outcome.finish() }
    }
}
