import QtQuick

// Each required document, page by page: scan, see the page, scan it again if it is not right, then the next one.
Row {
    id: scan
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    readonly property var app: journey.model.applicationScreen
    objectName: "scanPanel"
    spacing: 40

    function problemText(p) {
        switch (p) {
        case "blank": return qsTr("The page looks empty. Put the page face down on the glass and scan again.")
        case "too_dark": return qsTr("The page is too dark to read. Close the lid fully and scan again.")
        case "skewed": return qsTr("The page is turned too far. Lay it straight along the edge of the glass and scan again.")
        case "no_document": return qsTr("There is no page on the scanner. Put the page face down on the glass.")
        case "cover_open": return qsTr("The scanner lid is open. Close it and scan again.")
        case "jammed": return qsTr("The page is stuck in the scanner. Please ask the operator.")
        case "busy": return qsTr("The scanner is busy. Wait a moment and scan again.")
        }
        return p === "" ? "" : qsTr("The scanner is not working right now. Please ask the operator.")
    }

    Column {
        width: Math.min(640, scan.journey.width - 520)
        spacing: 18
        Text { objectName: "documentText"; width: parent.width; wrapMode: Text.WordWrap; text: qsTr("Document %1 of %2: %3").arg(app.documentIndex).arg(app.documentCount).arg(app.document); font.pixelSize: 32; font.bold: true; color: access.colour["#3E2723"] }
        Text { width: parent.width; wrapMode: Text.WordWrap; text: qsTr("Put the page face down on the scanner glass, close the lid, and tap Scan page."); font.pixelSize: 26; color: access.colour["#3E2723"] }
        Text { objectName: "pagesText"; text: qsTr("Pages scanned: %1").arg(app.pagesTaken); font.pixelSize: 28; color: access.colour["#00695C"] }
        Text { objectName: "pageProblemText"; width: parent.width; wrapMode: Text.WordWrap; visible: app.pageProblem !== ""; text: scan.problemText(app.pageProblem); font.pixelSize: 26; font.bold: true; color: access.colour["#B71C1C"] }
        Btn { objectName: "scanButton"; width: 360; text: qsTr("Scan page"); onClicked: { journey.app.touched(); app.scan() } }
        Row {
            spacing: 20
            Btn { objectName: "retakeButton"; visible: app.preview !== ""; primary: false; text: qsTr("Scan it again"); onClicked: { journey.app.touched(); app.retakePage() } }
            Btn { objectName: "nextDocumentButton"; enabledLook: app.canFinishDocument; text: qsTr("Next"); onClicked: { journey.app.touched(); app.finishDocument() } }
        }
        Btn { objectName: "cancelScanButton"; icon: journey.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: app.cancel() }
    }
    Rectangle {
        width: 440; height: 560; color: access.colour["#FFF8EE"]; border.color: access.colour["#BDBDBD"]; border.width: 2
        Image { objectName: "pagePreview"; anchors { fill: parent; margins: 8 } fillMode: Image.PreserveAspectFit; source: app.preview; cache: false }
    }
}
