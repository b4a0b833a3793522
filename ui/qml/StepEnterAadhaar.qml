import QtQuick

// The Aadhaar number, before any fingerprint (shown masked: XXXX XXXX 1234).
Row {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    objectName: "enterAadhaarPanel"
    spacing: 50
    Column {
        width: Math.min(640, journey.width - 480)
        spacing: 18
        Text {
            width: parent.width
            wrapMode: Text.WordWrap
            text: qsTr("Type your 12-digit Aadhaar number on the keypad. It is used only for this payment and is not kept.")
            font.pixelSize: 28; color: access.colour["#3E2723"]
        }
        Rectangle {
            width: parent.width; height: 90; radius: 12
            color: access.colour["white"]; border.color: journey.entry.problem !== "" ? access.colour["#B71C1C"] : access.colour["#00695C"]; border.width: 4
            Text {
                objectName: "aadhaarDisplay"
                anchors.centerIn: parent
                text: journey.entry.aadhaarDigits
                font.pixelSize: 46; font.letterSpacing: 4; font.bold: true; color: access.colour["#3E2723"]
            }
        }
        Text {
            objectName: "problemTextAadhaar"
            width: parent.width
            wrapMode: Text.WordWrap
            visible: journey.entry.problem !== ""
            text: journey.entry.problem === "length" ? qsTr("An Aadhaar number has 12 digits. Please type it again.") : qsTr("This Aadhaar number is not correct. One digit may be wrong. Look at your Aadhaar card and type it again.")
            font.pixelSize: 28; color: access.colour["#B71C1C"]
        }
        Btn { objectName: "cancelAadhaarButton"; icon: journey.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: journey.entry.cancel() }
    }
    Keypad {
        onDigit: (d) => { journey.app.touched(); journey.entry.press(d) }
        onErase: { journey.app.touched(); journey.entry.backspace() }
        onOk: { journey.app.touched(); journey.entry.submit() }
    }
}
