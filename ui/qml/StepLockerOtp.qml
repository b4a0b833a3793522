import QtQuick

// The locker's second step: the OTP sent to the villager's phone; a wrong one says how many tries are left.
Row {
    objectName: "lockerOtpPanel"
    spacing: 40
    function problemText(p) {
        switch (p) {
        case "otp_length": return qsTr("The OTP has 6 digits. Type all of them.")
        case "wrong_otp": return qsTr("This OTP is not correct. You can try %1 more time(s).").arg(locker.triesLeft)
        case "too_many": return qsTr("Too many wrong tries. Tap \"Send a new OTP\".")
        case "expired": return qsTr("This OTP has expired. Tap \"Send a new OTP\".")
        case "offline": return qsTr("The locker cannot be reached now. Please try again in a minute.")
        case "refused": return qsTr("The locker did not accept this. Please ask the operator.")
        }
        return ""
    }
    Column {
        width: 560
        spacing: 18
        Text { objectName: "lockerOtpTitle"; width: parent.width; wrapMode: Text.WordWrap; text: qsTr("Type the OTP sent to %1").arg(locker.sentTo); font.pixelSize: 32; font.bold: true; color: access.colour["#3E2723"] }
        Rectangle {
            width: parent.width; height: 90; radius: 12
            color: access.colour["white"]
            border.color: locker.problem !== "" ? access.colour["#B71C1C"] : access.colour["#00695C"]; border.width: 4
            Text {
                objectName: "lockerOtpDisplay"
                anchors.centerIn: parent
                text: locker.digits
                font.pixelSize: 46; font.letterSpacing: 8; font.bold: true; color: access.colour["#3E2723"]
            }
        }
        Text {
            objectName: "lockerOtpProblemText"
            width: parent.width; wrapMode: Text.WordWrap
            visible: locker.problem !== ""
            text: problemText(locker.problem)
            font.pixelSize: 26; color: access.colour["#B71C1C"]
        }
        Row {
            spacing: 16
            Btn { objectName: "lockerResendButton"; primary: false; textSize: 24; text: qsTr("Send a new OTP"); onClicked: locker.resend() }
            Btn { objectName: "lockerCancelOtpButton"; primary: false; text: qsTr("Cancel"); onClicked: locker.close() }
        }
    }
    Keypad {
        anchors.verticalCenter: parent.verticalCenter
        onDigit: (d) => locker.press(d)
        onErase: locker.backspace()
        onOk: locker.submit()
    }
}
