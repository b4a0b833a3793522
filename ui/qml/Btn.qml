import QtQuick

// A touch button: at least 64 px high, text at least 24 px, one clear action.
Rectangle {
    id: button
    property string text: ""
    property bool primary: true
    property bool enabledLook: true
    property int textSize: 28
    signal clicked()
    implicitWidth: Math.max(180, label.implicitWidth + 48)
    implicitHeight: 76
    radius: 14
    color: !enabledLook ? access.colour["#BDBDBD"] : (primary ? (area.pressed ? access.colour["#BF360C"] : access.colour["#E65100"]) : (area.pressed ? access.colour["#E0F2F1"] : access.colour["#FFFFFF"]))
    border.color: primary ? access.colour["transparent"] : access.colour["#00695C"]
    border.width: primary && !access.highContrast ? 0 : 3
    Text {
        id: label
        anchors.centerIn: parent
        width: parent.width - 24
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: button.text
        font.pixelSize: button.textSize
        font.bold: true
        color: button.primary ? access.colour["#FFFFFF"] : access.colour["#00695C"]
    }
    MouseArea {
        id: area
        anchors.fill: parent
        onClicked: button.clicked()
    }
}
