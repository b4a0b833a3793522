<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>StepGrievance</name>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Please write what the problem is.</source>
        <translation>कृपया लिखें कि समस्या क्या है।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>A mobile number has 10 digits.</source>
        <translation>मोबाइल नंबर में 10 अंक होते हैं।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>A mobile number starts with 6, 7, 8 or 9.</source>
        <translation>मोबाइल नंबर 6, 7, 8 या 9 से शुरू होता है।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Type the 12 digits after RJ from your slip or SMS.</source>
        <translation>अपनी पर्ची या SMS से RJ के बाद के 12 अंक लिखें।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>No grievance has this number. Check the number on your slip or SMS.</source>
        <translation>इस संख्या की कोई शिकायत नहीं है। अपनी पर्ची या SMS पर संख्या जाँचें।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>The Sampark computer cannot be reached right now. Please try again later.</source>
        <translation>सम्पर्क का कंप्यूटर अभी उपलब्ध नहीं है। कृपया बाद में फिर कोशिश करें।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>This could not be done. Please ask the operator or call 181.</source>
        <translation>यह नहीं हो सका। कृपया ऑपरेटर से पूछें या 181 पर फ़ोन करें।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>A reminder was sent recently. The next one can be sent after %1.</source>
        <translation>हाल ही में स्मरण भेजा गया है। अगला स्मरण %1 के बाद भेजा जा सकता है।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Your reminder has been sent to the office.</source>
        <translation>आपका स्मरण कार्यालय को भेज दिया गया है।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>The camera is not working. You can go on without a photo.</source>
        <translation>कैमरा काम नहीं कर रहा। आप बिना फ़ोटो के आगे बढ़ सकते हैं।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>The scanner is not working. You can go on without a document.</source>
        <translation>स्कैनर काम नहीं कर रहा। आप बिना दस्तावेज़ के आगे बढ़ सकते हैं।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>The page could not be read. Place it straight, face down, and scan again.</source>
        <translation>पन्ना पढ़ा नहीं जा सका। उसे सीधा, उल्टा रखकर फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Three attachments are the most that can be added.</source>
        <translation>अधिक से अधिक तीन संलग्न जोड़े जा सकते हैं।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Rajasthan Sampark: grievances</source>
        <translation>राजस्थान सम्पर्क: शिकायतें</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Please wait…</source>
        <translation>कृपया प्रतीक्षा करें…</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Register a new grievance</source>
        <translation>नई शिकायत दर्ज करें</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>See a grievance by its number</source>
        <translation>शिकायत संख्या से स्थिति देखें</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Find my grievances by mobile number</source>
        <translation>मोबाइल नंबर से मेरी शिकायतें खोजें</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Which department is it about?</source>
        <translation>शिकायत किस विभाग के बारे में है?</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>%1: what is the problem?</source>
        <translation>%1: समस्या क्या है?</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Back</source>
        <translation>वापस</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Write your grievance in a few lines (Hindi or English). Do not write your Aadhaar number.</source>
        <translation>अपनी शिकायत कुछ पंक्तियों में लिखें (हिंदी या अंग्रेज़ी)। अपना आधार नंबर न लिखें।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>%1 of %2 letters</source>
        <translation>%2 में से %1 अक्षर</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Next</source>
        <translation>आगे</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Type the grievance number from your slip or SMS.</source>
        <translation>अपनी पर्ची या SMS से शिकायत संख्या लिखें।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Your mobile number: the grievance number is sent to it by SMS.</source>
        <translation>आपका मोबाइल नंबर: शिकायत संख्या इस पर SMS से भेजी जाएगी।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Type your mobile number. Only the last four digits of each grievance number are shown.</source>
        <translation>अपना मोबाइल नंबर लिखें। हर शिकायत संख्या के केवल अंतिम चार अंक दिखाए जाएँगे।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>You may add a photo of the problem or a document page (optional).</source>
        <translation>आप समस्या की फ़ोटो या दस्तावेज़ का पन्ना जोड़ सकते हैं (वैकल्पिक)।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Added: %1</source>
        <translation>जोड़े गए: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Take a photo</source>
        <translation>फ़ोटो लें</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Scan a document page</source>
        <translation>दस्तावेज़ का पन्ना स्कैन करें</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Department: %1</source>
        <translation>विभाग: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Mobile: %1</source>
        <translation>मोबाइल: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Register the grievance</source>
        <translation>शिकायत दर्ज करें</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Your grievance is saved and will be sent when the kiosk is back online.</source>
        <translation>आपकी शिकायत सहेज ली गई है और कियोस्क के ऑनलाइन होने पर भेज दी जाएगी।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Your grievance is registered.</source>
        <translation>आपकी शिकायत दर्ज हो गई है।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Provisional reference: %1</source>
        <translation>अस्थायी संदर्भ: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Grievance number: %1</source>
        <translation>शिकायत संख्या: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>This is not yet a grievance number. Find the number later by your mobile number at any kiosk.</source>
        <translation>यह अभी शिकायत संख्या नहीं है। बाद में किसी भी कियोस्क पर अपने मोबाइल नंबर से संख्या खोजें।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>The number has been sent by SMS to %1.</source>
        <translation>संख्या %1 पर SMS से भेज दी गई है।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Take your slip.</source>
        <translation>अपनी पर्ची ले लें।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>The slip could not be printed: please write the number down.</source>
        <translation>पर्ची नहीं छप सकी: कृपया संख्या लिख लें।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievance.qml"/>
        <source>Finish</source>
        <translation>समाप्त</translation>
    </message>
</context>
<context>
    <name>StepGrievanceFollow</name>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Disposed</source>
        <translation>निस्तारित</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Pending</source>
        <translation>लंबित</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Registered</source>
        <translation>दर्ज हुई</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Sent to an office</source>
        <translation>कार्यालय को भेजी गई</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Reminder</source>
        <translation>स्मरण</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Your feedback</source>
        <translation>आपकी प्रतिक्रिया</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Grievance number: %1</source>
        <translation>शिकायत संख्या: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>%1 · registered %2</source>
        <translation>%1 · दर्ज %2</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Status: %1</source>
        <translation>स्थिति: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Pending with: %1</source>
        <translation>किसके पास लंबित: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Reply: %1</source>
        <translation>उत्तर: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Back</source>
        <translation>वापस</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Send a reminder</source>
        <translation>स्मरण भेजें</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Give feedback</source>
        <translation>प्रतिक्रिया दें</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Grievances of this mobile number:</source>
        <translation>इस मोबाइल नंबर की शिकायतें:</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>No grievance is registered with this mobile number.</source>
        <translation>इस मोबाइल नंबर से कोई शिकायत दर्ज नहीं है।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>To see one in full, type its whole number from your slip or SMS.</source>
        <translation>पूरी जानकारी के लिए पर्ची या SMS से पूरी शिकायत संख्या लिखें।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>How well was your grievance resolved? 1 = not at all, 5 = fully.</source>
        <translation>आपकी शिकायत का समाधान कितना अच्छा हुआ? 1 = बिल्कुल नहीं, 5 = पूरी तरह।</translation>
    </message>
    <message>
        <location filename="../qml/StepGrievanceFollow.qml"/>
        <source>Send feedback</source>
        <translation>प्रतिक्रिया भेजें</translation>
    </message>
</context>
</TS>
