<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>AccessBar</name>
    <message>
        <location filename="../qml/AccessBar.qml" line="11"/>
        <source>Listen</source>
        <translation>सुनें</translation>
    </message>
    <message>
        <location filename="../qml/AccessBar.qml" line="18"/>
        <source>Big text</source>
        <translation>बड़े अक्षर</translation>
    </message>
    <message>
        <location filename="../qml/AccessBar.qml" line="25"/>
        <source>Contrast</source>
        <translation>गहरा रंग</translation>
    </message>
    <message>
        <location filename="../qml/AccessBar.qml" line="32"/>
        <source>Sound</source>
        <translation>आवाज़</translation>
    </message>
</context>
<context>
    <name>AccessPanel</name>
    <message>
        <location filename="../qml/AccessPanel.qml" line="24"/>
        <source>Speech</source>
        <translation>बोलकर बताना</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="30"/>
        <source>On: tap to turn off</source>
        <translation>चालू: बंद करने के लिए छुएँ</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="30"/>
        <source>Off: tap to turn on</source>
        <translation>बंद: चालू करने के लिए छुएँ</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="39"/>
        <source>Volume</source>
        <translation>आवाज़ का स्तर</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="54"/>
        <source>Speed</source>
        <translation>बोलने की गति</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="57"/>
        <source>Slow</source>
        <translation>धीमी</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="57"/>
        <source>Normal</source>
        <translation>सामान्य</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="57"/>
        <source>Fast</source>
        <translation>तेज़</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="71"/>
        <source>The loudspeaker is not working. Please read the screen or ask the operator.</source>
        <translation>लाउडस्पीकर काम नहीं कर रहा। कृपया स्क्रीन पढ़ें या संचालक से पूछें।</translation>
    </message>
    <message>
        <location filename="../qml/AccessPanel.qml" line="74"/>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
</context>
</TS>
