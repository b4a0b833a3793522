<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>StepChoosePayment</name>
    <message>
        <source>Pay by UPI (scan QR)</source>
        <translation>Pay by UPI (scan QR)</translation>
    </message>
</context>
<context>
    <name>StepRail</name>
    <message>
        <source>Scan this QR with any UPI app and pay %1</source>
        <translation>Scan this QR with any UPI app and pay %1</translation>
    </message>
    <message>
        <source>Time left: %1:%2</source>
        <translation>Time left: %1:%2</translation>
    </message>
    <message>
        <source>The amount is fixed in the QR. Keep this screen open until the receipt prints. Do not pay twice.</source>
        <translation>The amount is fixed in the QR. Keep this screen open until the receipt prints. Do not pay twice.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The bank did not accept the payment. Nothing has been charged.</source>
        <translation>The bank did not accept the payment. Nothing has been charged.</translation>
    </message>
    <message>
        <source>The time for this QR is over. Nothing has been charged.</source>
        <translation>The time for this QR is over. Nothing has been charged.</translation>
    </message>
    <message>
        <source>Show a new QR</source>
        <translation>Show a new QR</translation>
    </message>
    <message>
        <source>Pay another way</source>
        <translation>Pay another way</translation>
    </message>
</context>
</TS>
