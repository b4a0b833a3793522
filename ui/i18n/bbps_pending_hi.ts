<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>OperatorBbpsPending</name>
    <message>
        <location filename="../qml/OperatorBbpsPending.qml" line="0" />
        <source>Bill payments the biller has not confirmed (Bharat BillPay)</source>
        <translation>वे बिल भुगतान जिनकी बिलर ने पुष्टि नहीं की (भारत बिल पे)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorBbpsPending.qml" line="0" />
        <source>Refused by the biller</source>
        <translation>बिलर ने मना किया</translation>
    </message>
    <message>
        <location filename="../qml/OperatorBbpsPending.qml" line="0" />
        <source>Awaiting the biller (%1 tries)</source>
        <translation>बिलर की पुष्टि बाकी (%1 कोशिशें)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorBbpsPending.qml" line="0" />
        <source>receipt %1 · %2 · %3 (%4) · %5</source>
        <translation>रसीद %1 · %2 · %3 (%4) · %5</translation>
    </message>
</context>
</TS>
