import QtQuick

// "Send to my locker": the card over the Done screen holding the locker's steps, one file each (StepLocker*.qml);
// while the server is asked, a waiting line stands in for them.
Rectangle {
    id: panel
    property string iconDir: ""
    visible: locker.panelOpen
    color: access.colour["#CC000000"]
    MouseArea { anchors.fill: parent }  // nothing behind the card takes a tap while it is open
    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 40, 1100); height: Math.min(parent.height - 20, 560)
        radius: 20
        color: access.colour["#FFF8EE"]
        border.color: access.colour["#00695C"]; border.width: 4
        StepLockerMobile { anchors.centerIn: parent; visible: locker.step === "locker_mobile" && !locker.busy }
        StepLockerOtp { anchors.centerIn: parent; visible: locker.step === "locker_otp" && !locker.busy }
        StepLockerResult { anchors.centerIn: parent; visible: !locker.busy && (locker.step === "locker_sent" || locker.step === "locker_queued" || locker.step === "locker_unavailable") }
        Text {
            objectName: "lockerWaitingText"
            anchors.centerIn: parent
            visible: locker.busy
            text: qsTr("Asking your locker. Please wait…")
            font.pixelSize: 32; font.bold: true; color: access.colour["#3E2723"]
        }
    }
}
