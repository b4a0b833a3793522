import QtQuick
import QtQuick.Window

// Developer panel: stands in for the hands at the machine (notes, finger) and for device faults.
Window {
    id: win
    required property var panel
    width: 360; height: 640; visible: true
    x: 1380; y: 0
    title: "Device panel"
    color: "#263238"
    Column {
        anchors { fill: parent; margins: 12 }
        spacing: 8
        Text { text: "Insert a note"; color: "white"; font.pixelSize: 20 }
        Grid {
            columns: 3; spacing: 6
            Repeater {
                model: [10, 20, 50, 100, 200, 500]
                Rectangle {
                    width: 104; height: 56; radius: 6; color: "#43A047"
                    Text { anchors.centerIn: parent; text: "₹" + modelData; color: "white"; font.pixelSize: 22 }
                    MouseArea { anchors.fill: parent; onClicked: win.panel.insertNote(modelData) }
                }
            }
        }
        Repeater {
            model: [["Fake note", "fake"], ["Jam / clear jam", "jam"], ["Paper out / refill", "paper"], ["Finger on / off", "finger"]]
            Rectangle {
                width: 324; height: 56; radius: 6; color: "#546E7A"
                Text { anchors.centerIn: parent; text: modelData[0]; color: "white"; font.pixelSize: 20 }
                MouseArea {
                    anchors.fill: parent
                    onClicked: {
                        if (modelData[1] === "fake") win.panel.fakeNote()
                        else if (modelData[1] === "jam") win.panel.toggleJam()
                        else if (modelData[1] === "paper") win.panel.togglePaper()
                        else win.panel.toggleFinger()
                    }
                }
            }
        }
        Text { width: 324; wrapMode: Text.WordWrap; text: win.panel.status; color: "#CFD8DC"; font.pixelSize: 18 }
    }
}
