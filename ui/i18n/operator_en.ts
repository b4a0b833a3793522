<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Operator</name>
    <message>
        <location filename="../qml/Operator.qml" line="0" />
        <source>The payment for %1 is closed. What was paid is on voucher %2: pay it out to the villager.</source>
        <translation>The payment for %1 is closed. What was paid is on voucher %2: pay it out to the villager.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="0" />
        <source>The payment for %1 is closed. Nothing had been paid.</source>
        <translation>The payment for %1 is closed. Nothing had been paid.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="0" />
        <source>The payment cannot be closed: %1</source>
        <translation>The payment cannot be closed: %1</translation>
    </message>
    <message>
        <source>The certificate paid with receipt %1 is printing on the A4 printer.</source>
        <translation>The certificate paid with receipt %1 is printing on the A4 printer.</translation>
    </message>
    <message>
        <source>The certificate could not be printed (%1): %2</source>
        <translation>The certificate could not be printed (%1): %2</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="10" />
        <source>Tap your name first.</source>
        <translation>Tap your name first.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="11" />
        <source>No operator is registered on this kiosk. The engineer adds one with 'kioskctl operator add'.</source>
        <translation>No operator is registered on this kiosk. The engineer adds one with 'kioskctl operator add'.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="12" />
        <source>Wrong PIN. %1 more wrong tries and sign-in is locked.</source>
        <translation>Wrong PIN. %1 more wrong tries and sign-in is locked.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="13" />
        <source>Too many wrong PINs. Sign-in is locked until %1.</source>
        <translation>Too many wrong PINs. Sign-in is locked until %1.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="14" />
        <source>The PIN has 6 digits.</source>
        <translation>The PIN has 6 digits.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="15" />
        <source>%1 payment is still open. Close the day when it has finished or timed out.</source>
        <translation>%1 payment is still open. Close the day when it has finished or timed out.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="16" />
        <source>The day %1 is already closed. The next close is tomorrow.</source>
        <translation>The day %1 is already closed. The next close is tomorrow.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="17" />
        <source>Enter how many %1 notes you counted (0 if none).</source>
        <translation>Enter how many %1 notes you counted (0 if none).</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="18" />
        <source>%2 notes of %1 cannot be right. Count again.</source>
        <translation>%2 notes of %1 cannot be right. Count again.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="19" />
        <source>The close was refused: %1</source>
        <translation>The close was refused: %1</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="20" />
        <source>The day was not closed on %1. Today's close covers those days too.</source>
        <translation>The day was not closed on %1. Today's close covers those days too.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="21" />
        <source>Printed. Please take the paper.</source>
        <translation>Printed. Please take the paper.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="22" />
        <source>Not printed: the printer reports %1.</source>
        <translation>Not printed: the printer reports %1.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="23" />
        <source>A duplicate of receipt %1 was printed.</source>
        <translation>A duplicate of receipt %1 was printed.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="24" />
        <source>Voucher %1 paid out: %2. Hand the money to the villager.</source>
        <translation>Voucher %1 paid out: %2. Hand the money to the villager.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="25" />
        <source>The voucher cannot be paid: %1</source>
        <translation>The voucher cannot be paid: %1</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="26" />
        <source>The kiosk is out of service. Villagers read: %1</source>
        <translation>The kiosk is out of service. Villagers read: %1</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="27" />
        <source>The kiosk is back in service.</source>
        <translation>The kiosk is back in service.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="28" />
        <source>Recorded. Remove the cash box within 10 minutes.</source>
        <translation>Recorded. Remove the cash box within 10 minutes.</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="44" />
        <source>Operator mode: %1</source>
        <translation>Operator mode: %1</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="55" />
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="61" />
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>OperatorCount</name>
    <message>
        <location filename="../qml/OperatorCount.qml" line="12" />
        <source>Count the cash box</source>
        <translation>Count the cash box</translation>
    </message>
    <message>
        <location filename="../qml/OperatorCount.qml" line="22" />
        <source>%1 notes</source>
        <translation>%1 notes</translation>
    </message>
    <message>
        <location filename="../qml/OperatorCount.qml" line="42" />
        <source>Type the number of notes of each value; OK goes to the next. The kiosk shows its own figures only after you submit, and a submitted count cannot be changed.</source>
        <translation>Type the number of notes of each value; OK goes to the next. The kiosk shows its own figures only after you submit, and a submitted count cannot be changed.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorCount.qml" line="55" />
        <source>Submit the count</source>
        <translation>Submit the count</translation>
    </message>
