import QtQuick

// A service tile: pictogram, name (two lines at most), and whether it works without internet.
Rectangle {
    id: tile
    property string name: ""
    property string icon: ""
    property string offline: ""
    property string iconDir: ""
    signal clicked()
    radius: 18
    color: area.pressed ? access.colour["#FFE0B2"] : access.colour["#FFFFFF"]
    border.color: access.colour["#FFB74D"]
    border.width: 3
    Image {
        id: pictogram
        anchors { top: parent.top; topMargin: 8; horizontalCenter: parent.horizontalCenter }
        source: tile.iconDir + tile.icon + ".svg"
        sourceSize.width: Math.min(tile.height * 0.32, 96)
        sourceSize.height: Math.min(tile.height * 0.32, 96)
    }
    Text {
        id: offlineLabel
        anchors { bottom: parent.bottom; bottomMargin: 6; left: parent.left; right: parent.right }
        horizontalAlignment: Text.AlignHCenter
        text: tile.offline === "online_only" ? qsTr("Needs internet") : qsTr("Works without internet")
        font.pixelSize: 24
        color: tile.offline === "online_only" ? access.colour["#6D4C41"] : access.colour["#2E7D32"]
    }
    Text {
        anchors { top: pictogram.bottom; bottom: offlineLabel.top; left: parent.left; right: parent.right; margins: 6 }
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
        maximumLineCount: 2
        lineHeight: 0.9
        elide: Text.ElideRight
        text: tile.name
        font.pixelSize: 26
        font.bold: true
        color: access.colour["#3E2723"]
    }
    MouseArea {
        id: area
        anchors.fill: parent
        onClicked: tile.clicked()
    }
}
