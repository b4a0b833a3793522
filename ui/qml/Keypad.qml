import QtQuick

// The on-screen number pad: 0-9, erase, and OK. Keys are 96 x 76 px.
Grid {
    id: pad
    signal digit(string d)
    signal erase()
    signal ok()
    columns: 3
    spacing: 10
    Repeater {
        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
        Btn {
            objectName: "key" + modelData
            width: 110; height: 76
            primary: false
            text: modelData
            textSize: 36
            onClicked: pad.digit(modelData)
        }
    }
    Btn {
        objectName: "keyBack"
        width: 110; height: 76
        primary: false
        text: "⌫"
        textSize: 34
        onClicked: pad.erase()
    }
    Btn {
        objectName: "key0"
        width: 110; height: 76
        primary: false
        text: "0"
        textSize: 36
        onClicked: pad.digit("0")
    }
    Btn {
        objectName: "keyOk"
        width: 110; height: 76
        text: qsTr("OK")
        onClicked: pad.ok()
    }
}
