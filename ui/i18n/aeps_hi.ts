<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>StepAadhaarBank</name>
    <message>
        <location filename="../qml/StepAadhaarBank.qml" line="0" />
        <source>Which bank is your money in?</source>
        <translation>आपका पैसा किस बैंक में है?</translation>
    </message>
    <message>
        <location filename="../qml/StepAadhaarBank.qml" line="0" />
        <source>Tap your bank. Slide the list up to see more banks, or type a few letters of its name in Hindi or English.</source>
        <translation>अपने बैंक को छुएँ। और बैंक देखने के लिए सूची को ऊपर सरकाएँ, या बैंक के नाम के कुछ अक्षर हिंदी या अंग्रेज़ी में लिखें।</translation>
    </message>
    <message>
        <location filename="../qml/StepAadhaarBank.qml" line="0" />
        <source>Bank name: स्टेट, baroda, SBI …</source>
        <translation>बैंक का नाम: स्टेट, बड़ौदा, SBI …</translation>
    </message>
    <message>
        <location filename="../qml/StepAadhaarBank.qml" line="0" />
        <source>No bank matches these letters. Type fewer letters, or pay another way.</source>
        <translation>इन अक्षरों से कोई बैंक नहीं मिला। कम अक्षर लिखें, या दूसरे तरीके से भुगतान करें।</translation>
    </message>
    <message>
        <location filename="../qml/StepAadhaarBank.qml" line="0" />
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>StepChoosePayment</name>
    <message>
        <location filename="../qml/StepChoosePayment.qml" line="0" />
        <source>Aadhaar Pay (choose your bank)</source>
        <translation>आधार पे (अपना बैंक चुनें)</translation>
    </message>
</context>
</TS>
