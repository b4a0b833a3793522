import QtQuick

// The applicant's photo from the camera above the screen, with a retake when no face is seen.
Row {
    id: photo
    required property var journey  // Journey.qml: its view-models (entry, pay, outcome), app, iconDir and wordings
    readonly property var app: journey.model.applicationScreen
    objectName: "photoPanel"
    spacing: 40
    Column {
        width: Math.min(640, photo.journey.width - 520)
        spacing: 20
        Text { width: parent.width; wrapMode: Text.WordWrap; text: qsTr("Your photo for the certificate"); font.pixelSize: 34; font.bold: true; color: access.colour["#3E2723"] }
        Text { width: parent.width; wrapMode: Text.WordWrap; text: qsTr("Look straight at the camera above the screen, without a cap or dark glasses, and tap Take photo."); font.pixelSize: 26; color: access.colour["#3E2723"] }
        Text {
            objectName: "photoProblemText"
            width: parent.width; wrapMode: Text.WordWrap
            visible: app.pageProblem !== ""
            text: app.pageProblem === "no_face" ? qsTr("Your face was not seen clearly. Come a little closer, look at the camera and take it again.") : qsTr("The camera is not working right now. Please ask the operator.")
            font.pixelSize: 26; font.bold: true; color: access.colour["#B71C1C"]
        }
        Btn { objectName: "takePhotoButton"; width: 360; text: app.photoTaken ? qsTr("Take it again") : qsTr("Take photo"); primary: !app.photoTaken; onClicked: { journey.app.touched(); app.takePhoto() } }
        Btn { objectName: "usePhotoButton"; width: 360; visible: app.photoTaken; text: qsTr("Use this photo"); onClicked: { journey.app.touched(); app.acceptPhoto() } }
        Btn { objectName: "cancelPhotoButton"; icon: journey.iconDir + "cancel.svg"; primary: false; text: qsTr("Cancel"); onClicked: app.cancel() }
    }
    Rectangle {
        width: 420; height: 520; color: access.colour["#FFF8EE"]; border.color: access.colour["#BDBDBD"]; border.width: 2
        Image { objectName: "photoPreview"; anchors { fill: parent; margins: 8 } fillMode: Image.PreserveAspectFit; source: app.preview; cache: false }
    }
}
