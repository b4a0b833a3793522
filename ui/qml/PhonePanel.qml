import QtQuick

// "Send the receipt to my phone": the mobile number on the keypad, checked while it is typed, never shown again
// after sending except masked.
Rectangle {
    id: panel
    property string iconDir: ""
    visible: phone.panelOpen
    color: access.colour["#CC000000"]
    MouseArea { anchors.fill: parent }  // nothing behind the card takes a tap while it is open
    function problemText(p) {
        if (p === "") return ""
        return qsTr("This mobile number is not correct. Type a 10-digit number starting with 6, 7, 8 or 9.")
    }
    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 40, 1100); height: Math.min(parent.height - 20, 560)
        radius: 20
        color: access.colour["#FFF8EE"]
        border.color: access.colour["#00695C"]; border.width: 4
        Row {
            anchors.centerIn: parent
            spacing: 40
            Column {
                width: 560
                spacing: 18
                Row {
                    spacing: 16
                    Image { source: panel.iconDir + "phone.svg"; sourceSize.width: 72; sourceSize.height: 72 }
                    Text {
                        width: 470; anchors.verticalCenter: parent.verticalCenter; wrapMode: Text.WordWrap
                        text: qsTr("Send the receipt to my phone")
                        font.pixelSize: 32; font.bold: true; color: access.colour["#3E2723"]
                    }
                }
                Text { text: qsTr("Mobile number (10 digits)"); font.pixelSize: 28; color: access.colour["#3E2723"] }
                Rectangle {
                    width: parent.width; height: 90; radius: 12
                    color: access.colour["white"]
                    border.color: phone.problem !== "" ? access.colour["#B71C1C"] : access.colour["#00695C"]; border.width: 4
                    Text {
                        objectName: "mobileDisplay"
                        anchors.centerIn: parent
                        text: phone.digits
                        font.pixelSize: 46; font.letterSpacing: 4; font.bold: true; color: access.colour["#3E2723"]
                    }
                }
                Text {
                    objectName: "mobileProblemText"
                    width: parent.width; wrapMode: Text.WordWrap
                    visible: phone.problem !== ""
                    text: panel.problemText(phone.problem)
                    font.pixelSize: 26; color: access.colour["#B71C1C"]
                }
                Text {
                    objectName: "sendFailedText"
                    width: parent.width; wrapMode: Text.WordWrap
                    visible: phone.failed
                    text: qsTr("Could not send now. Scan the code instead, or ask the operator.")
                    font.pixelSize: 26; color: access.colour["#B71C1C"]
                }
                Btn { objectName: "cancelPhoneButton"; primary: false; text: qsTr("Cancel"); onClicked: phone.close() }
            }
            Keypad {
                anchors.verticalCenter: parent.verticalCenter
                onDigit: (d) => phone.press(d)
                onErase: phone.backspace()
                onOk: phone.send()
            }
        }
    }
}
