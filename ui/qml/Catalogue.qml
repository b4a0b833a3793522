import QtQuick

// All services: categories on the left, search on top, results as tiles.
Item {
    id: cat
    required property var app
    required property string iconDir
    readonly property var model: app.catalogueModel

    Column {
        id: categories
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 16 }
        width: Math.min(320, parent.width * 0.26)
        spacing: 10
        Repeater {
            model: cat.model.categories
            Btn {
                objectName: "category_" + modelData.id
                width: categories.width; height: 72
                textSize: 26
                primary: cat.model.category === modelData.id
                icon: cat.iconDir + modelData.icon + ".svg"
                text: modelData.name
                onClicked: { cat.app.touched(); cat.model.setCategory(modelData.id) }
            }
        }
    }

    Rectangle {
        id: searchBox
        anchors { left: categories.right; right: parent.right; top: parent.top; margins: 16 }
        height: 80; radius: 40
        color: access.colour["white"]; border.color: access.colour["#00695C"]; border.width: 3
        TextInput {
            id: field
            objectName: "searchField"
            anchors { fill: parent; leftMargin: 32; rightMargin: 32 }
            verticalAlignment: TextInput.AlignVCenter
            font.pixelSize: 30
            clip: true
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText  // "bijli" as typed
            text: cat.model.query
            onTextEdited: { cat.app.touched(); cat.model.setQuery(text) }
        }
        Text {
            anchors { fill: field }
            verticalAlignment: Text.AlignVCenter
            visible: field.text === ""
            text: qsTr("Type a service name: बिजली, pani, jati …")
            font.pixelSize: 28; color: access.colour["#8D8D8D"]
        }
    }

    Text {
        objectName: "noResultsText"
        anchors { left: categories.right; right: parent.right; top: searchBox.bottom; margins: 24 }
        visible: results.count === 0
        wrapMode: Text.WordWrap
        text: qsTr("Nothing found. Try another word, or choose a group on the left.")
        font.pixelSize: 30; color: access.colour["#4E342E"]
    }

    Grid {
        id: grid
        objectName: "resultGrid"
        anchors { left: categories.right; right: parent.right; top: searchBox.bottom; bottom: parent.bottom; margins: 16 }
        columns: 3
        spacing: 12
        Repeater {
            id: results
            model: cat.model.results
            Tile {
                objectName: "result_" + modelData.id
                width: (grid.width - 2 * grid.spacing) / 3
                height: Math.min(200, (grid.height - 3 * grid.spacing) / 4)
                name: modelData.name
                icon: modelData.icon
                offline: modelData.offline
                iconDir: cat.iconDir
                onClicked: cat.app.openService(modelData.id)
            }
        }
    }
}
