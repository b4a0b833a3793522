import QtQuick

// A square touch button with a pictogram (and an optional short label under it); `on` marks a switched-on mode.
Rectangle {
    id: button
    property string icon: ""
    property string label: ""
    property bool on: false
    signal clicked()
    width: 76; height: 76
    radius: 14
    color: area.pressed || on ? access.colour["#FFE0B2"] : access.colour["#FFFFFF"]
    border.color: on ? access.colour["#E65100"] : access.colour["#00695C"]
    border.width: on ? 5 : 3
    Image {
        anchors { horizontalCenter: parent.horizontalCenter; top: parent.top; topMargin: button.label === "" ? 8 : 3 }
        source: button.icon
        sourceSize.width: button.label === "" ? 60 : 46
        sourceSize.height: button.label === "" ? 60 : 46
    }
    Text {
        visible: button.label !== ""
        anchors { bottom: parent.bottom; bottomMargin: 2; horizontalCenter: parent.horizontalCenter }
        text: button.label
        font.pixelSize: 16; font.bold: true
        color: access.colour["#00695C"]
    }
    MouseArea {
        id: area
        anchors.fill: parent
        onClicked: button.clicked()
    }
}
