import QtQuick

// Under the receipt QR: "send to my phone", and once sent, the masked number it went to.
Column {
    spacing: 8
    property string iconDir: ""
    visible: phone.available
    Btn {
        objectName: "sendToPhoneButton"
        icon: iconDir + "phone.svg"
        width: parent.width; height: 76
        primary: false
        textSize: 22
        text: qsTr("Send to my phone")
        onClicked: phone.open()
    }
    Text {
        objectName: "sentToText"
        visible: phone.sentTo !== ""
        width: parent.width; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
        text: qsTr("Sent to %1.").arg(phone.sentTo)
        font.pixelSize: 24; font.bold: true; color: access.colour["#1B5E20"]
    }
}
