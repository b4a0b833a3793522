<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>StepChoosePayment</name>
    <message>
        <source>Pay by UPI (scan QR)</source>
        <translation>Pay by UPI (scan QR)</translation>
    </message>
    <message>
        <source>Pay by card (ATM/debit card)</source>
        <translation>Pay by card (ATM/debit card)</translation>
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
    <message>
        <source>Enter your card PIN on the card machine. Nobody else should see it.</source>
        <translation>Enter your card PIN on the card machine. Nobody else should see it.</translation>
    </message>
    <message>
        <source>Please wait: the bank is checking the payment of %1.</source>
        <translation>Please wait: the bank is checking the payment of %1.</translation>
    </message>
    <message>
        <source>Insert or tap your card on the card machine beside the screen to pay %1.</source>
        <translation>Insert or tap your card on the card machine beside the screen to pay %1.</translation>
    </message>
    <message>
        <source>Keep your card in the machine until it says so. Keep this screen open until the receipt prints.</source>
        <translation>Keep your card in the machine until it says so. Keep this screen open until the receipt prints.</translation>
    </message>
    <message>
        <source>The card payment did not go through. Nothing has been charged.</source>
        <translation>The card payment did not go through. Nothing has been charged.</translation>
    </message>
    <message>
        <source>Try the card again</source>
        <translation>Try the card again</translation>
    </message>
</context>
</TS>
