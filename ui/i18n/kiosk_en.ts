<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../qml/Catalogue.qml" line="49"/>
        <source>Type a service name: बिजली, pani, jati …</source>
        <translation>Type a service name: बिजली, pani, jati …</translation>
    </message>
    <message>
        <location filename="../qml/Catalogue.qml" line="59"/>
        <source>Nothing found. Try another word, or choose a group on the left.</source>
        <translation>Nothing found. Try another word, or choose a group on the left.</translation>
    </message>
</context>
<context>
    <name>Closed</name>
    <message>
        <location filename="../qml/Closed.qml" line="16"/>
        <source>This machine is out of service right now</source>
        <translation>This machine is out of service right now</translation>
    </message>
    <message>
        <location filename="../qml/Closed.qml" line="16"/>
        <source>The centre is closed now</source>
        <translation>The centre is closed now</translation>
    </message>
    <message>
        <location filename="../qml/Closed.qml" line="25"/>
        <source>It opens again on %1</source>
        <translation>It opens again on %1</translation>
    </message>
    <message>
        <location filename="../qml/Closed.qml" line="32"/>
        <source>For help call %1 or helpline %2</source>
        <translation>For help call %1 or helpline %2</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../qml/Header.qml" line="17"/>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="38"/>
        <source>Report a problem</source>
        <translation>Report a problem</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <location filename="../qml/Home.qml" line="25"/>
        <source>Open today %1 · open now</source>
        <translation>Open today %1 · open now</translation>
    </message>
    <message>
        <location filename="../qml/Home.qml" line="39"/>
        <source>Help: %1 · Helpline %2</source>
        <translation>Help: %1 · Helpline %2</translation>
    </message>
    <message>
        <location filename="../qml/Home.qml" line="59"/>
        <source>Search for a service (e.g. bijli bill)</source>
        <translation>Search for a service (e.g. bijli bill)</translation>
    </message>
    <message>
        <location filename="../qml/Home.qml" line="94"/>
        <source>All services</source>
        <translation>All services</translation>
    </message>
</context>
<context>
    <name>Info</name>
    <message>
        <location filename="../qml/Info.qml" line="29"/>
        <source>Ask the operator for the leaflet and the application form for this scheme. Applying is free.</source>
        <translation>Ask the operator for the leaflet and the application form for this scheme. Applying is free.</translation>
    </message>
    <message>
        <location filename="../qml/Info.qml" line="35"/>
        <source>Back to start</source>
        <translation>Back to start</translation>
    </message>
</context>
<context>
    <name>Journey</name>
    <message>
        <location filename="../qml/Journey.qml" line="0" />
        <source>This service cannot be used on this machine right now: the scanner or the camera is not working. Nothing has been charged. Please ask the operator.</source>
        <translation>This service cannot be used on this machine right now: the scanner or the camera is not working. Nothing has been charged. Please ask the operator.</translation>
    </message>
    <message>
        <location filename="../qml/Journey.qml" line="0" />
        <source>Scanning. Please do not lift the lid or move…</source>
        <translation>Scanning. Please do not lift the lid or move…</translation>
    </message>
    <message>
        <source>This number has the wrong number of digits. It must have %1 digits. Please check your bill and type it again.</source>
        <translation>This number has the wrong number of digits. It must have %1 digits. Please check your bill and type it again.</translation>
    </message>
    <message>
        <source>This number is not correct. One digit may be wrong. Please check your bill and type it again.</source>
        <translation>This number is not correct. One digit may be wrong. Please check your bill and type it again.</translation>
    </message>
    <message>
        <source>Please type only digits.</source>
        <translation>Please type only digits.</translation>
    </message>
    <message>
        <source>No record was found for this number. Check the number on your bill or paper and try again.</source>
        <translation>No record was found for this number. Check the number on your bill or paper and try again.</translation>
    </message>
    <message>
        <source>The office computer did not answer in time. Please try again in a few minutes. Your money has not been taken.</source>
        <translation>The office computer did not answer in time. Please try again in a few minutes. Your money has not been taken.</translation>
    </message>
    <message>
        <source>There is no internet connection right now. Please try again later or ask the operator.</source>
        <translation>There is no internet connection right now. Please try again later or ask the operator.</translation>
    </message>
    <message>
        <source>Your certificate is not ready yet. Nothing has been charged. Check the status again in a few days.</source>
        <translation>Your certificate is not ready yet. Nothing has been charged. Check the status again in a few days.</translation>
    </message>
    <message>
        <source>The bank did not approve the payment. Nothing has been charged. You can pay in cash instead.</source>
        <translation>The bank did not approve the payment. Nothing has been charged. You can pay in cash instead.</translation>
    </message>
    <message>
        <source>The finger could not be read. Clean your finger, press it flat on the reader and try again.</source>
        <translation>The finger could not be read. Clean your finger, press it flat on the reader and try again.</translation>
    </message>
    <message>
        <source>The fingerprint reader is not working. Please pay in cash or ask the operator.</source>
        <translation>The fingerprint reader is not working. Please pay in cash or ask the operator.</translation>
    </message>
    <message>
        <source>The cash machine is not working right now. Please pay with Aadhaar or ask the operator.</source>
        <translation>The cash machine is not working right now. Please pay with Aadhaar or ask the operator.</translation>
    </message>
    <message>
        <source>Nothing is due on this bill. You do not need to pay.</source>
        <translation>Nothing is due on this bill. You do not need to pay.</translation>
    </message>
    <message>
        <source>Please type the amount printed on your bill, in rupees.</source>
        <translation>Please type the amount printed on your bill, in rupees.</translation>
    </message>
    <message>
        <source>Submitted, waiting for the office</source>
        <translation>Submitted, waiting for the office</translation>
    </message>
    <message>
        <source>Being checked by the office</source>
        <translation>Being checked by the office</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Rejected: please meet the office</source>
        <translation>Rejected: please meet the office</translation>
    </message>
    <message>
        <source>Ready: you can print it here</source>
        <translation>Ready: you can print it here</translation>
    </message>
    <message>
        <source>The bank did not answer in time, so we do not know yet whether the money was taken. Do not pay again for this bill.</source>
        <translation>The bank did not answer in time, so we do not know yet whether the money was taken. Do not pay again for this bill.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing has been charged.</source>
        <translation>Cancelled. Nothing has been charged.</translation>
    </message>
    <message>
        <source>Asking the office computer about your number…</source>
        <translation>Asking the office computer about your number…</translation>
    </message>
    <message>
        <source>Reading your finger. Keep it flat on the reader…</source>
        <translation>Reading your finger. Keep it flat on the reader…</translation>
    </message>
    <message>
        <source>Asking your bank to approve the payment. Please do not leave…</source>
        <translation>Asking your bank to approve the payment. Please do not leave…</translation>
    </message>
    <message>
        <source>The bank is slow. Checking whether the payment went through…</source>
        <translation>The bank is slow. Checking whether the payment went through…</translation>
    </message>
    <message>
        <source>Printing. Please wait…</source>
        <translation>Printing. Please wait…</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>Please wait…</translation>
    </message>
