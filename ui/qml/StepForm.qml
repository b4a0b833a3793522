import QtQuick

// An application's fields, typed on the on-screen keyboard (Main.qml's, for any focused field) in Hindi or English.
Column {
    id: form
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    readonly property var app: journey.model.applicationScreen
    objectName: "formPanel"
    width: Math.min(1200, journey.width - 60)
    spacing: 12

    function problemText(p, label) {
        switch (p) {
        case "required": return qsTr("%1: please fill this in.").arg(label)
        case "length": return qsTr("%1: too short or too long. Please check it.").arg(label)
        case "digits_only": return qsTr("%1: please type only digits.").arg(label)
        case "checksum": return qsTr("%1: this number is not correct. One digit may be wrong.").arg(label)
        case "pattern": return qsTr("%1: this does not look right. Use letters, digits and simple punctuation only.").arg(label)
        case "date": return qsTr("%1: type the date as day-month-year, for example 05-03-1990.").arg(label)
        case "future": return qsTr("%1: this date is in the future.").arg(label)
        case "choice": return qsTr("%1: please tap one of the choices.").arg(label)
        }
        return ""
    }

    Text { text: qsTr("Fill in your details. Names may be typed in Hindi or in English letters."); font.pixelSize: 26; color: access.colour["#6D4C41"] }
    Flickable {
        width: parent.width; height: Math.min(contentHeight, 430)
        contentHeight: rows.height; clip: true
        Column {
            id: rows
            width: parent.width
            spacing: 10
            Repeater {
                model: form.app.fields
                Row {
                    id: row
                    required property var modelData
                    property string chosen: modelData.value
                    spacing: 16
                    Text { width: 330; height: 64; verticalAlignment: Text.AlignVCenter; wrapMode: Text.WordWrap; text: row.modelData.label; font.pixelSize: 24; color: access.colour["#3E2723"] }
                    Column {
                        spacing: 4
                        Rectangle {
                            visible: row.modelData.kind !== "choice"
                            width: form.width - 360; height: 64; radius: 10
                            color: access.colour["white"]; border.width: 3
                            border.color: row.modelData.problem !== "" ? access.colour["#B71C1C"] : access.colour["#00695C"]
                            TextInput {
                                objectName: "field_" + row.modelData.id
                                anchors { fill: parent; leftMargin: 16; rightMargin: 16 }
                                verticalAlignment: TextInput.AlignVCenter
                                font.pixelSize: 28; clip: true
                                maximumLength: row.modelData.maxLength
                                inputMethodHints: row.modelData.kind === "number" ? Qt.ImhDigitsOnly : (row.modelData.kind === "date" ? Qt.ImhPreferNumbers : Qt.ImhNone)
                                text: row.modelData.value
                                onTextEdited: { form.journey.app.touched(); form.app.setField(row.modelData.id, text) }
                            }
                        }
                        Row {
                            visible: row.modelData.kind === "choice"
                            spacing: 10
                            Repeater {
                                model: row.modelData.choices
                                Btn {
                                    required property var modelData
                                    objectName: "choice_" + row.modelData.id + "_" + modelData.id
                                    textSize: 22; height: 64
                                    primary: row.chosen === modelData.id
                                    text: modelData.label
                                    onClicked: { form.journey.app.touched(); row.chosen = modelData.id; form.app.setField(row.modelData.id, modelData.id) }
                                }
                            }
                        }
                        Text {
                            objectName: "problem_" + row.modelData.id
                            visible: row.modelData.problem !== ""
                            text: form.problemText(row.modelData.problem, row.modelData.label)
                            font.pixelSize: 22; color: access.colour["#B71C1C"]
                        }
                    }
                }
            }
        }
    }
    Row {
        spacing: 30
        Btn { objectName: "formNextButton"; width: 300; text: qsTr("Next"); onClicked: { journey.app.touched(); app.submitForm() } }
        Btn { objectName: "cancelFormButton"; icon: journey.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: app.cancel() }
    }
}
