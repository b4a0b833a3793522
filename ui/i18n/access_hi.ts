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
<context>
    <name>PhonePanel</name>
    <message>
        <location filename="../qml/PhonePanel.qml" line="13"/>
        <source>This mobile number is not correct. Type a 10-digit number starting with 6, 7, 8 or 9.</source>
        <translation>यह मोबाइल नंबर सही नहीं है। 6, 7, 8 या 9 से शुरू होने वाला 10 अंकों का नंबर लिखें।</translation>
    </message>
    <message>
        <location filename="../qml/PhonePanel.qml" line="32"/>
        <source>Send the receipt to my phone</source>
        <translation>रसीद मेरे फ़ोन पर भेजें</translation>
    </message>
    <message>
        <location filename="../qml/PhonePanel.qml" line="36"/>
        <source>Mobile number (10 digits)</source>
        <translation>मोबाइल नंबर (10 अंक)</translation>
    </message>
    <message>
        <location filename="../qml/PhonePanel.qml" line="59"/>
        <source>Could not send now. Scan the code instead, or ask the operator.</source>
        <translation>अभी नहीं भेज सके। कोड स्कैन करें या संचालक से पूछें।</translation>
    </message>
    <message>
        <location filename="../qml/PhonePanel.qml" line="62"/>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>PhoneButton</name>
    <message>
        <location filename="../qml/PhoneButton.qml" line="12"/>
        <source>Send to my phone</source>
        <translation>मेरे फ़ोन पर भेजें</translation>
    </message>
    <message>
        <location filename="../qml/PhoneButton.qml" line="19"/>
        <source>Sent to %1.</source>
        <translation>%1 पर भेज दिया गया।</translation>
    </message>
</context>
</TS>
