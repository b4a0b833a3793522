<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>StepEligibility</name>
    <message>
        <location filename="../qml/StepEligibility.qml" line="0" />
        <source>First, a question about you</source>
        <translation>पहले, आपके बारे में एक प्रश्न</translation>
    </message>
    <message>
        <location filename="../qml/StepEligibility.qml" line="0" />
        <source>Yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <location filename="../qml/StepEligibility.qml" line="0" />
        <source>No</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <location filename="../qml/StepEligibility.qml" line="0" />
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>StepNotEligible</name>
    <message>
        <location filename="../qml/StepNotEligible.qml" line="0" />
        <source>Thank you for your answer.</source>
        <translation>आपके उत्तर के लिए धन्यवाद।</translation>
    </message>
    <message>
        <location filename="../qml/StepNotEligible.qml" line="0" />
        <source>Nothing has been charged.</source>
        <translation>कोई शुल्क नहीं लिया गया है।</translation>
    </message>
    <message>
        <location filename="../qml/StepNotEligible.qml" line="0" />
        <source>Back to start</source>
        <translation>शुरुआत पर वापस</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: please fill this in.</source>
        <translation>%1: कृपया इसे भरें।</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: too short or too long. Please check it.</source>
        <translation>%1: बहुत छोटा या बहुत लंबा है। कृपया जाँच लें।</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: please type only digits.</source>
        <translation>%1: कृपया केवल अंक लिखें।</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: this number is not correct. One digit may be wrong.</source>
        <translation>%1: यह नंबर सही नहीं है। कोई एक अंक गलत हो सकता है।</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: this does not look right. Use letters, digits and simple punctuation only.</source>
        <translation>%1: यह सही नहीं लग रहा। केवल अक्षर, अंक और साधारण चिह्न लिखें।</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: type the date as day-month-year, for example 05-03-1990.</source>
        <translation>%1: तारीख दिन-महीना-वर्ष में लिखें, जैसे 05-03-1990।</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: this date is in the future.</source>
        <translation>%1: यह तारीख अभी आई नहीं है।</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: please tap one of the choices.</source>
        <translation>%1: कृपया किसी एक विकल्प को छुएँ।</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>Fill in your details. Names may be typed in Hindi or in English letters.</source>
        <translation>अपना विवरण भरें। नाम हिंदी में या अंग्रेज़ी अक्षरों में लिख सकते हैं।</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>Next</source>
        <translation>आगे</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>StepScan</name>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The page looks empty. Put the page face down on the glass and scan again.</source>
        <translation>पन्ना खाली दिख रहा है। पन्ने को उल्टा करके काँच पर रखें और फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The page is too dark to read. Close the lid fully and scan again.</source>
        <translation>पन्ना बहुत गहरा है, पढ़ा नहीं जा सकता। ढक्कन पूरा बंद करें और फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The page is turned too far. Lay it straight along the edge of the glass and scan again.</source>
        <translation>पन्ना बहुत टेढ़ा है। इसे काँच के किनारे से सीधा रखें और फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>There is no page on the scanner. Put the page face down on the glass.</source>
        <translation>स्कैनर पर कोई पन्ना नहीं है। पन्ने को उल्टा करके काँच पर रखें।</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The scanner lid is open. Close it and scan again.</source>
        <translation>स्कैनर का ढक्कन खुला है। इसे बंद करें और फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The page is stuck in the scanner. Please ask the operator.</source>
        <translation>पन्ना स्कैनर में फँस गया है। कृपया ऑपरेटर से कहें।</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The scanner is busy. Wait a moment and scan again.</source>
        <translation>स्कैनर व्यस्त है। थोड़ा रुककर फिर से स्कैन करें।</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The scanner is not working right now. Please ask the operator.</source>
        <translation>स्कैनर अभी काम नहीं कर रहा। कृपया ऑपरेटर से कहें।</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Document %1 of %2: %3</source>
        <translation>दस्तावेज़ %1 / %2: %3</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Put the page face down on the scanner glass, close the lid, and tap Scan page.</source>
        <translation>पन्ने को उल्टा करके स्कैनर के काँच पर रखें, ढक्कन बंद करें, और 'पन्ना स्कैन करें' छुएँ।</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Pages scanned: %1</source>
        <translation>स्कैन हुए पन्ने: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Scan page</source>
        <translation>पन्ना स्कैन करें</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Scan it again</source>
        <translation>फिर से स्कैन करें</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Next</source>
        <translation>आगे</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>StepPhoto</name>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Your photo for the certificate</source>
        <translation>प्रमाण पत्र के लिए आपकी फ़ोटो</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Look straight at the camera above the screen, without a cap or dark glasses, and tap Take photo.</source>
        <translation>टोपी या काला चश्मा हटाकर स्क्रीन के ऊपर लगे कैमरे में सीधे देखें, और 'फ़ोटो लें' छुएँ।</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Your face was not seen clearly. Come a little closer, look at the camera and take it again.</source>
        <translation>आपका चेहरा साफ़ नहीं दिखा। थोड़ा पास आएँ, कैमरे में देखें और फिर से फ़ोटो लें।</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>The camera is not working right now. Please ask the operator.</source>
        <translation>कैमरा अभी काम नहीं कर रहा। कृपया ऑपरेटर से कहें।</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Take it again</source>
        <translation>फिर से लें</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Take photo</source>
        <translation>फ़ोटो लें</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Use this photo</source>
        <translation>यही फ़ोटो लगाएँ</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>StepReview</name>
    <message>
        <location filename="../qml/StepReview.qml" line="0" />
        <source>Please check your application</source>
        <translation>कृपया अपना आवेदन जाँच लें</translation>
    </message>
    <message>
        <location filename="../qml/StepReview.qml" line="0" />
        <source>Documents scanned: %1</source>
        <translation>स्कैन हुए दस्तावेज़: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepReview.qml" line="0" />
        <source>Photo taken</source>
        <translation>फ़ोटो ली गई</translation>
    </message>
    <message>
        <location filename="../qml/StepReview.qml" line="0" />
        <source>Fee: %1</source>
        <translation>शुल्क: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepReview.qml" line="0" />
        <source>Submit the application</source>
        <translation>आवेदन जमा करें</translation>
    </message>
    <message>
        <location filename="../qml/StepReview.qml" line="0" />
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>StepApplicationDone</name>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Your application has been submitted.</source>
        <translation>आपका आवेदन जमा हो गया है।</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Application number: %1</source>
        <translation>आवेदन संख्या: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Expected by: %1</source>
        <translation>अपेक्षित तिथि: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Office: %1</source>
        <translation>कार्यालय: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Receipt number: %1</source>
        <translation>रसीद संख्या: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Take the acknowledgement slip from the printer below. Scan its QR code, or use 'Check application status' at any kiosk, to follow your application.</source>
        <translation>नीचे प्रिंटर से पावती पर्ची ले लें। अपने आवेदन की स्थिति जानने के लिए इसका QR कोड स्कैन करें, या किसी भी कियोस्क पर 'आवेदन की स्थिति देखें' चुनें।</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>The slip could not be printed. Write down your application number; the operator can print the slip for you.</source>
        <translation>पर्ची प्रिंट नहीं हो सकी। अपनी आवेदन संख्या लिख लें; ऑपरेटर आपके लिए पर्ची प्रिंट कर सकता है।</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Finish</source>
        <translation>समाप्त</translation>
    </message>
</context>
</TS>