</context>
<context>
    <name>OperatorMenu</name>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="0" />
        <source>Payments still open</source>
        <translation>Payments still open</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="11" />
        <source>Device status</source>
        <translation>Device status</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="12" />
        <source>Close the day</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="13" />
        <source>Z-report</source>
        <translation>Z-report</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="14" />
        <source>Reprint a receipt</source>
        <translation>Reprint a receipt</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="15" />
        <source>Change-due vouchers</source>
        <translation>Change-due vouchers</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="16" />
        <source>Out of service</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="17" />
        <source>Remove the cash box</source>
        <translation>Remove the cash box</translation>
    </message>
</context>
<context>
    <name>OperatorPin</name>
    <message>
        <location filename="../qml/OperatorPin.qml" line="12" />
        <source>Operator sign-in</source>
        <translation>Operator sign-in</translation>
    </message>
    <message>
        <location filename="../qml/OperatorPin.qml" line="18" />
        <source>Tap your name, then type your 6-digit PIN.</source>
        <translation>Tap your name, then type your 6-digit PIN.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorPin.qml" line="35" />
        <source>Back to the villager screen</source>
        <translation>Back to the villager screen</translation>
    </message>
</context>
<context>
    <name>OperatorReconciliation</name>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="15" />
        <source>Close no. %1 (%2)</source>
        <translation>Close no. %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="21" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="21" />
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="21" />
        <source>Ledger</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="21" />
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="38" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="46" />
        <source>The note acceptor's own counter: %1 notes stacked (the ledger has %2).</source>
        <translation>The note acceptor's own counter: %1 notes stacked (the ledger has %2).</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="47" />
        <source>The note acceptor's own counter is not available for this close.</source>
        <translation>The note acceptor's own counter is not available for this close.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="57" />
        <source>Opening float</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="58" />
        <source>Vouchers issued</source>
        <translation>Vouchers issued</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="59" />
        <source>Vouchers paid out of the box</source>
        <translation>Vouchers paid out of the box</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="60" />
        <source>Vouchers still open</source>
        <translation>Vouchers still open</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="61" />
        <source>Suspense (notes with no payment)</source>
        <translation>Suspense (notes with no payment)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="62" />
        <source>Expected in the box</source>
        <translation>Expected in the box</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="63" />
        <source>You counted</source>
        <translation>You counted</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="77" />
        <source>Difference: none</source>
        <translation>Difference: none</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="77" />
        <source>Difference: %1</source>
        <translation>Difference: %1</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="84" />
        <source>Z-report</source>
        <translation>Z-report</translation>
    </message>
</context>
<context>
    <name>OperatorReport</name>
    <message>
        <location filename="../qml/OperatorReport.qml" line="40" />
        <source>A supervisor scans this code to check the report.</source>
        <translation>A supervisor scans this code to check the report.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReport.qml" line="46" />
        <source>Print the Z-report</source>
        <translation>Print the Z-report</translation>
    </message>
