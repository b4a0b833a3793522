import QtQuick

// The operator's menu: one big button per job.
Item {
    id: menu
    required property var model
    Grid {
        anchors.centerIn: parent
        columns: 3
        spacing: 24
        Btn { objectName: "menuStatus"; width: 400; height: 110; text: qsTr("Device status"); onClicked: menu.model.showStatus() }
        Btn { objectName: "menuClose"; width: 400; height: 110; text: qsTr("Close the day"); onClicked: menu.model.startClose() }
        Btn { objectName: "menuReport"; width: 400; height: 110; text: qsTr("Z-report"); onClicked: menu.model.showReport() }
        Btn { objectName: "menuReprint"; width: 400; height: 110; primary: false; text: qsTr("Reprint a receipt"); onClicked: menu.model.showReprints() }
        Btn { objectName: "menuVouchers"; width: 400; height: 110; primary: false; text: qsTr("Change-due vouchers"); onClicked: menu.model.showVouchers() }
        Btn { objectName: "menuService"; width: 400; height: 110; primary: false; text: qsTr("Out of service"); onClicked: menu.model.showService() }
        Btn { objectName: "menuStuck"; width: 400; height: 110; primary: false; text: qsTr("Payments still open"); onClicked: menu.model.showStuck() }
        Btn { objectName: "menuCashbox"; width: 400; height: 110; primary: false; text: qsTr("Remove the cash box"); onClicked: menu.model.showCashbox() }
        OperatorAadhaarLoginEntry { model: menu.model }
    }
}
