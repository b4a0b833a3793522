import QtQuick

// The amount, and how to pay.
Column {
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    objectName: "choosePaymentPanel"
    width: Math.min(1000, journey.width - 80)
    spacing: 20
    Text {
        text: journey.model.flow === "bill_payment" ? qsTr("Name: %1 · Due date: %2").arg(journey.pay.consumer).arg(journey.pay.dueDate) : qsTr("Name: %1").arg(journey.pay.consumer)
        font.pixelSize: 30; color: access.colour["#3E2723"]
    }
    Text {
        objectName: "amountDueText"
        text: qsTr("Amount to pay: %1").arg(journey.pay.amountDue)
        font.pixelSize: 48; font.bold: true; color: access.colour["#BF360C"]
    }
    BbpsQuote { bbps: journey.bbps; part: "quote"; width: parent.width }
    Text {
        objectName: "problemTextPay"
        visible: journey.pay.problem !== ""
        width: parent.width; wrapMode: Text.WordWrap
        // After Aadhaar Pay was refused (330: biometrics locked …), the bank's own advice says what to do.
        text: journey.model.aepsScreen.advice !== "" ? journey.model.aepsScreen.advice : journey.problemText(journey.pay.problem)
        font.pixelSize: 28; color: access.colour["#B71C1C"]
    }
    Text { text: qsTr("How do you want to pay?"); font.pixelSize: 30; color: access.colour["#3E2723"] }
    Flow {
        width: parent.width
        spacing: 30
        Btn {
            objectName: "payCashButton"
            icon: journey.iconDir + "cash.svg"
            visible: journey.pay.paymentModes.indexOf("cash") >= 0
            width: 420; height: 110
            text: qsTr("Pay in cash")
            textSize: 34
            onClicked: journey.pay.chooseCash()
        }
        Btn {
            objectName: "payAadhaarButton"
            icon: journey.iconDir + "finger.svg"
            visible: journey.pay.paymentModes.indexOf("aadhaar") >= 0
            width: 420; height: 110
            text: qsTr("Pay with Aadhaar (fingerprint)")
            textSize: 30
            onClicked: journey.pay.chooseAadhaar()
        }
        Btn {
            objectName: "payAadhaarPayButton"
            icon: journey.iconDir + "finger.svg"
            visible: journey.model.aepsScreen.offered  // the operator's login today and a bank list (Invariant 5)
            width: 420; height: 110
            text: qsTr("Aadhaar Pay (choose your bank)")
            textSize: 30
            onClicked: journey.model.aepsScreen.choose()
        }
        Btn {
            objectName: "payUpiButton"
            icon: journey.iconDir + "upi.svg"
            visible: journey.pay.paymentModes.indexOf("upi") >= 0
            width: 420; height: 110
            text: qsTr("Pay by UPI (scan QR)")
            textSize: 30
            onClicked: journey.model.railScreen.chooseUpi()
        }
        Btn {
            objectName: "payCardButton"
            icon: journey.iconDir + "card.svg"
            visible: journey.pay.paymentModes.indexOf("card") >= 0
            width: 420; height: 110
            text: qsTr("Pay by card (ATM/debit card)")
            textSize: 30
            onClicked: journey.model.railScreen.chooseCard()
        }
    }
    Btn { objectName: "cancelPayButton"; icon: journey.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: journey.pay.cancel() }
}
