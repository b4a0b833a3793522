<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>OperatorBbpsPending</name>
    <message>
        <location filename="../qml/OperatorBbpsPending.qml" line="0" />
        <source>Bill payments the biller has not confirmed (Bharat BillPay)</source>
        <translation>Bill payments the biller has not confirmed (Bharat BillPay)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorBbpsPending.qml" line="0" />
        <source>Refused by the biller</source>
        <translation>Refused by the biller</translation>
    </message>
    <message>
        <location filename="../qml/OperatorBbpsPending.qml" line="0" />
        <source>Awaiting the biller (%1 tries)</source>
        <translation>Awaiting the biller (%1 tries)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorBbpsPending.qml" line="0" />
        <source>receipt %1 · %2 · %3 (%4) · %5</source>
        <translation>receipt %1 · %2 · %3 (%4) · %5</translation>
    </message>
</context>
</TS>
