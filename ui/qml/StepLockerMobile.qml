import QtQuick

// The locker's first step: the mobile number the villager's locker is opened with; an OTP is sent to it.
Row {
    objectName: "lockerMobilePanel"
    spacing: 40
    Column {
        width: 560
        spacing: 18
        Text { width: parent.width; wrapMode: Text.WordWrap; text: qsTr("Send the certificate to my locker"); font.pixelSize: 32; font.bold: true; color: access.colour["#3E2723"] }
        Text { width: parent.width; wrapMode: Text.WordWrap; text: qsTr("Type the mobile number of your locker (10 digits). We send an OTP to it."); font.pixelSize: 26; color: access.colour["#3E2723"] }
        Rectangle {
            width: parent.width; height: 90; radius: 12
            color: access.colour["white"]
            border.color: locker.problem !== "" ? access.colour["#B71C1C"] : access.colour["#00695C"]; border.width: 4
            Text {
                objectName: "lockerMobileDisplay"
                anchors.centerIn: parent
                text: locker.digits
                font.pixelSize: 46; font.letterSpacing: 4; font.bold: true; color: access.colour["#3E2723"]
            }
        }
        Text {
            objectName: "lockerMobileProblemText"
            width: parent.width; wrapMode: Text.WordWrap
            visible: locker.problem !== ""
            text: qsTr("This mobile number is not correct. Type a 10-digit number starting with 6, 7, 8 or 9.")
            font.pixelSize: 26; color: access.colour["#B71C1C"]
        }
        Btn { objectName: "lockerCancelButton"; primary: false; text: qsTr("Cancel"); onClicked: locker.close() }
    }
    Keypad {
        anchors.verticalCenter: parent.verticalCenter
        onDigit: (d) => locker.press(d)
        onErase: locker.backspace()
        onOk: locker.submit()
    }
}
