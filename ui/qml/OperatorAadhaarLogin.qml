import QtQuick

// The operator's daily Aadhaar Pay login: PIN, the operator's own Aadhaar number, then a finger on the reader.
// The finger's capture and match run off the Qt thread: the page shows a spinner and takes no taps meanwhile.
Item {
    id: login
    required property var model
    readonly property var view: login.model.aadhaarLogin

    function noticeText(code, args) {
        switch (code) {
        case "pin_short": return qsTr("The PIN has 6 digits.")
        case "aadhaar_short": return qsTr("Your Aadhaar number has 12 digits.")
        case "aadhaar_invalid": return qsTr("This is not a valid Aadhaar number. Check it on your Aadhaar card and type it again.")
        case "wrong_pin": return qsTr("Wrong PIN. %1 more wrong tries and sign-in is locked.").arg(args[0])
        case "locked": return qsTr("Too many wrong PINs. Sign-in is locked until %1.").arg(args[0])
        case "not_read": return qsTr("The finger was not read (%1). Clean the reader and your finger, press it flat and try again.").arg(args[0])
        case "mismatch": return qsTr("The finger did not match your Aadhaar. Try again with another finger, pressed flat.")
        case "biometrics_locked": return qsTr("Your Aadhaar biometrics are locked. Unlock them in the mAadhaar app or at uidai.gov.in, then try again.")
        case "refused": return qsTr("UIDAI refused the login (code %1). Check your Aadhaar number and try again.").arg(args[0])
        case "unavailable": return qsTr("The server did not answer: nothing was decided. Check the internet connection and try the finger again.")
        case "done": return qsTr("Aadhaar Pay login done for %1. Villagers can pay by Aadhaar Pay until midnight.").arg(args[0])
        }
        return ""
    }

    Column {
        anchors { left: parent.left; top: parent.top; leftMargin: 40; topMargin: 10 }
        width: parent.width / 2 - 40
        spacing: 18
        Text {
            width: parent.width; wrapMode: Text.WordWrap
            text: qsTr("Aadhaar Pay: daily login")
            font.pixelSize: 36; font.bold: true; color: "#263238"
        }
        Text {
            objectName: "aadhaarLoginPrompt"
            width: parent.width; wrapMode: Text.WordWrap
            text: login.view.phase === "pin" ? qsTr("Type your 6-digit operator PIN, then OK.")
                : login.view.phase === "aadhaar" ? qsTr("Type your own 12-digit Aadhaar number, then OK. It is not stored.")
                : login.view.phase === "finger" ? qsTr("Place your finger flat on the reader, then press the button.")
                : login.view.phase === "waiting" ? qsTr("Reading your finger and asking UIDAI. Please wait…")
                : qsTr("Today's login is done.")
            font.pixelSize: 28; color: "#37474F"
        }
        Rectangle {
            objectName: "aadhaarLoginMessage"
            visible: login.view.message.code !== ""
            width: parent.width; height: visible ? messageText.implicitHeight + 24 : 0
            radius: 10
            color: login.view.message.code === "done" ? "#2E7D32" : "#B71C1C"
            Text {
                id: messageText
                objectName: "aadhaarLoginMessageText"
                anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; margins: 14 }
                wrapMode: Text.WordWrap
                text: login.noticeText(login.view.message.code, login.view.message.args)
                color: "white"; font.pixelSize: 26; font.bold: true
            }
        }
    }

    Column {
        anchors { right: parent.right; top: parent.top; rightMargin: 80; topMargin: 10 }
        width: 380
        spacing: 20
        visible: login.view.phase === "pin" || login.view.phase === "aadhaar"
        Row {
            objectName: "aadhaarLoginPinDots"
            visible: login.view.phase === "pin"
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 18
            Repeater {
                model: 6
                Rectangle {
                    width: 34; height: 34; radius: 17
                    color: index < login.view.pinLength ? "#263238" : "transparent"
                    border.color: "#263238"; border.width: 3
                }
            }
        }
        Text {
            objectName: "aadhaarLoginNumber"
            visible: login.view.phase === "aadhaar"
            anchors.horizontalCenter: parent.horizontalCenter
            text: login.view.number !== "" ? login.view.number : "____ ____ ____"
            font.pixelSize: 40; font.bold: true; color: "#263238"
        }
        Keypad {
            anchors.horizontalCenter: parent.horizontalCenter
            onDigit: (d) => login.model.press(d)
            onErase: login.model.backspace()
            onOk: login.model.aadhaarLoginOk()
        }
    }

    Btn {
        objectName: "aadhaarLoginFingerButton"
        visible: login.view.phase === "finger"
        anchors { right: parent.right; rightMargin: 80; verticalCenter: parent.verticalCenter }
        width: 420; height: 110
        text: qsTr("My finger is on the reader")
        onClicked: login.model.aadhaarLoginOk()
    }

    Item {
        objectName: "aadhaarLoginSpinner"
        visible: login.view.waiting
        anchors { right: parent.right; rightMargin: 200; verticalCenter: parent.verticalCenter }
        width: 140; height: 140
        Repeater {
            model: 8
            Rectangle {
                required property int index
                x: 70 + 56 * Math.cos(index * Math.PI / 4) - 12
                y: 70 + 56 * Math.sin(index * Math.PI / 4) - 12
                width: 24; height: 24; radius: 12
                color: "#37474F"
                opacity: 0.25 + index * 0.1
            }
        }
        RotationAnimation on rotation {
            running: login.view.waiting
            from: 0; to: 360; duration: 1200; loops: Animation.Infinite
        }
    }
}
