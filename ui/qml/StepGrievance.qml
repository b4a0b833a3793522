import QtQuick

// Rajasthan Sampark grievances: register one (department, category, description on the on-screen keyboard, mobile on
// the keypad, an optional photo or page), or follow one (StepGrievanceFollow.qml). Its own screen, so no screenshot
// is taken of it for an officer (kiosk/screen_privacy.py: not on the allow-list).
Rectangle {
    id: g
    required property var app
    required property var model
    required property string iconDir
    color: access.colour["#FFF8EE"]
    readonly property bool untouched: app.attract
    onUntouchedChanged: if (untouched) model.close()
    MouseArea { anchors.fill: parent }

    function problemText(p) {
        switch (p) {
        case "empty": return qsTr("Please write what the problem is.")
        case "mobile_length": return qsTr("A mobile number has 10 digits.")
        case "mobile_start": return qsTr("A mobile number starts with 6, 7, 8 or 9.")
        case "number_length": return qsTr("Type the 12 digits after RJ from your slip or SMS.")
        case "not_found": return qsTr("No grievance has this number. Check the number on your slip or SMS.")
        case "unavailable": return qsTr("The Sampark computer cannot be reached right now. Please try again later.")
        case "refused": return qsTr("This could not be done. Please ask the operator or call 181.")
        case "too_soon": return qsTr("A reminder was sent recently. The next one can be sent after %1.").arg(g.model.remindAfter)
        case "reminded": return qsTr("Your reminder has been sent to the office.")
        case "no_camera": return qsTr("The camera is not working. You can go on without a photo.")
        case "no_scanner": return qsTr("The scanner is not working. You can go on without a document.")
        case "unreadable": return qsTr("The page could not be read. Place it straight, face down, and scan again.")
        case "full": return qsTr("Three attachments are the most that can be added.")
        }
        return ""
    }

    Text {
        id: heading
        anchors { top: parent.top; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        text: qsTr("Rajasthan Sampark: grievances")
        font.pixelSize: 40; font.bold: true; color: access.colour["#3E2723"]
    }
    Text {
        id: problem
        objectName: "grievanceProblem"
        anchors { bottom: parent.bottom; bottomMargin: 24; horizontalCenter: parent.horizontalCenter }
        width: Math.min(1000, g.width - 80); horizontalAlignment: Text.AlignHCenter; wrapMode: Text.WordWrap
        visible: text !== ""
        text: g.model.waiting ? qsTr("Please wait…") : g.problemText(g.model.problem)
        font.pixelSize: 28; color: g.model.problem === "reminded" ? access.colour["#1B5E20"] : access.colour["#B71C1C"]
    }

    Column {
        objectName: "grievanceMenuPanel"
        visible: g.model.step === "menu"
        anchors { top: heading.bottom; topMargin: 30; horizontalCenter: parent.horizontalCenter }
        width: Math.min(900, g.width - 80); spacing: 20
        Btn { objectName: "grievanceRegister"; width: parent.width; text: qsTr("Register a new grievance"); onClicked: g.model.register() }
        Btn { objectName: "grievanceByNumber"; width: parent.width; primary: false; text: qsTr("See a grievance by its number"); onClicked: g.model.findByNumber() }
        Btn { objectName: "grievanceByMobile"; width: parent.width; primary: false; text: qsTr("Find my grievances by mobile number"); onClicked: g.model.findByMobile() }
        Btn { objectName: "grievanceCancel"; icon: g.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: g.model.close() }
    }

    Column {
        objectName: "grievanceDepartmentPanel"
        visible: g.model.step === "department" || g.model.step === "category"
        anchors { top: heading.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        width: Math.min(900, g.width - 80); spacing: 14
        Text { text: g.model.step === "department" ? qsTr("Which department is it about?") : qsTr("%1: what is the problem?").arg(g.model.departmentName); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 32; font.bold: true; color: access.colour["#3E2723"] }
        Repeater {
            model: g.model.step === "department" ? g.model.departmentList : g.model.categoryList
            Btn {
                objectName: "grievanceChoice_" + modelData.code
                width: parent.width; primary: false; text: modelData.name
                onClicked: g.model.step === "department" ? g.model.chooseDepartment(modelData.code) : g.model.chooseCategory(modelData.code)
            }
        }
        Btn { icon: g.iconDir + "back.svg"; primary: false; text: qsTr("Back"); onClicked: g.model.back() }
    }

    Column {
        objectName: "grievanceDescribePanel"
        visible: g.model.step === "describe"
        anchors { top: heading.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        width: Math.min(1000, g.width - 80); spacing: 14
        Text { text: qsTr("Write your grievance in a few lines (Hindi or English). Do not write your Aadhaar number."); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 28; color: access.colour["#3E2723"] }
        Rectangle {
            width: parent.width; height: 170; radius: 12
            color: access.colour["white"]; border.color: access.colour["#00695C"]; border.width: 3
            TextInput {
                id: description
                objectName: "grievanceText"
                anchors.fill: parent; anchors.margins: 14
                font.pixelSize: 30; wrapMode: TextInput.Wrap; maximumLength: 500; clip: true
                color: access.colour["#3E2723"]
                onTextEdited: g.app.touched()
            }
        }
        Text { text: qsTr("%1 of %2 letters").arg(description.length).arg(description.maximumLength); font.pixelSize: 24; color: access.colour["#3E2723"] }
        Row {
            spacing: 20
            Btn { icon: g.iconDir + "back.svg"; primary: false; text: qsTr("Back"); onClicked: g.model.back() }
            Btn { objectName: "grievanceTextNext"; text: qsTr("Next"); onClicked: g.model.describe(description.text) }
        }
    }

    Row {
        objectName: "grievanceKeypadPanel"
        visible: ["mobile", "enter_number", "enter_lookup_mobile"].indexOf(g.model.step) >= 0
        anchors { top: heading.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        spacing: 50
        Column {
            width: Math.min(640, g.width - 480); spacing: 18
            Text {
                width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 30; color: access.colour["#3E2723"]
                text: g.model.step === "enter_number" ? qsTr("Type the grievance number from your slip or SMS.")
                      : g.model.step === "mobile" ? qsTr("Your mobile number: the grievance number is sent to it by SMS.")
                      : qsTr("Type your mobile number. Only the last four digits of each grievance number are shown.")
            }
            Rectangle {
                width: parent.width; height: 90; radius: 12
                color: access.colour["white"]; border.color: access.colour["#00695C"]; border.width: 4
                Text { objectName: "grievanceDigits"; anchors.centerIn: parent; text: (g.model.step === "enter_number" ? "RJ " : "") + g.model.digits; font.pixelSize: 46; font.bold: true; color: access.colour["#3E2723"] }
            }
            Btn { icon: g.iconDir + "back.svg"; primary: false; text: qsTr("Back"); onClicked: g.model.back() }
        }
        Keypad {
            onDigit: (d) => { g.app.touched(); g.model.press(d) }
            onErase: { g.app.touched(); g.model.backspace() }
            onOk: {
                g.app.touched()
                if (g.model.step === "mobile") g.model.submitMobile()
                else if (g.model.step === "enter_number") g.model.submitNumber()
                else g.model.submitLookupMobile()
            }
        }
    }

    Column {
        objectName: "grievanceAttachPanel"
        visible: g.model.step === "attach"
        anchors { top: heading.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        width: Math.min(900, g.width - 80); spacing: 18
        Text { text: qsTr("You may add a photo of the problem or a document page (optional)."); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 30; color: access.colour["#3E2723"] }
        Text { objectName: "grievanceAttachments"; text: qsTr("Added: %1").arg(g.model.attachments); font.pixelSize: 28; color: access.colour["#3E2723"] }
        Btn { objectName: "grievancePhoto"; visible: g.model.canPhoto; width: parent.width; primary: false; text: qsTr("Take a photo"); onClicked: g.model.takePhoto() }
        Btn { objectName: "grievanceScan"; visible: g.model.canScan; width: parent.width; primary: false; text: qsTr("Scan a document page"); onClicked: g.model.scanPage() }
        Row {
            spacing: 20
            Btn { icon: g.iconDir + "back.svg"; primary: false; text: qsTr("Back"); onClicked: g.model.back() }
            Btn { objectName: "grievanceAttachNext"; text: qsTr("Next"); onClicked: g.model.attachmentsDone() }
        }
    }

    Column {
        objectName: "grievanceConfirmPanel"
        visible: g.model.step === "confirm"
        anchors { top: heading.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        width: Math.min(900, g.width - 80); spacing: 16
        Text { text: qsTr("Department: %1").arg(g.model.departmentName); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 30; color: access.colour["#3E2723"] }
        Text { objectName: "grievanceMobileMasked"; text: qsTr("Mobile: %1").arg(g.model.mobileMasked); font.pixelSize: 30; color: access.colour["#3E2723"] }
        Text { text: qsTr("Added: %1").arg(g.model.attachments); font.pixelSize: 28; color: access.colour["#3E2723"] }
        Row {
            spacing: 20
            Btn { icon: g.iconDir + "back.svg"; primary: false; text: qsTr("Back"); onClicked: g.model.back() }
            Btn { objectName: "grievanceConfirm"; text: qsTr("Register the grievance"); onClicked: g.model.confirm() }
        }
    }

    Column {
        objectName: "grievanceRegisteredPanel"
        visible: g.model.step === "registered"
        anchors { top: heading.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        width: Math.min(950, g.width - 80); spacing: 16
        Text { text: g.model.queued ? qsTr("Your grievance is saved and will be sent when the kiosk is back online.") : qsTr("Your grievance is registered."); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 34; font.bold: true; color: access.colour["#1B5E20"] }
        Text { objectName: "grievanceReference"; text: (g.model.queued ? qsTr("Provisional reference: %1") : qsTr("Grievance number: %1")).arg(g.model.reference); font.pixelSize: 36; font.bold: true; color: access.colour["#3E2723"] }
        Text { visible: g.model.queued; text: qsTr("This is not yet a grievance number. Find the number later by your mobile number at any kiosk."); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 26; color: access.colour["#3E2723"] }
        Text { visible: g.model.smsSent; text: qsTr("The number has been sent by SMS to %1.").arg(g.model.mobileMasked); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 26; color: access.colour["#3E2723"] }
        Text { text: g.model.slipPrinted ? qsTr("Take your slip.") : qsTr("The slip could not be printed: please write the number down."); width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: 28; color: access.colour["#3E2723"] }
        Btn { objectName: "grievanceDone"; text: qsTr("Finish"); onClicked: g.model.close() }
    }

    StepGrievanceFollow {
        anchors { top: heading.bottom; topMargin: 20; horizontalCenter: parent.horizontalCenter }
        width: Math.min(1000, g.width - 80)
        model: g.model
        iconDir: g.iconDir
    }
}
