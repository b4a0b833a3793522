import QtQuick

// Bharat BillPay on the bill screens: the biller and bill, the amounts the biller accepts (amount step), the
// convenience fee and total BEFORE paying, and after paying the BBPS reference or, honestly, that it is pending.
Column {
    id: q
    required property var bbps
    property string part: "quote"  // "range" (amount step) | "quote" (before paying) | "approval" (done)
    visible: bbps.active
    spacing: 8
    Text {
        width: parent.width; wrapMode: Text.WordWrap
        text: qsTr("Bharat BillPay · %1").arg(q.bbps.billerName)
        font.pixelSize: 26; font.bold: true; color: access.colour["#00695C"]
    }
    Text {
        objectName: "bbpsBillText"
        visible: q.part === "range" && q.bbps.billAmount !== ""
        width: parent.width; wrapMode: Text.WordWrap
        text: qsTr("Bill amount %1, bill date %2.").arg(q.bbps.billAmount).arg(q.bbps.billDate)
        font.pixelSize: 28; color: access.colour["#3E2723"]
    }
    Text {
        objectName: "bbpsRangeText"
        visible: q.part === "range" && q.bbps.low !== ""
        width: parent.width; wrapMode: Text.WordWrap
        text: q.bbps.billAmount !== "" ? qsTr("This biller accepts from %1 to %2. Type the amount in rupees, or press OK to pay the bill amount.").arg(q.bbps.low).arg(q.bbps.high) : qsTr("Type the amount you want to pay, in rupees (up to %1).").arg(q.bbps.high)
        font.pixelSize: 28; font.bold: true; color: access.colour["#3E2723"]
    }
    Text {
        objectName: "bbpsFeeText"
        visible: q.part === "quote" && q.bbps.total !== ""
        width: parent.width; wrapMode: Text.WordWrap
        text: qsTr("Bill %1 + convenience fee %2 = total %3").arg(q.bbps.amount).arg(q.bbps.fee).arg(q.bbps.total)
        font.pixelSize: 30; color: access.colour["#3E2723"]
    }
    Text {
        objectName: "bbpsApprovalText"
        visible: q.part === "approval" && q.bbps.approvalRef !== ""
        width: parent.width; wrapMode: Text.WordWrap
        text: qsTr("BBPS reference number: %1").arg(q.bbps.approvalRef)
        font.pixelSize: 30; font.bold: true; color: access.colour["#1B5E20"]
    }
    Text {
        objectName: "bbpsPendingText"
        visible: q.part === "approval" && q.bbps.confirmation === "pending"
        width: parent.width; wrapMode: Text.WordWrap
        text: qsTr("Your payment is recorded. The biller's confirmation is pending: ask the operator later for a reprint with the BBPS reference number.")
        font.pixelSize: 28; font.bold: true; color: access.colour["#BF360C"]
    }
    Text {
        objectName: "bbpsRefusedText"
        visible: q.part === "approval" && q.bbps.confirmation === "refused"
        width: parent.width; wrapMode: Text.WordWrap
        text: qsTr("The biller did not accept this payment. Show your receipt to the operator to get your money back.")
        font.pixelSize: 28; font.bold: true; color: access.colour["#B71C1C"]
    }
}
