import QtQuick

// Cash: the notes accepted now, paid and still to pay.
Column {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    objectName: "cashPanel"
    width: Math.min(1100, journey.width - 80)
    spacing: 18
    Text { text: qsTr("Put the notes into the slot one at a time"); font.pixelSize: 34; font.bold: true; color: access.colour["#3E2723"] }
    Text { text: qsTr("Notes accepted now:"); font.pixelSize: 28; color: access.colour["#3E2723"] }
    Row {
        spacing: 12
        Repeater {
            model: journey.pay.notes
            Rectangle {
                width: 130; height: 70; radius: 8
                color: access.colour["#E8F5E9"]; border.color: access.colour["#2E7D32"]; border.width: 3
                Text { anchors.centerIn: parent; text: "₹" + modelData; font.pixelSize: 32; font.bold: true; color: access.colour["#1B5E20"] }
            }
        }
    }
    Row {
        spacing: 60
        Text { objectName: "paidText"; text: qsTr("Paid: %1").arg(journey.pay.paid); font.pixelSize: 40; font.bold: true; color: access.colour["#1B5E20"] }
        Text { objectName: "remainingText"; text: qsTr("Still to pay: %1").arg(journey.pay.remaining); font.pixelSize: 40; font.bold: true; color: access.colour["#BF360C"] }
    }
    Text {
        width: parent.width; wrapMode: Text.WordWrap
        text: qsTr("If you cancel after putting in money, you get a slip; the operator gives the money back.")
        font.pixelSize: 24; color: access.colour["#6D4C41"]
    }
    Btn { objectName: "cancelCashButton"; icon: journey.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: journey.pay.cancel() }
}
