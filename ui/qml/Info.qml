import QtQuick

// A scheme information page: works offline; the operator has the printed leaflet.
Item {
    id: info
    required property var app
    required property string iconDir
    Column {
        anchors.centerIn: parent
        width: parent.width - 160
        spacing: 28
        Image {
            anchors.horizontalCenter: parent.horizontalCenter
            source: info.app.info.icon ? info.iconDir + info.app.info.icon + ".svg" : ""
            sourceSize.width: 120; sourceSize.height: 120
        }
        Text {
            objectName: "infoTitle"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: info.app.info.name ? info.app.info.name : ""
            font.pixelSize: 40; font.bold: true; color: access.colour["#3E2723"]
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("Ask the operator for the leaflet and the application form for this scheme. Applying is free.")
            font.pixelSize: 30; color: access.colour["#4E342E"]
        }
        Btn {
            objectName: "infoBackButton"
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Back to start")
            onClicked: info.app.goHome()
        }
    }
}
