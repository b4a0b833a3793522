<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>StepLocker</name>
    <message>
        <source>Asking your locker. Please wait…</source>
        <translation>Asking your locker. Please wait…</translation>
    </message>
</context>
<context>
    <name>StepLockerButton</name>
    <message>
        <source>Send to my locker</source>
        <translation>Send to my locker</translation>
    </message>
</context>
<context>
    <name>StepLockerMobile</name>
    <message>
        <source>Send the certificate to my locker</source>
        <translation>Send the certificate to my locker</translation>
    </message>
    <message>
        <source>Type the mobile number of your locker (10 digits). We send an OTP to it.</source>
        <translation>Type the mobile number of your locker (10 digits). We send an OTP to it.</translation>
    </message>
    <message>
        <source>This mobile number is not correct. Type a 10-digit number starting with 6, 7, 8 or 9.</source>
        <translation>This mobile number is not correct. Type a 10-digit number starting with 6, 7, 8 or 9.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StepLockerOtp</name>
    <message>
        <source>The OTP has 6 digits. Type all of them.</source>
        <translation>The OTP has 6 digits. Type all of them.</translation>
    </message>
    <message>
        <source>This OTP is not correct. You can try %1 more time(s).</source>
        <translation>This OTP is not correct. You can try %1 more time(s).</translation>
    </message>
    <message>
        <source>Too many wrong tries. Tap &quot;Send a new OTP&quot;.</source>
        <translation>Too many wrong tries. Tap &quot;Send a new OTP&quot;.</translation>
    </message>
    <message>
        <source>This OTP has expired. Tap &quot;Send a new OTP&quot;.</source>
        <translation>This OTP has expired. Tap &quot;Send a new OTP&quot;.</translation>
    </message>
    <message>
        <source>The locker cannot be reached now. Please try again in a minute.</source>
        <translation>The locker cannot be reached now. Please try again in a minute.</translation>
    </message>
    <message>
        <source>The locker did not accept this. Please ask the operator.</source>
        <translation>The locker did not accept this. Please ask the operator.</translation>
    </message>
    <message>
        <source>Type the OTP sent to %1</source>
        <translation>Type the OTP sent to %1</translation>
    </message>
    <message>
        <source>Send a new OTP</source>
        <translation>Send a new OTP</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StepLockerResult</name>
    <message>
        <source>Your certificate is in your locker (%1). Open your locker on your phone to see it.</source>
        <translation>Your certificate is in your locker (%1). Open your locker on your phone to see it.</translation>
    </message>
    <message>
        <source>Your locker is linked, but the internet is down right now. The certificate will reach your locker when the kiosk is back online. Your printed certificate is valid.</source>
        <translation>Your locker is linked, but the internet is down right now. The certificate will reach your locker when the kiosk is back online. Your printed certificate is valid.</translation>
    </message>
    <message>
        <source>The department has not issued this certificate yet, so it cannot go to your locker. Nothing was sent.</source>
        <translation>The department has not issued this certificate yet, so it cannot go to your locker. Nothing was sent.</translation>
    </message>
    <message>
        <source>The locker cannot be reached now (no internet). Nothing was sent. Keep your printed certificate, or try again later.</source>
        <translation>The locker cannot be reached now (no internet). Nothing was sent. Keep your printed certificate, or try again later.</translation>
    </message>
    <message>
        <source>The locker did not accept the request. Nothing was sent. Please ask the operator.</source>
        <translation>The locker did not accept the request. Nothing was sent. Please ask the operator.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
</TS>
