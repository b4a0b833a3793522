<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>OperatorAadhaarLogin</name>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>The PIN has 6 digits.</source>
        <translation>पिन 6 अंकों का होता है।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Your Aadhaar number has 12 digits.</source>
        <translation>आपका आधार नंबर 12 अंकों का होता है।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>This is not a valid Aadhaar number. Check it on your Aadhaar card and type it again.</source>
        <translation>यह सही आधार नंबर नहीं है। अपने आधार कार्ड पर देखकर फिर से लिखें।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Wrong PIN. %1 more wrong tries and sign-in is locked.</source>
        <translation>गलत पिन। %1 और गलत कोशिशों के बाद साइन-इन बंद हो जाएगा।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Too many wrong PINs. Sign-in is locked until %1.</source>
        <translation>बहुत बार गलत पिन। साइन-इन %1 तक बंद है।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>The finger was not read (%1). Clean the reader and your finger, press it flat and try again.</source>
        <translation>उंगली पढ़ी नहीं गई (%1)। रीडर और उंगली साफ़ करें, उंगली सीधी दबाकर रखें और फिर कोशिश करें।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>The finger did not match your Aadhaar. Try again with another finger, pressed flat.</source>
        <translation>उंगली आपके आधार से मेल नहीं खाई। दूसरी उंगली सीधी दबाकर फिर कोशिश करें।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Your Aadhaar biometrics are locked. Unlock them in the mAadhaar app or at uidai.gov.in, then try again.</source>
        <translation>आपका आधार बायोमेट्रिक लॉक है। mAadhaar ऐप या uidai.gov.in पर अनलॉक करें, फिर कोशिश करें।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>UIDAI refused the login (code %1). Check your Aadhaar number and try again.</source>
        <translation>UIDAI ने लॉगिन नहीं माना (कोड %1)। अपना आधार नंबर जाँचें और फिर कोशिश करें।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>The server did not answer: nothing was decided. Check the internet connection and try the finger again.</source>
        <translation>सर्वर से उत्तर नहीं आया: कुछ तय नहीं हुआ। इंटरनेट कनेक्शन जाँचें और फिर से उंगली लगाएँ।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Aadhaar Pay login done for %1. Villagers can pay by Aadhaar Pay until midnight.</source>
        <translation>%1 का आधार पे लॉगिन हो गया। ग्रामीण आधी रात तक आधार पे से भुगतान कर सकते हैं।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Aadhaar Pay: daily login</source>
        <translation>आधार पे: रोज़ का लॉगिन</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Type your 6-digit operator PIN, then OK.</source>
        <translation>अपना 6 अंकों का ऑपरेटर पिन लिखें, फिर OK दबाएँ।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Type your own 12-digit Aadhaar number, then OK. It is not stored.</source>
        <translation>अपना 12 अंकों का आधार नंबर लिखें, फिर OK दबाएँ। यह सहेजा नहीं जाता।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Place your finger flat on the reader, then press the button.</source>
        <translation>अपनी उंगली रीडर पर सीधी रखें, फिर बटन दबाएँ।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Reading your finger and asking UIDAI. Please wait…</source>
        <translation>उंगली पढ़ी जा रही है और UIDAI से पूछा जा रहा है। कृपया रुकें…</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>Today's login is done.</source>
        <translation>आज का लॉगिन हो गया है।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLogin.qml" line="0" />
        <source>My finger is on the reader</source>
        <translation>मेरी उंगली रीडर पर है</translation>
    </message>
</context>
<context>
    <name>OperatorAadhaarLoginEntry</name>
    <message>
        <location filename="../qml/OperatorAadhaarLoginEntry.qml" line="0" />
        <source>Aadhaar Pay login: done today</source>
        <translation>आधार पे लॉगिन: आज हो गया</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLoginEntry.qml" line="0" />
        <source>Aadhaar Pay login: expired, log in again</source>
        <translation>आधार पे लॉगिन: समाप्त, फिर से लॉगिन करें</translation>
    </message>
    <message>
        <location filename="../qml/OperatorAadhaarLoginEntry.qml" line="0" />
        <source>Aadhaar Pay login: not done yet</source>
        <translation>आधार पे लॉगिन: अभी नहीं हुआ</translation>
    </message>
</context>
</TS>
