import QtQuick

// In the header on every screen: hear the prompt again, large text, high contrast, and volume/speed.
Row {
    id: bar
    property string iconDir: ""
    spacing: 8
    IconBtn {
        objectName: "speakerButton"
        icon: bar.iconDir + "speaker.svg"
        label: qsTr("Listen")
        on: access.speechOn
        onClicked: access.speak()
    }
    IconBtn {
        objectName: "largeTextButton"
        icon: bar.iconDir + "textsize.svg"
        label: qsTr("Big text")
        on: access.largeText
        onClicked: access.toggleLargeText()
    }
    IconBtn {
        objectName: "contrastButton"
        icon: bar.iconDir + "contrast.svg"
        label: qsTr("Contrast")
        on: access.highContrast
        onClicked: access.toggleContrast()
    }
    IconBtn {
        objectName: "soundSettingsButton"
        icon: bar.iconDir + "settings.svg"
        label: qsTr("Sound")
        on: access.panelOpen
        onClicked: access.togglePanel()
    }
}
