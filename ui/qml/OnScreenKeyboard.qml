import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// The kiosk's one on-screen keyboard (Qt Virtual Keyboard, Hindi and English), hosted by Main.qml for every screen:
// it comes up whenever a TextInput/TextField has the focus, so a new field needs nothing of its own. Its layout
// follows the kiosk's language (the globe key still switches); a screen change (Cancel, idle timeout) puts it away.
InputPanel {
    id: keyboard
    objectName: "keyboard"
    required property var app
    readonly property real findingsRoom: 150  // what Main.qml keeps in sight beneath the field: a row of results
    readonly property string place: app.screen + "/" + app.journeyModel.step
    readonly property Item typingIn: active ? Window.activeFocusItem : null
    // Narrower than the 1366 px screen: keys of about 100 px are big enough for a finger and the keyboard leaves
    // more of the screen for what the typing finds.
    width: Math.min(parent.width, 1100)
    anchors.horizontalCenter: parent.horizontalCenter
    y: parent.height - (active ? height : 0)
    visible: active

    Binding {
        target: VirtualKeyboardSettings
        property: "locale"
        value: keyboard.app.language === "en" ? "en_US" : "hi_IN"
    }
    Component.onCompleted: VirtualKeyboardSettings.activeLocales = ["hi_IN", "en_US"]

    // A new screen or step (Cancel, the idle timeout) hides the field typed into, which keeps the focus unless told:
    // the focus goes back to the window and the keys go away. A field the new step focuses itself keeps it.
    onPlaceChanged: Qt.callLater(keyboard.putAwayIfHidden)
    function putAwayIfHidden() {
        const focused = keyboard.Window.activeFocusItem
        if (focused !== null && focused.visible)
            return
        Qt.inputMethod.hide()
        if (keyboard.Window.window)
            keyboard.Window.window.contentItem.forceActiveFocus()
    }
    // Typing is using the kiosk: each keystroke restarts the idle timeout, whichever field it lands in. A field that
    // disappears some other way (a screen's own next step, such as the grievance's) puts the keys away too.
    Connections {
        target: keyboard.typingIn
        ignoreUnknownSignals: true
        function onTextChanged() { keyboard.app.touched() }
        function onVisibleChanged() { Qt.callLater(keyboard.putAwayIfHidden) }
    }
}
