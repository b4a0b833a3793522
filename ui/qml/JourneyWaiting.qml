import QtQuick

// Slow work running off the Qt thread: the screen keeps moving and says what it waits for; it covers the step underneath, whose buttons wait until the work is done.
Rectangle {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    objectName: "waitingPanel"
    color: access.colour["#FFF8EE"]  // covers the step underneath: its buttons wait until the work is done
    MouseArea { anchors.fill: parent }  // taps on the panels underneath wait until the work is done
    Column {
        anchors.centerIn: parent
        width: Math.min(900, journey.width - 80)
        spacing: 36
        Item {
            objectName: "waitingSpinner"
            anchors.horizontalCenter: parent.horizontalCenter
            width: 140; height: 140
            Repeater {
                model: 8
                Rectangle {
                    required property int index
                    x: 70 + 56 * Math.cos(index * Math.PI / 4) - 12
                    y: 70 + 56 * Math.sin(index * Math.PI / 4) - 12
                    width: 24; height: 24; radius: 12
                    color: access.colour["#00695C"]
                    opacity: 0.25 + index * 0.1
                }
            }
            RotationAnimation on rotation {
                running: journey.model.waiting !== ""
                from: 0; to: 360; duration: 1200; loops: Animation.Infinite
            }
        }
        Text {
            objectName: "waitingText"
            width: parent.width; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
            text: journey.waitingText(journey.model.waiting)
            font.pixelSize: 34; font.bold: true; color: access.colour["#3E2723"]
        }
        Btn {
            objectName: "cancelWaitingButton"
            anchors.horizontalCenter: parent.horizontalCenter
            visible: journey.model.cancellable
            icon: journey.iconDir + "cancel.svg"
            primary: false
            text: qsTr("Cancel")
            onClicked: journey.model.cancel()
        }
    }
}
