<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>StepLocker</name>
    <message>
        <source>Asking your locker. Please wait…</source>
        <translation>आपके लॉकर से पूछ रहे हैं। कृपया प्रतीक्षा करें…</translation>
    </message>
</context>
<context>
    <name>StepLockerButton</name>
    <message>
        <source>Send to my locker</source>
        <translation>मेरे लॉकर में भेजें</translation>
    </message>
</context>
<context>
    <name>StepLockerMobile</name>
    <message>
        <source>Send the certificate to my locker</source>
        <translation>प्रमाण-पत्र मेरे लॉकर में भेजें</translation>
    </message>
    <message>
        <source>Type the mobile number of your locker (10 digits). We send an OTP to it.</source>
        <translation>अपने लॉकर का मोबाइल नंबर लिखें (10 अंक)। हम उस पर एक OTP भेजेंगे।</translation>
    </message>
    <message>
        <source>This mobile number is not correct. Type a 10-digit number starting with 6, 7, 8 or 9.</source>
        <translation>यह मोबाइल नंबर सही नहीं है। 6, 7, 8 या 9 से शुरू होने वाला 10 अंकों का नंबर लिखें।</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>StepLockerOtp</name>
    <message>
        <source>The OTP has 6 digits. Type all of them.</source>
        <translation>OTP में 6 अंक होते हैं। सभी अंक लिखें।</translation>
    </message>
    <message>
        <source>This OTP is not correct. You can try %1 more time(s).</source>
        <translation>यह OTP सही नहीं है। आप %1 बार और कोशिश कर सकते हैं।</translation>
    </message>
    <message>
        <source>Too many wrong tries. Tap &quot;Send a new OTP&quot;.</source>
        <translation>बहुत बार गलत OTP लिखा गया। &quot;नया OTP भेजें&quot; दबाएँ।</translation>
    </message>
    <message>
        <source>This OTP has expired. Tap &quot;Send a new OTP&quot;.</source>
        <translation>इस OTP का समय समाप्त हो गया है। &quot;नया OTP भेजें&quot; दबाएँ।</translation>
    </message>
    <message>
        <source>The locker cannot be reached now. Please try again in a minute.</source>
        <translation>अभी लॉकर से संपर्क नहीं हो पा रहा है। कृपया एक मिनट बाद फिर कोशिश करें।</translation>
    </message>
    <message>
        <source>The locker did not accept this. Please ask the operator.</source>
        <translation>लॉकर ने इसे स्वीकार नहीं किया। कृपया ऑपरेटर से पूछें।</translation>
    </message>
    <message>
        <source>Type the OTP sent to %1</source>
        <translation>%1 पर भेजा गया OTP लिखें</translation>
    </message>
    <message>
        <source>Send a new OTP</source>
        <translation>नया OTP भेजें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>StepLockerResult</name>
    <message>
        <source>Your certificate is in your locker (%1). Open your locker on your phone to see it.</source>
        <translation>आपका प्रमाण-पत्र आपके लॉकर (%1) में है। देखने के लिए अपने फ़ोन पर लॉकर खोलें।</translation>
    </message>
    <message>
        <source>Your locker is linked, but the internet is down right now. The certificate will reach your locker when the kiosk is back online. Your printed certificate is valid.</source>
        <translation>आपका लॉकर जुड़ गया है, पर अभी इंटरनेट बंद है। कियोस्क के फिर से ऑनलाइन होने पर प्रमाण-पत्र आपके लॉकर में पहुँच जाएगा। आपका छपा हुआ प्रमाण-पत्र मान्य है।</translation>
    </message>
    <message>
        <source>The department has not issued this certificate yet, so it cannot go to your locker. Nothing was sent.</source>
        <translation>विभाग ने यह प्रमाण-पत्र अभी जारी नहीं किया है, इसलिए यह आपके लॉकर में नहीं जा सकता। कुछ नहीं भेजा गया।</translation>
    </message>
    <message>
        <source>The locker cannot be reached now (no internet). Nothing was sent. Keep your printed certificate, or try again later.</source>
        <translation>अभी लॉकर से संपर्क नहीं हो पा रहा है (इंटरनेट नहीं है)। कुछ नहीं भेजा गया। अपना छपा हुआ प्रमाण-पत्र रखें, या बाद में फिर कोशिश करें।</translation>
    </message>
    <message>
        <source>The locker did not accept the request. Nothing was sent. Please ask the operator.</source>
        <translation>लॉकर ने अनुरोध स्वीकार नहीं किया। कुछ नहीं भेजा गया। कृपया ऑपरेटर से पूछें।</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
</context>
</TS>
