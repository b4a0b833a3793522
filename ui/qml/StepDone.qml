import QtQuick

// Paid: the receipt, the certificate, change due, and the e-receipt QR.
Row {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    objectName: "donePanel"
    spacing: 50
    Column {
        width: Math.min(700, journey.width - 420)
        spacing: 20
        Text { text: qsTr("Payment received. Thank you!"); font.pixelSize: 40; font.bold: true; color: access.colour["#1B5E20"] }
        Text { objectName: "receiptNoText"; text: qsTr("Receipt number: %1").arg(journey.outcome.receiptNo); font.pixelSize: 32; color: access.colour["#3E2723"] }
        BbpsQuote { bbps: journey.bbps; part: "approval"; width: parent.width }
        Text {
            objectName: "provisionalText"
            visible: journey.outcome.provisional
            width: parent.width; wrapMode: Text.WordWrap
            text: qsTr("This is a provisional receipt: the payment is sent to the office when the internet is back. Keep the receipt.")
            font.pixelSize: 26; font.bold: true; color: access.colour["#BF360C"]
        }
        Text { text: qsTr("Amount paid: %1").arg(journey.outcome.paid); font.pixelSize: 32; color: access.colour["#3E2723"] }
        Text {
            objectName: "printedText"
            width: parent.width; wrapMode: Text.WordWrap
            text: journey.outcome.printed ? qsTr("Take your receipt from the printer below.") : qsTr("The receipt could not be printed. Your payment is safe: scan the code with your phone, or ask the operator for a copy.")
            font.pixelSize: 28; color: journey.outcome.printed ? access.colour["#3E2723"] : access.colour["#B71C1C"]
        }
        Text {
            objectName: "certificateText"
            visible: journey.outcome.certificate !== ""
            width: parent.width; wrapMode: Text.WordWrap
            text: journey.outcome.certificate === "printed" ? qsTr("Your certificate is printing on the big printer. Take it from its tray.") : qsTr("The certificate could not be printed now. Your payment is safe: show your receipt to the operator, who will print it for you.")
            font.pixelSize: 28; font.bold: true; color: journey.outcome.certificate === "printed" ? access.colour["#1B5E20"] : access.colour["#B71C1C"]
        }
        Text {
            visible: journey.outcome.voucherNo !== ""
            width: parent.width; wrapMode: Text.WordWrap
            text: qsTr("You paid %1 extra. Take slip number %2 to the operator for your change.").arg(journey.outcome.voucherAmount).arg(journey.outcome.voucherNo)
            font.pixelSize: 28; font.bold: true; color: access.colour["#BF360C"]
        }
        Btn { objectName: "finishButton"; text: qsTr("Finish"); onClicked: journey.outcome.finish() }
    }
    Column {
        spacing: 10
        Image {
            objectName: "receiptQr"
            source: phone.qrImage !== "" ? phone.qrImage : journey.outcome.qrImage  // the short link when online
            width: 300; height: 300
            smooth: false
        }
        Text { width: 300; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter; text: phone.qrImage !== "" && journey.model.flow === "certificate_print" ? qsTr("Scan for the certificate on your phone") : qsTr("Scan for the e-receipt on your phone"); font.pixelSize: 24; color: access.colour["#3E2723"] }
        PhoneButton { width: 300; iconDir: journey.iconDir }
        StepLockerButton { width: 300; iconDir: journey.iconDir }
    }
}
