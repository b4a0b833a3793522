import QtQuick

// The payment-rail steps: the UPI QR or the card prompt with its countdown, and "try again or pay another way" after it lapsed.
Item {
    id: step
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    readonly property var rails: journey.model.railScreen
    anchors.fill: parent

    Column {
        objectName: "railWaitPanel"
        visible: step.journey.model.step === "rail_wait"
        anchors { top: parent.top; topMargin: 76; horizontalCenter: parent.horizontalCenter }
        width: Math.min(1000, step.width - 80)
        spacing: 10
        Text {
            visible: step.rails.rail !== "card"
            width: parent.width; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
            text: qsTr("Scan this QR with any UPI app and pay %1").arg(step.journey.pay.amountDue)
            font.pixelSize: 34; font.bold: true; color: access.colour["#3E2723"]
        }
        // The card rail: no QR; the terminal beside the screen takes card and PIN, this says what it waits for.
        Image {
            visible: step.rails.rail === "card"
            anchors.horizontalCenter: parent.horizontalCenter
            source: step.journey.iconDir + "card.svg"
            width: 200; height: 200
            sourceSize.width: 200; sourceSize.height: 200
        }
        Text {
            objectName: "railCardPromptText"
            visible: step.rails.rail === "card"
            width: parent.width; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
            text: step.rails.prompt === "card.pin"
                  ? qsTr("Enter your card PIN on the card machine. Nobody else should see it.")
                  : step.rails.prompt === "card.wait"
                    ? qsTr("Please wait: the bank is checking the payment of %1.").arg(step.journey.pay.amountDue)
                    : qsTr("Insert or tap your card on the card machine beside the screen to pay %1.").arg(step.journey.pay.amountDue)
            font.pixelSize: 34; font.bold: true; color: access.colour["#3E2723"]
        }
        Image {
            objectName: "railQrImage"
            visible: step.rails.rail !== "card"
            anchors.horizontalCenter: parent.horizontalCenter
            source: step.rails.qrImage
            width: 300; height: 300
            sourceSize.width: 300; sourceSize.height: 300
            smooth: false
        }
        Text {
            objectName: "railCountdownText"
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("Time left: %1:%2").arg(Math.floor(step.rails.secondsLeft / 60)).arg(("0" + step.rails.secondsLeft % 60).slice(-2))
            font.pixelSize: 32; color: access.colour["#BF360C"]
        }
        Text {
            width: parent.width; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
            text: step.rails.rail === "card"
                  ? qsTr("Keep your card in the machine until it says so. Keep this screen open until the receipt prints.")
                  : qsTr("The amount is fixed in the QR. Keep this screen open until the receipt prints. Do not pay twice.")
            font.pixelSize: 26; color: access.colour["#3E2723"]
        }
        Btn {
            objectName: "railCancelButton"
            anchors.horizontalCenter: parent.horizontalCenter
            icon: step.journey.iconDir + "cancel.svg"; primary: false
            text: qsTr("Cancel")
            onClicked: step.rails.cancel()
        }
    }

    Column {
        objectName: "railRetryPanel"
        visible: step.journey.model.step === "rail_retry"
        anchors { top: parent.top; topMargin: 100; horizontalCenter: parent.horizontalCenter }
        width: Math.min(1000, step.width - 80)
        spacing: 26
        Text {
            objectName: "railRetryText"
            width: parent.width; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
            text: step.journey.pay.problem === "rail_declined"
                  ? qsTr("The bank did not accept the payment. Nothing has been charged.")
                  : step.rails.rail === "card"
                    ? qsTr("The card payment did not go through. Nothing has been charged.")
                    : qsTr("The time for this QR is over. Nothing has been charged.")
            font.pixelSize: 34; color: access.colour["#B71C1C"]
        }
        Row {
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 30
            Btn {
                objectName: "railNewQrButton"
                icon: step.journey.iconDir + (step.rails.rail === "card" ? "card.svg" : "upi.svg")
                width: 420; height: 110; textSize: 30
                text: step.rails.rail === "card" ? qsTr("Try the card again") : qsTr("Show a new QR")
                onClicked: step.rails.retry()
            }
            Btn {
                objectName: "railOtherMethodButton"
                icon: step.journey.iconDir + "cash.svg"; primary: false
                width: 420; height: 110; textSize: 30
                text: qsTr("Pay another way")
                onClicked: step.rails.otherMethod()
            }
        }
        Btn {
            anchors.horizontalCenter: parent.horizontalCenter
            icon: step.journey.iconDir + "cancel.svg"; primary: false
            text: qsTr("Cancel")
            onClicked: step.rails.cancel()
        }
    }
}
