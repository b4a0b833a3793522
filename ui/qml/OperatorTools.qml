import QtQuick

// The smaller jobs: reprint a receipt, pay out a change-due voucher, out of service, cash-box removal.
Item {
    id: tools
    required property var model

    // Reprint: receipts of the last days, newest first.
    Column {
        anchors.fill: parent
        visible: tools.model.step === "reprint"
        spacing: 10
        Text { text: qsTr("Reprint a receipt (printed as DUPLICATE)"); font.pixelSize: 30; font.bold: true; color: "#263238" }
        Text { visible: tools.model.reprints.length === 0; text: qsTr("No receipts in the last 7 days."); font.pixelSize: 26 }
        ListView {
            width: parent.width; height: parent.height - 60
            clip: true
            spacing: 8
            model: tools.model.reprints
            delegate: Rectangle {
                width: ListView.view.width; height: 80; radius: 10; color: "white"
                Text {
                    anchors { left: parent.left; leftMargin: 16; verticalCenter: parent.verticalCenter }
                    width: parent.width - (modelData.certificate ? 600 : 320)
                    elide: Text.ElideRight
                    text: qsTr("No. %1 · %2 · %3 · %4").arg(modelData.no).arg(modelData.day).arg(modelData.service).arg(modelData.amount)
                    font.pixelSize: 24; color: "#263238"
                }
                Btn {
                    objectName: "reprint_" + modelData.no
                    anchors { right: parent.right; rightMargin: 8; verticalCenter: parent.verticalCenter }
                    width: 260; height: 66
                    text: qsTr("Reprint")
                    onClicked: tools.model.reprint(modelData.txn)
                }
                Btn {
                    objectName: "certificate_" + modelData.no
                    visible: modelData.certificate
                    anchors { right: parent.right; rightMargin: 280; verticalCenter: parent.verticalCenter }
                    width: 270; height: 66
                    primary: false
                    text: qsTr("Print certificate")
                    onClicked: tools.model.printCertificate(modelData.txn)
                }
            }
        }
    }

    // Change-due vouchers still open.
    Column {
        anchors.fill: parent
        visible: tools.model.step === "vouchers"
        spacing: 10
        Text { text: qsTr("Change-due vouchers still open"); font.pixelSize: 30; font.bold: true; color: "#263238" }
        Text { visible: tools.model.vouchers.length === 0; text: qsTr("No open vouchers."); font.pixelSize: 26 }
        ListView {
            width: parent.width; height: parent.height - 60
            clip: true
            spacing: 8
            model: tools.model.vouchers
            delegate: Rectangle {
                width: ListView.view.width; height: 80; radius: 10; color: "white"
                Text {
                    anchors { left: parent.left; leftMargin: 16; verticalCenter: parent.verticalCenter }
                    text: qsTr("Voucher %1 · %2 · %3").arg(modelData.no).arg(modelData.day).arg(modelData.amount)
                    font.pixelSize: 26; color: "#263238"
                }
                Btn {
                    objectName: "settle_" + modelData.no
                    anchors { right: parent.right; rightMargin: 8; verticalCenter: parent.verticalCenter }
                    width: 300; height: 66
                    text: qsTr("Pay out")
                    onClicked: tools.model.settleVoucher(modelData.no)
                }
            }
        }
    }

    // Payments the start could not settle (e.g. an Aadhaar answer never came): closed with a reason, journaled.
    Column {
        anchors.fill: parent
        visible: tools.model.step === "stuck"
        spacing: 10
        Text { text: qsTr("Payments still open: close each with the reason"); font.pixelSize: 30; font.bold: true; color: "#263238" }
        Text { visible: tools.model.stuck.length === 0; text: qsTr("No payment is stuck."); font.pixelSize: 26 }
        ListView {
            width: parent.width; height: tools.model.stuck.length === 0 ? 0 : Math.max(0, parent.height - 60 - bbpsPending.height)
            clip: true
            spacing: 8
            model: tools.model.stuck
            delegate: Rectangle {
                id: stuckRow
                required property var modelData
                width: ListView.view.width; height: 160; radius: 10; color: "white"
                Text {
                    anchors { left: parent.left; leftMargin: 16; top: parent.top; topMargin: 12 }
                    width: parent.width - 32
                    elide: Text.ElideRight
                    text: qsTr("%1 · %2 · %3 · due %4 · paid %5").arg(stuckRow.modelData.reference).arg(stuckRow.modelData.day).arg(stuckRow.modelData.service).arg(stuckRow.modelData.due).arg(stuckRow.modelData.paid)
                    font.pixelSize: 24; color: "#263238"
                }
                Text {
                    objectName: "awaitingBank_" + stuckRow.modelData.reference
                    visible: !stuckRow.modelData.resolvable
                    anchors { left: parent.left; leftMargin: 16; right: parent.right; rightMargin: 16; bottom: parent.bottom; bottomMargin: 12 }
                    wrapMode: Text.WordWrap
                    text: qsTr("Aadhaar payment: the bank's answer is awaited. The kiosk asks the bank again by itself; do not take this bill again.")
                    font.pixelSize: 22; color: "#B71C1C"
                }
                Row {
                    visible: stuckRow.modelData.resolvable
                    anchors { left: parent.left; leftMargin: 8; bottom: parent.bottom; bottomMargin: 8 }
                    spacing: 8
                    Repeater {
                        model: tools.model.stuckReasons
                        Btn {
                            objectName: "resolve_" + index + "_" + stuckRow.modelData.reference
                            width: 400; height: 66
                            primary: false
                            text: modelData
                            onClicked: tools.model.resolveStuck(stuckRow.modelData.txn, index)
                        }
                    }
                }
            }
        }
        OperatorBbpsPending { id: bbpsPending; width: parent.width; model: tools.model }
    }

    // Out of service, with the reason villagers will read.
    Column {
        anchors.fill: parent
        visible: tools.model.step === "service"
        spacing: 14
        Text {
            objectName: "serviceStateText"
            width: parent.width
            wrapMode: Text.WordWrap
            text: tools.model.outOfService ? qsTr("Out of service now: %1").arg(tools.model.outOfService) : qsTr("The kiosk is in service. Choose the reason villagers will read:")
            font.pixelSize: 28; font.bold: true; color: "#263238"
        }
        Repeater {
            model: tools.model.reasons
            Btn {
                objectName: "reason_" + index
                visible: !tools.model.outOfService
                width: 760; height: 74
                primary: false
                text: modelData
                onClicked: tools.model.takeOutOfService(index)
            }
        }
        Btn {
            objectName: "backInServiceButton"
            visible: tools.model.outOfService !== ""
            width: 500
            text: qsTr("Back in service")
            onClicked: tools.model.backInService()
        }
    }

    // Cash-box removal: announce it first, or the acceptor's "removed" event is flagged.
    Column {
        anchors.fill: parent
        visible: tools.model.step === "cashbox"
        spacing: 14
        Text {
            width: parent.width
            wrapMode: Text.WordWrap
            text: qsTr("Tap the button before you take the cash box out. A removal the acceptor reports without this is flagged for the district office.")
            font.pixelSize: 26; color: "#263238"
        }
        Btn {
            objectName: "announceRemovalButton"
            width: 560
            text: qsTr("I am removing the cash box now")
            onClicked: tools.model.announceRemoval()
        }
        Repeater {
            model: tools.model.removals
            Text {
                objectName: "removal" + index
                text: modelData.at + "  " + (modelData.kind === "removal_announced" ? qsTr("announced by the operator")
                      : modelData.kind === "removed" ? qsTr("removed (matches the operator's action)")
                      : modelData.kind === "removed_unannounced" ? qsTr("REMOVED WITHOUT AN OPERATOR ACTION") : modelData.kind)
                font.pixelSize: 24; font.bold: modelData.flagged; color: modelData.flagged ? "#B71C1C" : "#37474F"
            }
        }
    }
}
