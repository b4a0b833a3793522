import QtQuick

// Aadhaar Pay, step "your bank": type a few letters of the bank's name in Hindi or English (or its short name, SBI),
// tap the bank. Only banks from the server's list can be chosen. `banks` is a BankChoiceViewModel. Main.qml's one
// on-screen keyboard (OnScreenKeyboard.qml) comes up for `bankSearchField` and keeps it in sight.
Item {
    id: step
    objectName: "stepAadhaarBank"
    property var banks
    signal cancelled()  // the villager changed their mind: the journey's cancel (nothing was taken yet)
    width: 1280; height: 800
    // While typing, the keyboard takes the lower half: the hint folds away and Cancel moves beside the field, so the
    // field, its Cancel and the banks found all fit above the keys (Main.qml lifts the screen to the field).
    states: State {
        name: "typing"
        when: field.activeFocus
        PropertyChanges { hint.visible: false }
        AnchorChanges { target: title; anchors.right: step.right }
        AnchorChanges { target: searchBox; anchors.top: title.bottom; anchors.right: cancelBank.left }
        AnchorChanges { target: cancelBank; anchors.top: undefined; anchors.verticalCenter: searchBox.verticalCenter }
    }

    Btn {
        id: cancelBank
        objectName: "cancelBankButton"
        anchors { right: parent.right; top: parent.top; margins: 24 }
        primary: false
        text: qsTr("Cancel")
        onClicked: step.cancelled()
    }
    Text {
        id: title
        anchors { left: parent.left; right: cancelBank.left; top: parent.top; margins: 24 }
        text: qsTr("Which bank is your money in?")
        font.pixelSize: 40; font.bold: true; color: access.colour["#3E2723"]; wrapMode: Text.WordWrap
    }
    Text {
        id: hint
        anchors { left: parent.left; right: cancelBank.left; top: title.bottom; margins: 24; topMargin: 8 }
        text: qsTr("Tap your bank. Slide the list up to see more banks, or type a few letters of its name in Hindi or English.")
        font.pixelSize: 28; color: access.colour["#3E2723"]; wrapMode: Text.WordWrap
    }
    Rectangle {
        id: searchBox
        anchors { left: parent.left; right: parent.right; top: hint.bottom; margins: 24 }
        height: 80; radius: 40
        color: access.colour["white"]; border.color: access.colour["#00695C"]; border.width: 3
        TextInput {
            id: field
            objectName: "bankSearchField"
            anchors { fill: parent; leftMargin: 32; rightMargin: 32 }
            verticalAlignment: TextInput.AlignVCenter
            font.pixelSize: 30
            clip: true
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText  // "sbi" as typed
            text: step.banks.query
            onTextEdited: step.banks.setQuery(text)
        }
        Text {
            anchors { fill: field }
            verticalAlignment: Text.AlignVCenter
            visible: field.text === ""
            text: qsTr("Bank name: स्टेट, baroda, SBI …")
            font.pixelSize: 28; color: access.colour["#8D8D8D"]
        }
    }
    Text {
        objectName: "noBankText"
        anchors { left: parent.left; right: parent.right; top: searchBox.bottom; margins: 24 }
        visible: step.banks.nothingFound
        wrapMode: Text.WordWrap
        text: qsTr("No bank matches these letters. Type fewer letters, or pay another way.")
        font.pixelSize: 28; color: access.colour["#B71C1C"]
    }
    // Every bank that matches, two to a row; the list scrolls with a finger, so a villager who cannot type still
    // reaches every bank on the server's list.
    GridView {
        id: bankGrid
        objectName: "bankGrid"
        anchors { left: parent.left; right: parent.right; top: searchBox.bottom; bottom: parent.bottom; margins: 24 }
        cellWidth: (step.width - 48) / 2; cellHeight: 112
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        model: step.banks.results
        delegate: Item {
            width: bankGrid.cellWidth; height: bankGrid.cellHeight
            Rectangle {
                objectName: "bank_" + modelData.iin
                width: parent.width - 16; height: 96; radius: 16
                color: step.banks.chosen === modelData.iin ? access.colour["#00695C"] : access.colour["white"]
                border.color: access.colour["#00695C"]; border.width: 3
                Column {
                    anchors { fill: parent; leftMargin: 20; rightMargin: 20; topMargin: 10 }
                    Text {
                        objectName: "bankName"
                        width: parent.width; elide: Text.ElideRight
                        text: modelData.name
                        font.pixelSize: 30; font.bold: true
                        color: step.banks.chosen === modelData.iin ? access.colour["white"] : access.colour["#3E2723"]
                    }
                    Text {
                        width: parent.width; elide: Text.ElideRight
                        text: modelData.other
                        font.pixelSize: 22
                        color: step.banks.chosen === modelData.iin ? access.colour["white"] : access.colour["#6D4C41"]
                    }
                }
                MouseArea { anchors.fill: parent; onClicked: step.banks.choose(modelData.iin) }
            }
        }
    }
}