</context>
<context>
    <name>JourneyWaiting</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StepCash</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Put the notes into the slot one at a time</source>
        <translation>Put the notes into the slot one at a time</translation>
    </message>
    <message>
        <source>Notes accepted now:</source>
        <translation>Notes accepted now:</translation>
    </message>
    <message>
        <source>Paid: %1</source>
        <translation>Paid: %1</translation>
    </message>
    <message>
        <source>Still to pay: %1</source>
        <translation>Still to pay: %1</translation>
    </message>
    <message>
        <source>If you cancel after putting in money, you get a slip; the operator gives the money back.</source>
        <translation>If you cancel after putting in money, you get a slip; the operator gives the money back.</translation>
    </message>
</context>
<context>
    <name>StepChoosePayment</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Name: %1 · Due date: %2</source>
        <translation>Name: %1 · Due date: %2</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Amount to pay: %1</source>
        <translation>Amount to pay: %1</translation>
    </message>
    <message>
        <source>How do you want to pay?</source>
        <translation>How do you want to pay?</translation>
    </message>
    <message>
        <source>Pay in cash</source>
        <translation>Pay in cash</translation>
    </message>
    <message>
        <source>Pay with Aadhaar (fingerprint)</source>
        <translation>Pay with Aadhaar (fingerprint)</translation>
    </message>
</context>
<context>
    <name>StepConsent</name>
    <message>
        <source>Applicant: %1</source>
        <translation>Applicant: %1</translation>
    </message>
    <message>
        <source>Fee: %1</source>
        <translation>Fee: %1</translation>
    </message>
    <message>
        <source>To print the certificate we check that you are the applicant with your Aadhaar fingerprint. Your fingerprint is not stored. Do you agree?</source>
        <translation>To print the certificate we check that you are the applicant with your Aadhaar fingerprint. Your fingerprint is not stored. Do you agree?</translation>
    </message>
    <message>
        <source>Yes, I agree</source>
        <translation>Yes, I agree</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>No, go back</translation>
    </message>
</context>
<context>
    <name>StepDone</name>
    <message>
        <source>Scan for the certificate on your phone</source>
        <translation>Scan for the certificate on your phone</translation>
    </message>
    <message>
        <source>Your certificate is printing on the big printer. Take it from its tray.</source>
        <translation>Your certificate is printing on the big printer. Take it from its tray.</translation>
    </message>
    <message>
        <source>The certificate could not be printed now. Your payment is safe: show your receipt to the operator, who will print it for you.</source>
        <translation>The certificate could not be printed now. Your payment is safe: show your receipt to the operator, who will print it for you.</translation>
    </message>
    <message>
        <source>Payment received. Thank you!</source>
        <translation>Payment received. Thank you!</translation>
    </message>
    <message>
        <source>Receipt number: %1</source>
        <translation>Receipt number: %1</translation>
    </message>
    <message>
        <source>This is a provisional receipt: the payment is sent to the office when the internet is back. Keep the receipt.</source>
        <translation>This is a provisional receipt: the payment is sent to the office when the internet is back. Keep the receipt.</translation>
    </message>
    <message>
        <source>Amount paid: %1</source>
        <translation>Amount paid: %1</translation>
    </message>
    <message>
        <source>Take your receipt from the printer below.</source>
        <translation>Take your receipt from the printer below.</translation>
    </message>
    <message>
        <source>The receipt could not be printed. Your payment is safe: scan the code with your phone, or ask the operator for a copy.</source>
        <translation>The receipt could not be printed. Your payment is safe: scan the code with your phone, or ask the operator for a copy.</translation>
    </message>
    <message>
        <source>You paid %1 extra. Take slip number %2 to the operator for your change.</source>
        <translation>You paid %1 extra. Take slip number %2 to the operator for your change.</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Scan for the e-receipt on your phone</source>
        <translation>Scan for the e-receipt on your phone</translation>
    </message>
