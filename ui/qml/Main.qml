import QtQuick
import QtQuick.Window

// The kiosk window: header, one screen at a time, and the overlays (idle countdown, attract loop, report).
Window {
    id: root
    required property var app
    required property string iconDir
    width: 1366
    height: 768
    visible: true
    color: access.colour["#FFF8EE"]
    title: "e-Mitra Plus"

    Header {
        id: header
        objectName: "header"
        app: root.app
        iconDir: root.iconDir
        anchors { left: parent.left; right: parent.right; top: parent.top }
    }

    // Large text: the screens lay out in a narrower box drawn 1.5x, so text and touch targets grow together and
    // reflow; the box is at least LARGE_MIN_HEIGHT tall and scrolls, so nothing is cut off.
    Flickable {
        id: bodyView
        objectName: "bodyView"
        x: 0; y: header.height
        width: root.width; height: root.height - header.height
        contentWidth: width; contentHeight: body.height * access.textScale
        interactive: access.largeText
        boundsBehavior: Flickable.StopAtBounds
        clip: true
    Item {
        id: body
        objectName: "screenBody"
        width: bodyView.width / access.textScale
        height: access.largeText ? Math.max(bodyView.height / access.textScale, 640) : bodyView.height
        scale: access.textScale; transformOrigin: Item.TopLeft
        transform: Translate { y: -root.lift }  // the field being typed into stays above the keyboard
        Home {
            objectName: "homeScreen"
            anchors.fill: parent
            visible: root.app.screen === "home" && root.app.homeModel.isOpen
            app: root.app
            iconDir: root.iconDir
        }
        Closed {
            objectName: "closedScreen"
            anchors.fill: parent
            visible: root.app.screen === "home" && !root.app.homeModel.isOpen
            app: root.app
        }
        Catalogue {
            objectName: "catalogueScreen"
            anchors.fill: parent
            visible: root.app.screen === "catalogue"
            app: root.app
            iconDir: root.iconDir
        }
        Journey {
            objectName: "journeyScreen"
            anchors.fill: parent
            visible: root.app.screen === "journey"
            app: root.app
            iconDir: root.iconDir
        }
        Info {
            objectName: "infoScreen"
            anchors.fill: parent
            visible: root.app.screen === "info"
            app: root.app
            iconDir: root.iconDir
        }
        Operator {
            objectName: "operatorScreen"
            anchors.fill: parent
            visible: root.app.screen === "operator"
            model: root.app.operatorModel
        }
        StepGrievance {
            objectName: "grievanceScreen"
            anchors.fill: parent
            visible: root.app.screen === "grievance"
            app: root.app
            model: root.app.grievanceModel
            iconDir: root.iconDir
        }
        BbpsComplaint {
            objectName: "complaintScreen"
            anchors.fill: parent
            app: root.app
            model: root.app.journeyModel.complaintScreen
            iconDir: root.iconDir
        }
    }
    }

    // The one on-screen keyboard for every screen's text fields (OnScreenKeyboard.qml).
    OnScreenKeyboard { id: keyboard; app: root.app }
    // Whether the item is on a screen; reading each ancestor's y makes `lift` follow a field that moves (a hint
    // folding away, a list scrolling) while the keyboard is up.
    function onBody(item) {
        for (let i = item; i !== null; i = i.parent)
            if (i === body || i.y === undefined)
                return i === body
        return false
    }
    // How far the screens move up so the focused field, and a row of what it finds beneath it, stay above the keys;
    // never so far that the field itself goes under the header.
    readonly property real lift: {
        const field = root.activeFocusItem
        if (!keyboard.active || !root.onBody(field))
            return 0
        const top = header.height + body.mapFromItem(field, 0, 0).y * access.textScale - bodyView.contentY
        const bottom = top + field.height * access.textScale
        return Math.max(0, Math.min(bottom + keyboard.findingsRoom * access.textScale - keyboard.y, top - header.height))
    }

    // Idle countdown: the last seconds before going home, on a solid card so it cannot be missed.
    Rectangle {
        objectName: "idleCountdown"
        anchors.fill: parent
        visible: root.app.idleLeft >= 0
        color: access.colour["#E6000000"]
        MouseArea { anchors.fill: parent; onClicked: root.app.touched() }
        Rectangle {
            anchors.centerIn: parent
            width: Math.min(parent.width - 80, 860); height: 340
            scale: access.textScale
            radius: 20; color: access.colour["#00695C"]
            Column {
                anchors.centerIn: parent
                spacing: 24
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("Are you still there?")
                    color: access.colour["white"]; font.pixelSize: 44; font.bold: true
                }
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("Going back to the start in %1 seconds").arg(root.app.idleLeft)
                    color: access.colour["white"]; font.pixelSize: 32
                }
                Btn {
                    objectName: "stillHereButton"
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("Yes, continue")
                    onClicked: root.app.touched()
                }
            }
        }
    }

    // Attract loop on an untouched home screen.
    Rectangle {
        objectName: "attractLoop"
        anchors.fill: parent
        visible: root.app.attract
        color: access.colour["#00695C"]
        MouseArea { anchors.fill: parent; onClicked: root.app.touched() }
        Column {
            anchors.centerIn: parent
            spacing: 30
            Text {
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("Pay bills, print certificates")
                color: access.colour["white"]; font.pixelSize: 56; font.bold: true
            }
            Text {
                id: touchHint
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("Touch the screen to start")
                color: access.colour["#FFE0B2"]; font.pixelSize: 40
                SequentialAnimation on opacity {
                    running: root.app.attract
                    loops: Animation.Infinite
                    NumberAnimation { from: 1; to: 0.3; duration: 900 }
                    NumberAnimation { from: 0.3; to: 1; duration: 900 }
                }
            }
        }
    }

    PhonePanel { objectName: "phonePanel"; anchors.fill: parent; anchors.topMargin: header.height; iconDir: root.iconDir }
    StepLocker { objectName: "lockerPanel"; anchors.fill: parent; anchors.topMargin: header.height; iconDir: root.iconDir }
    AccessPanel { objectName: "accessPanel"; anchors.fill: parent; anchors.topMargin: header.height; iconDir: root.iconDir }

    // "Report a problem" confirmation.
    Rectangle {
        objectName: "reportDone"
        anchors.fill: parent
        visible: root.app.reported > 0
        color: access.colour["#CC000000"]
        Rectangle {
            anchors.centerIn: parent
            width: Math.min(parent.width - 80, 900); height: 320
            radius: 20; color: access.colour["white"]
            Column {
                anchors.centerIn: parent
                width: parent.width - 60
                spacing: 24
                Text {
                    width: parent.width
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("Thank you. The problem has been recorded (number %1). The operator and the district office will see it.").arg(root.app.reported)
                    font.pixelSize: 30; color: access.colour["#3E2723"]
                }
                Btn {
                    objectName: "reportOkButton"
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("OK")
                    onClicked: root.app.dismissReport()
                }
            }
        }
    }
}
