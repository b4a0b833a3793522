import QtQuick

// Home: today's hours and whether the centre is open, whom to call, a search box and the service tiles.
Item {
    id: home
    required property var app
    required property string iconDir
    readonly property var model: app.homeModel

    Column {
        anchors { fill: parent; margins: 20 }
        spacing: 16

        Row {
            width: parent.width
            spacing: 20
            Rectangle {
                width: (parent.width - 20) / 2; height: 76; radius: 12
                color: access.colour["#E8F5E9"]
                Text {
                    objectName: "hoursText"
                    anchors { fill: parent; leftMargin: 16 }
                    verticalAlignment: Text.AlignVCenter
                    elide: Text.ElideRight
                    text: qsTr("Open today %1 · open now").arg(home.model.hoursToday)
                    font.pixelSize: 26; font.bold: true; color: access.colour["#1B5E20"]
                }
            }
            Rectangle {
                width: (parent.width - 20) / 2; height: 76; radius: 12
                color: access.colour["#FFF3E0"]
                Text {
                    objectName: "contactText"
                    anchors { fill: parent; leftMargin: 16; rightMargin: 8 }
                    verticalAlignment: Text.AlignVCenter
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    text: qsTr("Help: %1 · Helpline %2").arg(home.model.nodalOfficer).arg(home.model.helpline)
                    font.pixelSize: 24; color: access.colour["#4E342E"]
                }
            }
        }

        Rectangle {
            objectName: "searchBox"
            width: parent.width; height: 80; radius: 40
            color: access.colour["white"]; border.color: access.colour["#00695C"]; border.width: 3
            Row {
                anchors { left: parent.left; leftMargin: 28; verticalCenter: parent.verticalCenter }
                spacing: 16
                Image {
                    source: home.iconDir + "search.svg"
                    sourceSize.width: 44; sourceSize.height: 44
                    anchors.verticalCenter: parent.verticalCenter
                }
                Text {
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Search for a service (e.g. bijli bill)")
                    font.pixelSize: 28; color: access.colour["#6D6D6D"]
                }
            }
            MouseArea { anchors.fill: parent; onClicked: home.app.openCatalogue("") }
        }

        Grid {
            id: grid
            objectName: "tileGrid"
            width: parent.width
            height: parent.height - 76 - 80 - 90 - 3 * 16
            columns: access.largeText ? 3 : 4
            spacing: 14
            readonly property int rows: Math.ceil(tiles.count / columns)
            Repeater {
                id: tiles
                model: home.model.tiles
                Tile {
                    objectName: "tile_" + modelData.id
                    width: (grid.width - (grid.columns - 1) * grid.spacing) / grid.columns
                    height: (grid.height - (grid.rows - 1) * grid.spacing) / Math.max(grid.rows, 1)
                    name: modelData.name
                    icon: modelData.icon
                    offline: modelData.offline
                    iconDir: home.iconDir
                    onClicked: home.app.openService(modelData.id)
                }
            }
        }

        Row {
            width: parent.width
            spacing: 16
            Btn {
                objectName: "allServicesButton"
                width: parent.width - (complaintButton.visible ? complaintButton.width + 16 : 0); height: 80
                primary: false
                text: qsTr("All services")
                onClicked: home.app.openCatalogue("")
            }
            Btn {
                id: complaintButton
                objectName: "bbpsComplaintButton"
                visible: home.app.journeyModel.complaintScreen.available
                width: parent.width * 0.38; height: 80
                primary: false
                text: qsTr("Complaint about a bill payment")
                textSize: 24
                onClicked: home.app.journeyModel.complaintScreen.open()
            }
        }
    }
}
