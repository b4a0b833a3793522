import QtQuick

// The operator menu's entry for the daily Aadhaar Pay login: says whether today's login is done, and opens the page.
Btn {
    id: entry
    required property var model
    readonly property string loginState: entry.model.aadhaarLogin.state
    objectName: "menuAadhaarLogin"
    visible: entry.model.aadhaarLogin.offered
    width: 400; height: 110
    primary: entry.loginState !== "done"
    textSize: 24
    text: entry.loginState === "done" ? qsTr("Aadhaar Pay login: done today")
        : entry.loginState === "expired" ? qsTr("Aadhaar Pay login: expired, log in again")
        : qsTr("Aadhaar Pay login: not done yet")
    onClicked: entry.model.showAadhaarLogin()
}
