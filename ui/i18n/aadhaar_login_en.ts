<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>OperatorAadhaarLogin</name>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>The PIN has 6 digits.</source>
        <translation>The PIN has 6 digits.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Your Aadhaar number has 12 digits.</source>
        <translation>Your Aadhaar number has 12 digits.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>This is not a valid Aadhaar number. Check it on your Aadhaar card and type it again.</source>
        <translation>This is not a valid Aadhaar number. Check it on your Aadhaar card and type it again.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Wrong PIN. %1 more wrong tries and sign-in is locked.</source>
        <translation>Wrong PIN. %1 more wrong tries and sign-in is locked.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Too many wrong PINs. Sign-in is locked until %1.</source>
        <translation>Too many wrong PINs. Sign-in is locked until %1.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>The finger was not read (%1). Clean the reader and your finger, press it flat and try again.</source>
        <translation>The finger was not read (%1). Clean the reader and your finger, press it flat and try again.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>The finger did not match your Aadhaar. Try again with another finger, pressed flat.</source>
        <translation>The finger did not match your Aadhaar. Try again with another finger, pressed flat.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Your Aadhaar biometrics are locked. Unlock them in the mAadhaar app or at uidai.gov.in, then try again.</source>
        <translation>Your Aadhaar biometrics are locked. Unlock them in the mAadhaar app or at uidai.gov.in, then try again.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>UIDAI refused the login (code %1). Check your Aadhaar number and try again.</source>
        <translation>UIDAI refused the login (code %1). Check your Aadhaar number and try again.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>The server did not answer: nothing was decided. Check the internet connection and try the finger again.</source>
        <translation>The server did not answer: nothing was decided. Check the internet connection and try the finger again.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Aadhaar Pay login done for %1. Villagers can pay by Aadhaar Pay until midnight.</source>
        <translation>Aadhaar Pay login done for %1. Villagers can pay by Aadhaar Pay until midnight.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Aadhaar Pay: daily login</source>
        <translation>Aadhaar Pay: daily login</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Type your 6-digit operator PIN, then OK.</source>
        <translation>Type your 6-digit operator PIN, then OK.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Type your own 12-digit Aadhaar number, then OK. It is not stored.</source>
        <translation>Type your own 12-digit Aadhaar number, then OK. It is not stored.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Place your finger flat on the reader, then press the button.</source>
        <translation>Place your finger flat on the reader, then press the button.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Reading your finger and asking UIDAI. Please wait…</source>
        <translation>Reading your finger and asking UIDAI. Please wait…</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Today's login is done.</source>
        <translation>Today's login is done.</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>My finger is on the reader</source>
        <translation>My finger is on the reader</translation>
    </message>
</context>
<context>
    <name>OperatorAadhaarLoginEntry</name>
    <message>
        <location filename="../qml/OperatorAadhaarLoginEntry.qml" line="0" />
        <source>Aadhaar Pay login: done today</source>
        <translation>Aadhaar Pay login: done today</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLoginEntry.qml" line="0" />
        <source>Aadhaar Pay login: expired, log in again</source>
        <translation>Aadhaar Pay login: expired, log in again</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLoginEntry.qml" line="0" />
        <source>Aadhaar Pay login: not done yet</source>
        <translation>Aadhaar Pay login: not done yet</translation>
    </message>
</context>
</TS>