</context>
<context>
    <name>OperatorStatus</name>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="11" />
        <source>Note acceptor</source>
        <translation>Note acceptor</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="12" />
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="13" />
        <source>Fingerprint reader</source>
        <translation>Fingerprint reader</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="19" />
        <source>ready</source>
        <translation>ready</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="20" />
        <source>ready (idle)</source>
        <translation>ready (idle)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="21" />
        <source>taking notes</source>
        <translation>taking notes</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="22" />
        <source>holding a note</source>
        <translation>holding a note</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="23" />
        <source>jammed</source>
        <translation>jammed</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="24" />
        <source>cash box full</source>
        <translation>cash box full</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="25" />
        <source>cash box removed</source>
        <translation>cash box removed</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="26" />
        <source>locked after a fraud attempt</source>
        <translation>locked after a fraud attempt</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="27" />
        <source>not connected</source>
        <translation>not connected</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="28" />
        <source>fault</source>
        <translation>fault</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="29" />
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="30" />
        <source>paper nearly finished</source>
        <translation>paper nearly finished</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="31" />
        <source>no paper</source>
        <translation>no paper</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="32" />
        <source>cover open</source>
        <translation>cover open</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="33" />
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="34" />
        <source>not ready</source>
        <translation>not ready</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="35" />
        <source>in use by another program</source>
        <translation>in use by another program</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="36" />
        <location filename="../qml/OperatorStatus.qml" line="80" />
        <source>not found</source>
        <translation>not found</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="47" />
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="65" />
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="65" />
        <source>No error</source>
        <translation>No error</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="75" />
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="78" />
        <source>Receipt paper</source>
        <translation>Receipt paper</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="79" />
        <source>Cash box</source>
        <translation>Cash box</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="79" />
        <source>%1 notes, %2</source>
        <translation>%1 notes, %2</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="80" />
        <source>RD service version</source>
        <translation>RD service version</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="81" />
        <source>Device certificate expires</source>
        <translation>Device certificate expires</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="81" />
        <source>not reported</source>
        <translation>not reported</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="82" />
        <source>Events waiting to be sent</source>
        <translation>Events waiting to be sent</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="83" />
        <source>Last confirmed by the server</source>
        <translation>Last confirmed by the server</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="83" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="84" />
        <source>Out of service</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="84" />
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>OperatorTools</name>
    <message>
        <location filename="../qml/OperatorTools.qml" line="0" />
        <source>Payments still open: close each with the reason</source>
        <translation>Payments still open: close each with the reason</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="0" />
        <source>Aadhaar payment: the bank&apos;s answer is awaited. The kiosk asks the bank again by itself; do not take this bill again.</source>
        <translation>Aadhaar payment: the bank&apos;s answer is awaited. The kiosk asks the bank again by itself; do not take this bill again.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="0" />
        <source>No payment is stuck.</source>
        <translation>No payment is stuck.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="0" />
        <source>%1 · %2 · %3 · due %4 · paid %5</source>
        <translation>%1 · %2 · %3 · due %4 · paid %5</translation>
    </message>
    <message>
        <source>Print certificate</source>
        <translation>Print certificate</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="13" />
        <source>Reprint a receipt (printed as DUPLICATE)</source>
        <translation>Reprint a receipt (printed as DUPLICATE)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="14" />
        <source>No receipts in the last 7 days.</source>
        <translation>No receipts in the last 7 days.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="26" />
        <source>No. %1 · %2 · %3 · %4</source>
        <translation>No. %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="33" />
        <source>Reprint</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="45" />
        <source>Change-due vouchers still open</source>
        <translation>Change-due vouchers still open</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="46" />
        <source>No open vouchers.</source>
        <translation>No open vouchers.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="56" />
        <source>Voucher %1 · %2 · %3</source>
        <translation>Voucher %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="63" />
        <source>Pay out</source>
        <translation>Pay out</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="79" />
        <source>Out of service now: %1</source>
        <translation>Out of service now: %1</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="79" />
        <source>The kiosk is in service. Choose the reason villagers will read:</source>
        <translation>The kiosk is in service. Choose the reason villagers will read:</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="97" />
        <source>Back in service</source>
        <translation>Back in service</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="110" />
        <source>Tap the button before you take the cash box out. A removal the acceptor reports without this is flagged for the district office.</source>
        <translation>Tap the button before you take the cash box out. A removal the acceptor reports without this is flagged for the district office.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="116" />
        <source>I am removing the cash box now</source>
        <translation>I am removing the cash box now</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="123" />
        <source>announced by the operator</source>
        <translation>announced by the operator</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="124" />
        <source>removed (matches the operator's action)</source>
        <translation>removed (matches the operator's action)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="125" />
        <source>REMOVED WITHOUT AN OPERATOR ACTION</source>
        <translation>REMOVED WITHOUT AN OPERATOR ACTION</translation>
    </message>
</context>
</TS>
