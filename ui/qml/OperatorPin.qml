import QtQuick

// Sign-in: pick your name, type your personal 6-digit PIN. Nothing else of operator mode is on this page.
Item {
    id: pin
    required property var model
    Column {
        anchors { left: parent.left; top: parent.top; leftMargin: 40; topMargin: 20 }
        width: parent.width / 2 - 60
        spacing: 16
        Text {
            text: qsTr("Operator sign-in")
            font.pixelSize: 40; font.bold: true; color: "#263238"
        }
        Text {
            width: parent.width
            wrapMode: Text.WordWrap
            text: qsTr("Tap your name, then type your 6-digit PIN.")
            font.pixelSize: 26; color: "#37474F"
        }
        Repeater {
            model: pin.model.operators
            Btn {
                objectName: "operator_" + modelData.id
                width: 420; height: 72
                primary: pin.model.chosenOperator === modelData.id
                text: modelData.name
                onClicked: pin.model.chooseOperator(modelData.id)
            }
        }
        Btn {
            objectName: "pinCancelButton"
            width: 420; height: 72
            primary: false
            text: qsTr("Back to the villager screen")
            onClicked: pin.model.signOut()
        }
    }
    Column {
        anchors { right: parent.right; top: parent.top; rightMargin: 80; topMargin: 20 }
        spacing: 24
        Row {
            objectName: "pinDots"
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 18
            Repeater {
                model: 6
                Rectangle {
                    width: 34; height: 34; radius: 17
                    color: index < pin.model.pinLength ? "#263238" : "transparent"
                    border.color: "#263238"; border.width: 3
                }
            }
        }
        Keypad {
            anchors.horizontalCenter: parent.horizontalCenter
            onDigit: (d) => pin.model.press(d)
            onErase: pin.model.backspace()
            onOk: pin.model.submitPin()
        }
    }
}
