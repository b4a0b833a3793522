<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>StepAadhaarBank</name>
    <message>
        <location filename="../qml/StepAadhaarBank.qml" line="0" />
        <source>Which bank is your money in?</source>
        <translation>Which bank is your money in?</translation>
    </message>
    <message>
        <location filename="../qml/StepAadhaarBank.qml" line="0" />
        <source>Tap your bank. Slide the list up to see more banks, or type a few letters of its name in Hindi or English.</source>
        <translation>Tap your bank. Slide the list up to see more banks, or type a few letters of its name in Hindi or English.</translation>
    </message>
    <message>
        <location filename="../qml/StepAadhaarBank.qml" line="0" />
        <source>Bank name: स्टेट, baroda, SBI …</source>
        <translation>Bank name: स्टेट, baroda, SBI …</translation>
    </message>
    <message>
        <location filename="../qml/StepAadhaarBank.qml" line="0" />
        <source>No bank matches these letters. Type fewer letters, or pay another way.</source>
        <translation>No bank matches these letters. Type fewer letters, or pay another way.</translation>
    </message>
    <message>
        <location filename="../qml/StepAadhaarBank.qml" line="0" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StepChoosePayment</name>
    <message>
        <location filename="../qml/StepChoosePayment.qml" line="0" />
        <source>Aadhaar Pay (choose your bank)</source>
        <translation>Aadhaar Pay (choose your bank)</translation>
    </message>
</context>
</TS>
