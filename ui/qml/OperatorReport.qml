import QtQuick

// The Z-report on screen (the same lines as on paper) with its signed QR, and the print button.
Item {
    id: rep
    required property var model
    Flickable {
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; leftMargin: 20 }
        width: parent.width - 420
        contentHeight: lines.height
        clip: true
        Column {
            id: lines
            width: parent.width
            spacing: 6
            Repeater {
                model: rep.model.report.lines || []
                Text {
                    objectName: "reportLine" + index
                    width: lines.width
                    wrapMode: Text.WordWrap
                    text: modelData
                    font.pixelSize: index === 0 ? 26 : 22; font.bold: index === 0; color: "#263238"
                }
            }
        }
    }
    Column {
        anchors { right: parent.right; top: parent.top; rightMargin: 30 }
        spacing: 14
        Image {
            objectName: "reportQr"
            width: 300; height: 300
            smooth: false
            source: rep.model.report.qr || ""
        }
        Text {
            width: 340
            wrapMode: Text.WordWrap
            text: qsTr("A supervisor scans this code to check the report.")
            font.pixelSize: 20; color: "#37474F"
        }
        Btn {
            objectName: "printReportButton"
            width: 340
            text: qsTr("Print the Z-report")
            onClicked: rep.model.printReport()
        }
    }
}
