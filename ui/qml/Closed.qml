import QtQuick

// Outside opening hours or switched out of service: say so, and when it opens.
Item {
    id: closed
    required property var app
    Column {
        anchors.centerIn: parent
        width: parent.width - 120
        spacing: 28
        Text {
            objectName: "closedTitle"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: closed.app.homeModel.outOfService ? qsTr("This machine is out of service right now") : qsTr("The centre is closed now")
            font.pixelSize: 48; font.bold: true; color: access.colour["#B71C1C"]
        }
        Text {
            objectName: "outOfServiceReason"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            visible: text !== ""
            text: closed.app.homeModel.outOfServiceReason
            font.pixelSize: 36; color: access.colour["#3E2723"]
        }
        Text {
            objectName: "opensAtText"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            visible: closed.app.homeModel.opensAt !== "" && !closed.app.homeModel.outOfService
            text: qsTr("It opens again on %1").arg(closed.app.homeModel.opensAt)
            font.pixelSize: 36; color: access.colour["#3E2723"]
        }
        Text {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("For help call %1 or helpline %2").arg(closed.app.homeModel.nodalOfficer).arg(closed.app.homeModel.helpline)
            font.pixelSize: 30; color: access.colour["#4E342E"]
        }
    }
}
