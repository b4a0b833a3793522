import QtQuick

// How "send to my locker" ended: in the locker, waiting for the internet, or not sent (and why, in plain words).
Column {
    objectName: "lockerResultPanel"
    width: 900
    spacing: 30
    function resultText(step, problem) {
        if (step === "locker_sent") return qsTr("Your certificate is in your locker (%1). Open your locker on your phone to see it.").arg(locker.account)
        if (step === "locker_queued") return qsTr("Your locker is linked, but the internet is down right now. The certificate will reach your locker when the kiosk is back online. Your printed certificate is valid.")
        switch (problem) {
        case "not_issued": return qsTr("The department has not issued this certificate yet, so it cannot go to your locker. Nothing was sent.")
        case "offline": return qsTr("The locker cannot be reached now (no internet). Nothing was sent. Keep your printed certificate, or try again later.")
        }
        return qsTr("The locker did not accept the request. Nothing was sent. Please ask the operator.")
    }
    Text {
        objectName: "lockerResultText"
        width: parent.width; wrapMode: Text.WordWrap
        text: resultText(locker.step, locker.problem)
        font.pixelSize: 32; font.bold: true
        color: locker.step === "locker_unavailable" ? access.colour["#B71C1C"] : access.colour["#1B5E20"]
    }
    Btn { objectName: "lockerDoneButton"; text: qsTr("OK"); onClicked: locker.close() }
}
