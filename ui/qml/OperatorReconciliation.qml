import QtQuick

// After the count is committed: operator count, ledger and the acceptor's own counter, with the differences.
Item {
    id: rec
    required property var model
    readonly property var r: rec.model.reconciliation
    Column {
        id: table
        anchors { left: parent.left; top: parent.top; leftMargin: 20 }
        width: parent.width * 0.5
        spacing: 8
        Text {
            objectName: "closeTitle"
            text: qsTr("Close no. %1 (%2)").arg(rec.r.closeNo || "").arg(rec.r.days || "")
            font.pixelSize: 30; font.bold: true; color: "#263238"
        }
        Row {
            spacing: 0
            Repeater {
                model: [qsTr("Note"), qsTr("Counted"), qsTr("Ledger"), qsTr("Difference")]
                Text { width: table.width / 4; text: modelData; font.pixelSize: 22; font.bold: true; color: "#546E7A" }
            }
        }
        Repeater {
            model: rec.r.rows || []
            Row {
                objectName: "reconRow" + index
                Repeater {
                    model: [modelData.note, modelData.counted, modelData.ledger, modelData.difference]
                    Text { width: table.width / 4; text: modelData; font.pixelSize: 26; color: "#263238" }
                }
                Text { text: modelData.ok ? "" : "⚠"; font.pixelSize: 26; color: "#B71C1C" }
            }
        }
        Row {
            Repeater {
                model: [qsTr("Total"), rec.r.countedTotal || "", rec.r.ledgerTotal || ""]
                Text { width: table.width / 4; text: modelData; font.pixelSize: 24; font.bold: true; color: "#263238" }
            }
        }
        Text {
            objectName: "acceptorCountText"
            width: table.width
            wrapMode: Text.WordWrap
            text: rec.r.acceptorNotes ? qsTr("The note acceptor's own counter: %1 notes stacked (the ledger has %2).").arg(rec.r.acceptorNotes).arg(rec.r.ledgerNotes)
                                      : qsTr("The note acceptor's own counter is not available for this close.")
            font.pixelSize: 22; color: rec.r.acceptorAgrees ? "#37474F" : "#B71C1C"
        }
    }
    Column {
        anchors { right: parent.right; top: parent.top; rightMargin: 30 }
        width: parent.width * 0.42
        spacing: 10
        Repeater {
            model: [
                [qsTr("Opening float"), rec.r.openingFloat || ""],
                [qsTr("Vouchers issued"), rec.r.vouchersIssued || ""],
                [qsTr("Vouchers paid out of the box"), rec.r.vouchersSettled || ""],
                [qsTr("Vouchers still open"), rec.r.openVouchers || ""],
                [qsTr("Suspense (notes with no payment)"), rec.r.suspense || ""],
                [qsTr("Expected in the box"), rec.r.expected || ""],
                [qsTr("You counted"), rec.r.countedTotal || ""]
            ]
            Row {
                spacing: 12
                Text { width: 330; wrapMode: Text.WordWrap; text: modelData[0]; font.pixelSize: 24; color: "#546E7A" }
                Text { text: modelData[1]; font.pixelSize: 24; font.bold: true; color: "#263238" }
            }
        }
        Rectangle {
            width: parent.width; height: 90; radius: 12
            color: rec.r.balanced ? "#2E7D32" : "#B71C1C"
            Text {
                objectName: "differenceText"
                anchors.centerIn: parent
                text: rec.r.balanced ? qsTr("Difference: none") : qsTr("Difference: %1").arg(rec.r.difference || "")
                color: "white"; font.pixelSize: 32; font.bold: true
            }
        }
        Btn {
            objectName: "reconReportButton"
            width: parent.width
            text: qsTr("Z-report")
            onClicked: rec.model.showReport()
        }
    }
}
