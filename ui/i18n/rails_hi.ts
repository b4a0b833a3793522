<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>StepChoosePayment</name>
    <message>
        <source>Pay by UPI (scan QR)</source>
        <translation>यूपीआई से भुगतान (QR स्कैन करें)</translation>
    </message>
</context>
<context>
    <name>StepRail</name>
    <message>
        <source>Scan this QR with any UPI app and pay %1</source>
        <translation>किसी भी यूपीआई ऐप से यह QR स्कैन करें और %1 का भुगतान करें</translation>
    </message>
    <message>
        <source>Time left: %1:%2</source>
        <translation>बचा समय: %1:%2</translation>
    </message>
    <message>
        <source>The amount is fixed in the QR. Keep this screen open until the receipt prints. Do not pay twice.</source>
        <translation>राशि QR में तय है। रसीद छपने तक यह स्क्रीन खुली रखें। दो बार भुगतान न करें।</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>The bank did not accept the payment. Nothing has been charged.</source>
        <translation>बैंक ने भुगतान स्वीकार नहीं किया। कोई पैसा नहीं कटा।</translation>
    </message>
    <message>
        <source>The time for this QR is over. Nothing has been charged.</source>
        <translation>इस QR का समय पूरा हो गया। कोई पैसा नहीं कटा।</translation>
    </message>
    <message>
        <source>Show a new QR</source>
        <translation>नया QR दिखाएँ</translation>
    </message>
    <message>
        <source>Pay another way</source>
        <translation>दूसरे तरीके से भुगतान करें</translation>
    </message>
</context>
</TS>
