<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BbpsQuote</name>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>Bharat BillPay · %1</source>
        <translation>Bharat BillPay · %1</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>Bill amount %1, bill date %2.</source>
        <translation>Bill amount %1, bill date %2.</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>This biller accepts from %1 to %2. Type the amount in rupees, or press OK to pay the bill amount.</source>
        <translation>This biller accepts from %1 to %2. Type the amount in rupees, or press OK to pay the bill amount.</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>Type the amount you want to pay, in rupees (up to %1).</source>
        <translation>Type the amount you want to pay, in rupees (up to %1).</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>Bill %1 + convenience fee %2 = total %3</source>
        <translation>Bill %1 + convenience fee %2 = total %3</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>BBPS reference number: %1</source>
        <translation>BBPS reference number: %1</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>Your payment is recorded. The biller's confirmation is pending: ask the operator later for a reprint with the BBPS reference number.</source>
        <translation>Your payment is recorded. The biller's confirmation is pending: ask the operator later for a reprint with the BBPS reference number.</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>The biller did not accept this payment. Show your receipt to the operator to get your money back.</source>
        <translation>The biller did not accept this payment. Show your receipt to the operator to get your money back.</translation>
    </message>
</context>
<context>
    <name>BbpsComplaint</name>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>No bill payment with this receipt number was made at this machine. Check the number on your receipt.</source>
        <translation>No bill payment with this receipt number was made at this machine. Check the number on your receipt.</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>The biller has not confirmed this payment yet, so a complaint cannot be made now. Please try again tomorrow or ask the operator.</source>
        <translation>The biller has not confirmed this payment yet, so a complaint cannot be made now. Please try again tomorrow or ask the operator.</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>The Bharat BillPay computer cannot be reached right now. Please try again later.</source>
        <translation>The Bharat BillPay computer cannot be reached right now. Please try again later.</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Sent to the biller; waiting for their answer</source>
        <translation>Sent to the biller; waiting for their answer</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Complaint about a bill payment</source>
        <translation>Complaint about a bill payment</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Type the receipt number printed on your receipt.</source>
        <translation>Type the receipt number printed on your receipt.</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Please wait…</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Payment to %1 · BBPS reference %2</source>
        <translation>Payment to %1 · BBPS reference %2</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>What went wrong?</source>
        <translation>What went wrong?</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>The biller does not show my payment</source>
        <translation>The biller does not show my payment</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>The wrong amount was paid</source>
        <translation>The wrong amount was paid</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>I was charged twice</source>
        <translation>I was charged twice</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Something else</source>
        <translation>Something else</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Your complaint is registered.</source>
        <translation>Your complaint is registered.</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>A complaint on this payment is already registered.</source>
        <translation>A complaint on this payment is already registered.</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Complaint number: %1</source>
        <translation>Complaint number: %1</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Handled by: %1</source>
        <translation>Handled by: %1</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Note the complaint number. Type your receipt number here again to see its status.</source>
        <translation>Note the complaint number. Type your receipt number here again to see its status.</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <location filename="../qml/Home.qml"/>
        <source>Complaint about a bill payment</source>
        <translation>Complaint about a bill payment</translation>
    </message>
</context>
</TS>
