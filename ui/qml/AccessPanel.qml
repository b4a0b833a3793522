import QtQuick

// The villager's sound settings for this session: speech on/off, volume, speed. Opens under the header.
Item {
    id: panel
    property string iconDir: ""
    visible: access.panelOpen
    MouseArea { anchors.fill: parent; onClicked: access.togglePanel() }
    Rectangle {
        anchors { right: parent.right; top: parent.top; rightMargin: 12; topMargin: 8 }
        width: 620; height: content.implicitHeight + 48
        radius: 18
        color: access.colour["#FFFFFF"]
        border.color: access.colour["#00695C"]; border.width: 4
        MouseArea { anchors.fill: parent }  // taps on the card do not close it
        Column {
            id: content
            anchors { fill: parent; margins: 24 }
            spacing: 18
            Row {
                spacing: 16
                Text {
                    width: 200; anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Speech"); font.pixelSize: 28; font.bold: true; color: access.colour["#3E2723"]
                }
                Btn {
                    objectName: "speechToggleButton"
                    width: 340; height: 72
                    primary: access.speechOn
                    text: access.speechOn ? qsTr("On: tap to turn off") : qsTr("Off: tap to turn on")
                    textSize: 24
                    onClicked: access.toggleSpeech()
                }
            }
            Row {
                spacing: 16
                Text {
                    width: 200; anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Volume"); font.pixelSize: 28; font.bold: true; color: access.colour["#3E2723"]
                }
                Btn { objectName: "quieterButton"; width: 100; height: 72; primary: false; text: "−"; textSize: 40; onClicked: access.quieter() }
                Text {
                    objectName: "volumeText"
                    width: 108; anchors.verticalCenter: parent.verticalCenter
                    horizontalAlignment: Text.AlignHCenter
                    text: access.volume + "%"; font.pixelSize: 30; font.bold: true; color: access.colour["#3E2723"]
                }
                Btn { objectName: "louderButton"; width: 100; height: 72; primary: false; text: "+"; textSize: 40; onClicked: access.louder() }
            }
            Row {
                spacing: 16
                Text {
                    width: 200; anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Speed"); font.pixelSize: 28; font.bold: true; color: access.colour["#3E2723"]
                }
                Repeater {
                    model: [["slow", qsTr("Slow")], ["normal", qsTr("Normal")], ["fast", qsTr("Fast")]]
                    Btn {
                        objectName: "rate_" + modelData[0]
                        width: 108; height: 72
                        primary: access.rate === modelData[0]
                        text: modelData[1]; textSize: 22
                        onClicked: access.setRate(modelData[0])
                    }
                }
            }
            Text {
                objectName: "audioProblemText"
                visible: !access.audioOk
                width: parent.width; wrapMode: Text.WordWrap
                text: qsTr("The loudspeaker is not working. Please read the screen or ask the operator.")
                font.pixelSize: 24; color: access.colour["#B71C1C"]
            }
            Btn { objectName: "closeSoundButton"; text: qsTr("Close"); onClicked: access.togglePanel() }
        }
    }
}
