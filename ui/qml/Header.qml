import QtQuick

// Always on top: home, centre name, language switch (one tap), report a problem.
Rectangle {
    id: header
    required property var app
    property string iconDir: ""
    height: 92
    color: access.colour["#00695C"]
    Row {
        anchors { left: parent.left; leftMargin: 12; verticalCenter: parent.verticalCenter }
        spacing: 16
        Btn {
            objectName: "homeButton"
            icon: header.iconDir + "back.svg"
            visible: header.app.screen !== "home"
            primary: false
            width: 190; height: 72
            text: qsTr("Home")
            onClicked: header.app.goHome()
        }
        Text {
            anchors.verticalCenter: parent.verticalCenter
            width: header.width - 1030
            height: 80
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
            fontSizeMode: Text.Fit  // a long centre name wraps to two lines and shrinks (down to 20 px) before eliding
            minimumPixelSize: 20
            text: header.app.homeModel.centreName
            color: access.colour["white"]
            font.pixelSize: 28
            font.bold: true
            // The operator's hidden entry: a 3-second press (timed by the app's clock) opens the PIN pad.
            MouseArea {
                objectName: "logoArea"
                anchors.fill: parent
                onPressed: header.app.logoPressed()
                onReleased: header.app.logoReleased()
                onCanceled: header.app.logoCancelled()
            }
        }
    }
    Row {
        anchors { right: parent.right; rightMargin: 12; verticalCenter: parent.verticalCenter }
        spacing: 12
        AccessBar { iconDir: header.iconDir; anchors.verticalCenter: parent.verticalCenter }
        Btn {
            objectName: "reportButton"
            icon: header.iconDir + "help.svg"
            primary: false
            width: 230; height: 72
            textSize: 24
            text: qsTr("Report a problem")
            onClicked: header.app.reportProblem()
        }
        Btn {
            objectName: "languageButton"
            width: 170; height: 72
            // Shown in the language it switches to, so a reader of either finds it.
            text: header.app.language === "hi" ? "English" : "हिंदी"
            onClicked: header.app.toggleLanguage()
        }
    }
}
