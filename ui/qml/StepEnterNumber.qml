import QtQuick

// Typing the bill's or application's number on the keypad.
Row {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    objectName: "enterNumberPanel"
    spacing: 50
    Column {
        width: Math.min(640, journey.width - 480)
        spacing: 18
        Text {
            width: parent.width
            wrapMode: Text.WordWrap
            text: qsTr("Type your %1 (%2 digits) on the keypad").arg(journey.entry.fieldLabel).arg(journey.entry.fieldLength)
            font.pixelSize: 30; color: access.colour["#3E2723"]
        }
        Rectangle {
            width: parent.width; height: 90; radius: 12
            color: access.colour["white"]; border.color: journey.entry.problem !== "" ? access.colour["#B71C1C"] : access.colour["#00695C"]; border.width: 4
            Text {
                objectName: "numberDisplay"
                anchors.centerIn: parent
                text: journey.entry.digits
                font.pixelSize: 46; font.letterSpacing: 4; font.bold: true; color: access.colour["#3E2723"]
            }
        }
        Text {
            objectName: "problemText"
            width: parent.width
            wrapMode: Text.WordWrap
            visible: journey.entry.problem !== ""
            text: journey.problemText(journey.entry.problem)
            font.pixelSize: 28; color: access.colour["#B71C1C"]
        }
        Text {
            objectName: "offlineNotice"
            width: parent.width
            wrapMode: Text.WordWrap
            text: journey.entry.offline === "online_only" ? qsTr("This service needs the internet.") : qsTr("This service works even without internet: you get a provisional receipt.")
            font.pixelSize: 24; color: access.colour["#6D4C41"]
        }
        Btn {
            objectName: "cancelEntryButton"
            icon: journey.iconDir + "cancel.svg"
            primary: false
            text: qsTr("Cancel")
            onClicked: journey.entry.cancel()
        }
    }
    Keypad {
        onDigit: (d) => { journey.app.touched(); journey.entry.press(d) }
        onErase: { journey.app.touched(); journey.entry.backspace() }
        onOk: { journey.app.touched(); journey.entry.submit() }
    }
}
