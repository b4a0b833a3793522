<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccessBar</name>
    <message>
        <location filename="../qml/AccessBar.qml" line="11"/>
        <source>Listen</source>
        <translation>Listen</translation>
    </message>
    <message>
        <location filename="../qml/AccessBar.qml" line="18"/>
        <source>Big text</source>
        <translation>Big text</translation>
    </message>
    <message>
        <location filename="../qml/AccessBar.qml" line="25"/>
        <source>Contrast</source>
        <translation>Contrast</translation>
    </message>
    <message>
        <location filename="../qml/AccessBar.qml" line="32"/>
        <source>Sound</source>
        <translation>Sound</translation>
    </message>
</context>
<context>
    <name>AccessPanel</name>
    <message>
        <location filename="../qml/AccessPanel.qml" line="24"/>
        <source>Speech</source>
        <translation>Speech</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="30"/>
        <source>On: tap to turn off</source>
        <translation>On: tap to turn off</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="30"/>
        <source>Off: tap to turn on</source>
        <translation>Off: tap to turn on</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="39"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="54"/>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="57"/>
        <source>Slow</source>
        <translation>Slow</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="57"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="57"/>
        <source>Fast</source>
        <translation>Fast</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="71"/>
        <source>The loudspeaker is not working. Please read the screen or ask the operator.</source>
        <translation>The loudspeaker is not working. Please read the screen or ask the operator.</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="74"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <location filename="../qml/PhonePanel.qml" line="13"/>
        <source>This mobile number is not correct. Type a 10-digit number starting with 6, 7, 8 or 9.</source>
        <translation>This mobile number is not correct. Type a 10-digit number starting with 6, 7, 8 or 9.</translation>
    </message>
    <message>
        <location filename="../qml/PhonePanel.qml" line="32"/>
        <source>Send the receipt to my phone</source>
        <translation>Send the receipt to my phone</translation>
    </message>
    <message>
        <location filename="../qml/PhonePanel.qml" line="36"/>
        <source>Mobile number (10 digits)</source>
        <translation>Mobile number (10 digits)</translation>
    </message>
    <message>
        <location filename="../qml/PhonePanel.qml" line="59"/>
        <source>Could not send now. Scan the code instead, or ask the operator.</source>
        <translation>Could not send now. Scan the code instead, or ask the operator.</translation>
    </message>
    <message>
        <location filename="../qml/PhonePanel.qml" line="62"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PhoneButton</name>
    <message>
        <location filename="../qml/PhoneButton.qml" line="12"/>
        <source>Send to my phone</source>
        <translation>Send to my phone</translation>
    </message>
    <message>
        <location filename="../qml/PhoneButton.qml" line="19"/>
        <source>Sent to %1.</source>
        <translation>Sent to %1.</translation>
    </message>
</context>
</TS>
