import QtQuick

// The blind count: how many notes of each value are in the box. No expected figure is on this page.
Item {
    id: cnt
    required property var model
    Column {
        id: list
        anchors { left: parent.left; top: parent.top; leftMargin: 30 }
        width: parent.width * 0.45
        spacing: 10
        Text { text: qsTr("Count the cash box"); font.pixelSize: 34; font.bold: true; color: "#263238" }
        Repeater {
            model: cnt.model.countRows
            Rectangle {
                objectName: "count_" + modelData.paise
                width: list.width; height: 74; radius: 12
                color: modelData.selected ? "#FFF3E0" : "white"
                border.color: modelData.selected ? "#E65100" : "#B0BEC5"; border.width: modelData.selected ? 4 : 2
                Text {
                    anchors { left: parent.left; leftMargin: 20; verticalCenter: parent.verticalCenter }
                    text: qsTr("%1 notes").arg(modelData.label)
                    font.pixelSize: 30; font.bold: true; color: "#263238"
                }
                Text {
                    objectName: "countEntry_" + modelData.paise
                    anchors { right: parent.right; rightMargin: 24; verticalCenter: parent.verticalCenter }
                    text: modelData.entry !== "" ? modelData.entry : "—"
                    font.pixelSize: 34; font.bold: true; color: "#263238"
                }
                MouseArea { anchors.fill: parent; onClicked: cnt.model.selectDenomination(modelData.paise) }
            }
        }
    }
    Column {
        anchors { right: parent.right; top: parent.top; rightMargin: 40 }
        width: parent.width * 0.45
        spacing: 18
        Text {
            width: parent.width
            wrapMode: Text.WordWrap
            text: qsTr("Type the number of notes of each value; OK goes to the next. The kiosk shows its own figures only after you submit, and a submitted count cannot be changed.")
            font.pixelSize: 22; color: "#37474F"
        }
        Keypad {
            anchors.horizontalCenter: parent.horizontalCenter
            onDigit: (d) => cnt.model.press(d)
            onErase: cnt.model.backspace()
            onOk: cnt.model.nextDenomination()
        }
        Btn {
            objectName: "submitCountButton"
            anchors.horizontalCenter: parent.horizontalCenter
            width: 360
            text: qsTr("Submit the count")
            onClicked: cnt.model.submitCount()
        }
    }
}
