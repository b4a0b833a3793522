import QtQuick

// Following a grievance: its status, whom it is pending with and its history, a reminder or feedback; or the
// grievances of a mobile number, each shown only by the last four digits of its number.
Item {
    id: f
    required property var model
    required property string iconDir
    height: childrenRect.height

    function statusText(s) { return s === "disposed" ? qsTr("Disposed") : qsTr("Pending") }
    function kindText(k) {
        switch (k) {
        case "registered": return qsTr("Registered")
        case "assigned": return qsTr("Sent to an office")
        case "reminder": return qsTr("Reminder")
        case "disposed": return qsTr("Disposed")
        case "feedback": return qsTr("Your feedback")
        }
        return k
    }

    Column {
        objectName: "grievanceShownPanel"
        visible: f.model.step === "shown"
        width: parent.width; spacing: 12
        Text { objectName: "grievanceShownNumber"; text: qsTr("Grievance number: %1").arg(f.model.grievance.number || ""); font.pixelSize: 32; font.bold: true; color: access.colour["#3E2723"] }
        Text { text: qsTr("%1 · registered %2").arg(f.model.grievance.department || "").arg(f.model.grievance.registered || ""); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 26; color: access.colour["#3E2723"] }
        Text { objectName: "grievanceShownStatus"; text: qsTr("Status: %1").arg(f.statusText(f.model.grievance.status)); font.pixelSize: 30; font.bold: true; color: access.colour["#3E2723"] }
        Text { objectName: "grievancePendingWith"; visible: f.model.grievance.status === "pending"; text: qsTr("Pending with: %1").arg(f.model.grievance.pendingWith || ""); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 28; color: access.colour["#3E2723"] }
        Text { visible: (f.model.grievance.reply || "") !== ""; text: qsTr("Reply: %1").arg(f.model.grievance.reply || ""); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 28; color: access.colour["#1B5E20"] }
        Repeater {
            model: f.model.grievance.history || []
            Text { text: modelData.when + " · " + f.kindText(modelData.kind) + (modelData.office ? " · " + modelData.office : ""); width: f.width; wrapMode: Text.WordWrap; font.pixelSize: 24; color: access.colour["#3E2723"] }
        }
        Row {
            spacing: 20
            Btn { icon: f.iconDir + "back.svg"; primary: false; text: qsTr("Back"); onClicked: f.model.back() }
            Btn { objectName: "grievanceRemind"; visible: f.model.grievance.status === "pending"; text: qsTr("Send a reminder"); onClicked: f.model.remind() }
            Btn { objectName: "grievanceFeedback"; visible: f.model.grievance.status === "disposed" && !f.model.grievance.rated; text: qsTr("Give feedback"); onClicked: f.model.startFeedback() }
        }
    }

    Column {
        objectName: "grievanceListPanel"
        visible: f.model.step === "list"
        width: parent.width; spacing: 12
        Text { text: f.model.hints.length ? qsTr("Grievances of this mobile number:") : qsTr("No grievance is registered with this mobile number."); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 30; font.bold: true; color: access.colour["#3E2723"] }
        Repeater {
            model: f.model.hints
            Text { text: modelData.hint + " · " + modelData.department + " · " + modelData.registered + " · " + f.statusText(modelData.status); width: f.width; wrapMode: Text.WordWrap; font.pixelSize: 26; color: access.colour["#3E2723"] }
        }
        Text { visible: f.model.hints.length > 0; text: qsTr("To see one in full, type its whole number from your slip or SMS."); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 24; color: access.colour["#3E2723"] }
        Btn { icon: f.iconDir + "back.svg"; primary: false; text: qsTr("Back"); onClicked: f.model.back() }
    }

    Column {
        objectName: "grievanceFeedbackPanel"
        visible: f.model.step === "feedback"
        width: parent.width; spacing: 14
        Text { text: qsTr("How well was your grievance resolved? 1 = not at all, 5 = fully."); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 28; color: access.colour["#3E2723"] }
        Row {
            spacing: 12
            Repeater {
                model: 5
                Btn { objectName: "grievanceStars" + (index + 1); width: 110; primary: f.model.rating === index + 1; text: String(index + 1); onClicked: f.model.rate(index + 1) }
            }
        }
        Rectangle {
            width: parent.width; height: 110; radius: 12
            color: access.colour["white"]; border.color: access.colour["#00695C"]; border.width: 3
            TextInput { id: remark; objectName: "grievanceFeedbackText"; anchors.fill: parent; anchors.margins: 12; font.pixelSize: 28; wrapMode: TextInput.Wrap; maximumLength: 300; clip: true; color: access.colour["#3E2723"] }
        }
        Row {
            spacing: 20
            Btn { icon: f.iconDir + "back.svg"; primary: false; text: qsTr("Back"); onClicked: f.model.back() }
            Btn { objectName: "grievanceSendFeedback"; enabledLook: f.model.rating > 0; text: qsTr("Send feedback"); onClicked: f.model.sendFeedback(remark.text) }
        }
    }
}
