import QtQuick

// Offline: the amount from the paper bill, for a provisional receipt.
Row {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    objectName: "enterAmountPanel"
    spacing: 50
    Column {
        width: Math.min(640, journey.width - 480)
        spacing: 18
        Text {
            width: parent.width
            wrapMode: Text.WordWrap
            visible: !journey.bbps.active
            text: qsTr("The office computer cannot be reached right now. You can still pay: type the amount printed on your bill. You will get a provisional receipt.")
            font.pixelSize: 28; color: access.colour["#3E2723"]
        }
        BbpsQuote { bbps: journey.bbps; part: "range"; width: parent.width }
        Rectangle {
            width: parent.width; height: 90; radius: 12
            color: access.colour["white"]; border.color: journey.entry.problem !== "" ? access.colour["#B71C1C"] : access.colour["#00695C"]; border.width: 4
            Text {
                objectName: "amountDisplay"
                anchors.centerIn: parent
                text: "₹ " + journey.entry.amountDigits
                font.pixelSize: 46; font.bold: true; color: access.colour["#3E2723"]
            }
        }
        Text {
            objectName: "problemTextAmount"
            width: parent.width
            wrapMode: Text.WordWrap
            visible: journey.entry.problem !== ""
            text: journey.problemText(journey.entry.problem)
            font.pixelSize: 28; color: access.colour["#B71C1C"]
        }
        Btn { objectName: "cancelAmountButton"; icon: journey.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: journey.entry.cancel() }
    }
    Keypad {
        onDigit: (d) => { journey.app.touched(); journey.entry.press(d) }
        onErase: { journey.app.touched(); journey.entry.backspace() }
        onOk: { journey.app.touched(); journey.entry.submit() }
    }
}
