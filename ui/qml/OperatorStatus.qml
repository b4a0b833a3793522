import QtQuick

// Device status: each device's state and last error, paper, cash box, RD service, outbox and last sync.
Item {
    id: st
    required property var model
    readonly property var page: st.model.status

    function deviceName(kind) {
        switch (kind) {
        case "cash": return qsTr("Note acceptor")
        case "printer": return qsTr("Receipt printer")
        case "biometric": return qsTr("Fingerprint reader")
        }
        return kind
    }
    function stateName(state) {
        switch (state) {
        case "ready": return qsTr("ready")
        case "disabled": return qsTr("ready (idle)")
        case "accepting": return qsTr("taking notes")
        case "escrow": return qsTr("holding a note")
        case "jammed": return qsTr("jammed")
        case "stacker_full": return qsTr("cash box full")
        case "cashbox_removed": return qsTr("cash box removed")
        case "fraud_lockout": return qsTr("locked after a fraud attempt")
        case "disconnected": return qsTr("not connected")
        case "fault": return qsTr("fault")
        case "error": return qsTr("error")
        case "paper_near_end": return qsTr("paper nearly finished")
        case "paper_out": return qsTr("no paper")
        case "cover_open": return qsTr("cover open")
        case "offline": return qsTr("offline")
        case "not_ready": return qsTr("not ready")
        case "in_use": return qsTr("in use by another program")
        case "not_found": return qsTr("not found")
        }
        return state
    }

    Row {
        anchors.fill: parent
        spacing: 30
        Column {
            width: parent.width * 0.55
            spacing: 12
            Text { text: qsTr("Devices"); font.pixelSize: 32; font.bold: true; color: "#263238" }
            Repeater {
                model: st.page.devices || []
                Rectangle {
                    objectName: "device_" + modelData.kind
                    width: parent.width; height: 96; radius: 12
                    color: modelData.ok ? "#E8F5E9" : "#FFEBEE"
                    border.color: modelData.ok ? "#2E7D32" : "#B71C1C"; border.width: 3
                    Column {
                        anchors { left: parent.left; leftMargin: 18; verticalCenter: parent.verticalCenter }
                        width: parent.width - 36
                        Text {
                            text: st.deviceName(modelData.kind) + ": " + st.stateName(modelData.status)
                            font.pixelSize: 28; font.bold: true; color: modelData.ok ? "#1B5E20" : "#B71C1C"
                        }
                        Text {
                            width: parent.width
                            elide: Text.ElideRight
                            text: modelData.detail ? qsTr("Last error: %1").arg(modelData.detail) : qsTr("No error")
                            font.pixelSize: 22; color: "#37474F"
                        }
                    }
                }
            }
        }
        Column {
            width: parent.width * 0.45 - 30
            spacing: 14
            Text { text: qsTr("Kiosk"); font.pixelSize: 32; font.bold: true; color: "#263238" }
            Repeater {
                model: [
                    [qsTr("Receipt paper"), st.stateName(st.page.paper || "")],
                    [qsTr("Cash box"), qsTr("%1 notes, %2").arg(st.page.cashBox ? st.page.cashBox.notes : "").arg(st.page.cashBox ? st.page.cashBox.value : "")],
                    [qsTr("RD service version"), st.page.rdVersion || qsTr("not found")],
                    [qsTr("Device certificate expires"), st.page.rdExpiry || qsTr("not reported")],
                    [qsTr("Events waiting to be sent"), st.page.outbox || "0"],
                    [qsTr("Last confirmed by the server"), st.page.lastSync || qsTr("never")],
                    [qsTr("Out of service"), st.page.outOfService || qsTr("no")]
                ]
                Row {
                    spacing: 12
                    Text { width: 300; wrapMode: Text.WordWrap; text: modelData[0]; font.pixelSize: 24; color: "#546E7A" }
                    Text {
                        objectName: "statusFact" + index
                        width: 260; wrapMode: Text.WordWrap
                        text: modelData[1]; font.pixelSize: 24; font.bold: true; color: "#263238"
                    }
                }
            }
        }
    }
}