</context>
<context>
    <name>StepEnterAadhaar</name>
    <message>
        <source>Type your 12-digit Aadhaar number on the keypad. It is used only for this payment and is not kept.</source>
        <translation>Type your 12-digit Aadhaar number on the keypad. It is used only for this payment and is not kept.</translation>
    </message>
    <message>
        <source>An Aadhaar number has 12 digits. Please type it again.</source>
        <translation>An Aadhaar number has 12 digits. Please type it again.</translation>
    </message>
    <message>
        <source>This Aadhaar number is not correct. One digit may be wrong. Look at your Aadhaar card and type it again.</source>
        <translation>This Aadhaar number is not correct. One digit may be wrong. Look at your Aadhaar card and type it again.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StepEnterAmount</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The office computer cannot be reached right now. You can still pay: type the amount printed on your bill. You will get a provisional receipt.</source>
        <translation>The office computer cannot be reached right now. You can still pay: type the amount printed on your bill. You will get a provisional receipt.</translation>
    </message>
</context>
<context>
    <name>StepEnterNumber</name>
    <message>
        <source>Type your %1 (%2 digits) on the keypad</source>
        <translation>Type your %1 (%2 digits) on the keypad</translation>
    </message>
    <message>
        <source>This service needs the internet.</source>
        <translation>This service needs the internet.</translation>
    </message>
    <message>
        <source>This service works even without internet: you get a provisional receipt.</source>
        <translation>This service works even without internet: you get a provisional receipt.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StepError</name>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation>Back to start</translation>
    </message>
</context>
<context>
    <name>StepFinger</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Amount %1 will be paid from your bank account linked to Aadhaar.</source>
        <translation>Amount %1 will be paid from your bank account linked to Aadhaar.</translation>
    </message>
    <message>
        <source>We will check your fingerprint with Aadhaar.</source>
        <translation>We will check your fingerprint with Aadhaar.</translation>
    </message>
    <message>
        <source>Place your finger on the reader, then press the button.</source>
        <translation>Place your finger on the reader, then press the button.</translation>
    </message>
    <message>
        <source>My finger is on the reader</source>
        <translation>My finger is on the reader</translation>
    </message>
</context>
<context>
    <name>StepStatus</name>
    <message>
        <source>Applicant: %1</source>
        <translation>Applicant: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>StepStatusUnknown</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>If the money was taken, your bill is paid; if not, nothing will be taken. The operator settles it within 2 working days. Keep the slip (reference %1).</source>
        <translation>If the money was taken, your bill is paid; if not, nothing will be taken. The operator settles it within 2 working days. Keep the slip (reference %1).</translation>
    </message>
    <message>
        <source>Take the slip from the printer below.</source>
        <translation>Take the slip from the printer below.</translation>
    </message>
    <message>
        <source>The slip could not be printed: please show this screen to the operator.</source>
        <translation>The slip could not be printed: please show this screen to the operator.</translation>
    </message>
</context>
<context>
    <name>StepVoucher</name>
    <message>
        <source>The payment was not completed. Your money is safe.</source>
        <translation>The payment was not completed. Your money is safe.</translation>
    </message>
    <message>
        <source>You put in %1. Take slip number %2 to the operator to get it back.</source>
        <translation>You put in %1. Take slip number %2 to the operator to get it back.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../qml/Keypad.qml" line="41"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="77"/>
        <source>Are you still there?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="82"/>
        <source>Going back to the start in %1 seconds</source>
        <translation>Going back to the start in %1 seconds</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="88"/>
        <source>Yes, continue</source>
        <translation>Yes, continue</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="107"/>
        <source>Pay bills, print certificates</source>
        <translation>Pay bills, print certificates</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="113"/>
        <source>Touch the screen to start</source>
        <translation>Touch the screen to start</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="143"/>
        <source>Thank you. The problem has been recorded (number %1). The operator and the district office will see it.</source>
        <translation>Thank you. The problem has been recorded (number %1). The operator and the district office will see it.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="149"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../qml/Tile.qml" line="26"/>
        <source>Needs internet</source>
        <translation>Needs internet</translation>
    </message>
    <message>
        <location filename="../qml/Tile.qml" line="26"/>
        <source>Works without internet</source>
        <translation>Works without internet</translation>
    </message>
</context>
</TS>
