import QtQuick

// On the "payments still open" page: paid Bharat BillPay bills the biller has not confirmed, each with what to do.
Column {
    id: pending
    required property var model
    readonly property var rows: pending.model.bbpsPending
    objectName: "bbpsPending"
    visible: pending.rows.length > 0
    height: visible ? implicitHeight : 0
    spacing: 8
    Text {
        width: parent.width; wrapMode: Text.WordWrap
        text: qsTr("Bill payments the biller has not confirmed (Bharat BillPay)")
        font.pixelSize: 28; font.bold: true; color: "#263238"
    }
    Repeater {
        model: pending.rows
        Rectangle {
            id: bbpsRow
            required property var modelData
            objectName: "bbpsPending_" + bbpsRow.modelData.receipt
            width: pending.width; height: rowText.implicitHeight + actionText.implicitHeight + 32
            radius: 10; color: "white"
            Text {
                id: rowText
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: 12 }
                elide: Text.ElideRight
                text: (bbpsRow.modelData.state === "refused" ? qsTr("Refused by the biller") : qsTr("Awaiting the biller (%1 tries)").arg(bbpsRow.modelData.tries))
                      + " · " + qsTr("receipt %1 · %2 · %3 (%4) · %5").arg(bbpsRow.modelData.receipt).arg(bbpsRow.modelData.day).arg(bbpsRow.modelData.biller).arg(bbpsRow.modelData.reference).arg(bbpsRow.modelData.amount)
                font.pixelSize: 22; font.bold: true; color: "#263238"
            }
            Text {
                id: actionText
                objectName: "bbpsAction_" + bbpsRow.modelData.receipt
                anchors { left: parent.left; right: parent.right; top: rowText.bottom; margins: 12 }
                wrapMode: Text.WordWrap
                text: bbpsRow.modelData.action
                font.pixelSize: 22; color: "#B71C1C"
            }
        }
    }
}
