import QtQuick

// Under "send to my phone" on a paid certificate's Done screen: "send to my locker" opens StepLocker.qml.
Btn {
    property string iconDir: ""
    objectName: "sendToLockerButton"
    visible: locker.available
    icon: iconDir + "certificate.svg"
    height: 76
    primary: false
    textSize: 22
    text: qsTr("Send to my locker")
    onClicked: locker.open()
}
