import QtQuick

// A touch button: at least 64 px high, text at least 24 px, one clear action.
Rectangle {
    id: button
    property string text: ""
    property bool primary: true
    property bool enabledLook: true
    property int textSize: 28
    property string icon: ""  // a pictogram at the left, so the action is found without reading
    signal clicked()
    implicitWidth: Math.max(180, label.implicitWidth + 48 + (icon !== "" ? pictogram.width + 12 : 0))
    implicitHeight: 76
    radius: 14
    color: !enabledLook ? access.colour["#BDBDBD"] : (primary ? (area.pressed ? access.colour["#BF360C"] : access.colour["#E65100"]) : (area.pressed ? access.colour["#E0F2F1"] : access.colour["#FFFFFF"]))
    border.color: primary ? access.colour["transparent"] : access.colour["#00695C"]
    border.width: primary && !access.highContrast ? 0 : 3
    Image {
        id: pictogram
        visible: button.icon !== ""
        anchors { left: parent.left; leftMargin: 10; verticalCenter: parent.verticalCenter }
        source: button.icon
        sourceSize.width: Math.min(button.height - 14, 64); sourceSize.height: Math.min(button.height - 14, 64)
    }
    Text {
        id: label
        anchors.centerIn: parent
        anchors.horizontalCenterOffset: button.icon !== "" ? (pictogram.width + 10) / 2 : 0
        width: parent.width - 24 - (button.icon !== "" ? pictogram.width + 10 : 0)
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
