<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>StepGrievance</name>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Please write what the problem is.</source>
        <translation>Please write what the problem is.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>A mobile number has 10 digits.</source>
        <translation>A mobile number has 10 digits.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>A mobile number starts with 6, 7, 8 or 9.</source>
        <translation>A mobile number starts with 6, 7, 8 or 9.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Type the 12 digits after RJ from your slip or SMS.</source>
        <translation>Type the 12 digits after RJ from your slip or SMS.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>No grievance has this number. Check the number on your slip or SMS.</source>
        <translation>No grievance has this number. Check the number on your slip or SMS.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>The Sampark computer cannot be reached right now. Please try again later.</source>
        <translation>The Sampark computer cannot be reached right now. Please try again later.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>This could not be done. Please ask the operator or call 181.</source>
        <translation>This could not be done. Please ask the operator or call 181.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>A reminder was sent recently. The next one can be sent after %1.</source>
        <translation>A reminder was sent recently. The next one can be sent after %1.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Your reminder has been sent to the office.</source>
        <translation>Your reminder has been sent to the office.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>The camera is not working. You can go on without a photo.</source>
        <translation>The camera is not working. You can go on without a photo.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>The scanner is not working. You can go on without a document.</source>
        <translation>The scanner is not working. You can go on without a document.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>The page could not be read. Place it straight, face down, and scan again.</source>
        <translation>The page could not be read. Place it straight, face down, and scan again.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Three attachments are the most that can be added.</source>
        <translation>Three attachments are the most that can be added.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Rajasthan Sampark: grievances</source>
        <translation>Rajasthan Sampark: grievances</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Please wait…</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Register a new grievance</source>
        <translation>Register a new grievance</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>See a grievance by its number</source>
        <translation>See a grievance by its number</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Find my grievances by mobile number</source>
        <translation>Find my grievances by mobile number</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Which department is it about?</source>
        <translation>Which department is it about?</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>%1: what is the problem?</source>
        <translation>%1: what is the problem?</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Write your grievance in a few lines (Hindi or English). Do not write your Aadhaar number.</source>
        <translation>Write your grievance in a few lines (Hindi or English). Do not write your Aadhaar number.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>%1 of %2 letters</source>
        <translation>%1 of %2 letters</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Type the grievance number from your slip or SMS.</source>
        <translation>Type the grievance number from your slip or SMS.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Your mobile number: the grievance number is sent to it by SMS.</source>
        <translation>Your mobile number: the grievance number is sent to it by SMS.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Type your mobile number. Only the last four digits of each grievance number are shown.</source>
        <translation>Type your mobile number. Only the last four digits of each grievance number are shown.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>You may add a photo of the problem or a document page (optional).</source>
        <translation>You may add a photo of the problem or a document page (optional).</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Added: %1</source>
        <translation>Added: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Take a photo</source>
        <translation>Take a photo</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Scan a document page</source>
        <translation>Scan a document page</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Department: %1</source>
        <translation>Department: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Mobile: %1</source>
        <translation>Mobile: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Register the grievance</source>
        <translation>Register the grievance</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Your grievance is saved and will be sent when the kiosk is back online.</source>
        <translation>Your grievance is saved and will be sent when the kiosk is back online.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Your grievance is registered.</source>
        <translation>Your grievance is registered.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Provisional reference: %1</source>
        <translation>Provisional reference: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Grievance number: %1</source>
        <translation>Grievance number: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>This is not yet a grievance number. Find the number later by your mobile number at any kiosk.</source>
        <translation>This is not yet a grievance number. Find the number later by your mobile number at any kiosk.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>The number has been sent by SMS to %1.</source>
        <translation>The number has been sent by SMS to %1.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Take your slip.</source>
        <translation>Take your slip.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>The slip could not be printed: please write the number down.</source>
        <translation>The slip could not be printed: please write the number down.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>StepGrievanceFollow</name>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Disposed</source>
        <translation>Disposed</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Sent to an office</source>
        <translation>Sent to an office</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Your feedback</source>
        <translation>Your feedback</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Grievance number: %1</source>
        <translation>Grievance number: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>%1 · registered %2</source>
        <translation>%1 · registered %2</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Pending with: %1</source>
        <translation>Pending with: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Reply: %1</source>
        <translation>Reply: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Send a reminder</source>
        <translation>Send a reminder</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Give feedback</source>
        <translation>Give feedback</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Grievances of this mobile number:</source>
        <translation>Grievances of this mobile number:</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>No grievance is registered with this mobile number.</source>
        <translation>No grievance is registered with this mobile number.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>To see one in full, type its whole number from your slip or SMS.</source>
        <translation>To see one in full, type its whole number from your slip or SMS.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>How well was your grievance resolved? 1 = not at all, 5 = fully.</source>
        <translation>How well was your grievance resolved? 1 = not at all, 5 = fully.</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Send feedback</source>
        <translation>Send feedback</translation>
    </message>
</context>
</TS>
