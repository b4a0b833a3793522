<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>Catalogue</name>
    <message>
        <location filename="../qml/Catalogue.qml" line="49"/>
        <source>Type a service name: बिजली, pani, jati …</source>
        <translation>सेवा का नाम लिखें: बिजली, पानी, जाति …</translation>
    </message>
    <message>
        <location filename="../qml/Catalogue.qml" line="59"/>
        <source>Nothing found. Try another word, or choose a group on the left.</source>
        <translation>कुछ नहीं मिला। कोई दूसरा शब्द लिखें, या बाईं ओर से समूह चुनें।</translation>
    </message>
</context>
<context>
    <name>Closed</name>
    <message>
        <location filename="../qml/Closed.qml" line="16"/>
        <source>This machine is out of service right now</source>
        <translation>यह मशीन अभी बंद है</translation>
    </message>
    <message>
        <location filename="../qml/Closed.qml" line="16"/>
        <source>The centre is closed now</source>
        <translation>केंद्र अभी बंद है</translation>
    </message>
    <message>
        <location filename="../qml/Closed.qml" line="25"/>
        <source>It opens again on %1</source>
        <translation>यह फिर से %1 को खुलेगा</translation>
    </message>
    <message>
        <location filename="../qml/Closed.qml" line="32"/>
        <source>For help call %1 or helpline %2</source>
        <translation>मदद के लिए %1 या हेल्पलाइन %2 पर फ़ोन करें</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../qml/Header.qml" line="17"/>
        <source>Home</source>
        <translation>मुख्य पृष्ठ</translation>
    </message>
    <message>
        <location filename="../qml/Header.qml" line="38"/>
        <source>Report a problem</source>
        <translation>समस्या बताएँ</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <location filename="../qml/Home.qml" line="25"/>
        <source>Open today %1 · open now</source>
        <translation>आज खुला %1 · अभी खुला है</translation>
    </message>
    <message>
        <location filename="../qml/Home.qml" line="39"/>
        <source>Help: %1 · Helpline %2</source>
        <translation>मदद: %1 · हेल्पलाइन %2</translation>
    </message>
    <message>
        <location filename="../qml/Home.qml" line="59"/>
        <source>Search for a service (e.g. bijli bill)</source>
        <translation>सेवा खोजें (जैसे बिजली बिल)</translation>
    </message>
    <message>
        <location filename="../qml/Home.qml" line="94"/>
        <source>All services</source>
        <translation>सभी सेवाएँ</translation>
    </message>
</context>
<context>
    <name>Info</name>
    <message>
        <location filename="../qml/Info.qml" line="29"/>
        <source>Ask the operator for the leaflet and the application form for this scheme. Applying is free.</source>
        <translation>इस योजना का पर्चा और आवेदन पत्र संचालक से लें। आवेदन निःशुल्क है।</translation>
    </message>
    <message>
        <location filename="../qml/Info.qml" line="35"/>
        <source>Back to start</source>
        <translation>शुरुआत पर जाएँ</translation>
    </message>
</context>
<context>
    <name>Journey</name>
    <message>
        <location filename="../qml/Journey.qml" line="0" />
        <source>This service cannot be used on this machine right now: the scanner or the camera is not working. Nothing has been charged. Please ask the operator.</source>
        <translation>यह सेवा अभी इस मशीन पर नहीं मिल सकती: स्कैनर या कैमरा काम नहीं कर रहा। कोई शुल्क नहीं लिया गया है। कृपया ऑपरेटर से कहें।</translation>
    </message>
    <message>
        <location filename="../qml/Journey.qml" line="0" />
        <source>Scanning. Please do not lift the lid or move…</source>
        <translation>स्कैन हो रहा है। कृपया ढक्कन न उठाएँ और न हिलें…</translation>
    </message>
    <message>
        <source>This number has the wrong number of digits. It must have %1 digits. Please check your bill and type it again.</source>
        <translation>इस नंबर में अंक कम या ज़्यादा हैं। इसमें %1 अंक होने चाहिए। अपना बिल देखकर फिर से लिखें।</translation>
    </message>
    <message>
        <source>This number is not correct. One digit may be wrong. Please check your bill and type it again.</source>
        <translation>यह नंबर सही नहीं है। कोई एक अंक गलत हो सकता है। अपना बिल देखकर फिर से लिखें।</translation>
    </message>
    <message>
        <source>Please type only digits.</source>
        <translation>कृपया केवल अंक लिखें।</translation>
    </message>
    <message>
        <source>No record was found for this number. Check the number on your bill or paper and try again.</source>
        <translation>इस नंबर का कोई रिकॉर्ड नहीं मिला। अपने बिल या कागज़ पर नंबर देखें और फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The office computer did not answer in time. Please try again in a few minutes. Your money has not been taken.</source>
        <translation>विभाग के कंप्यूटर से समय पर जवाब नहीं आया। कुछ मिनट बाद फिर से कोशिश करें। आपका कोई पैसा नहीं लिया गया।</translation>
    </message>
    <message>
        <source>There is no internet connection right now. Please try again later or ask the operator.</source>
        <translation>अभी इंटरनेट नहीं है। बाद में कोशिश करें या संचालक से पूछें।</translation>
    </message>
    <message>
        <source>Your certificate is not ready yet. Nothing has been charged. Check the status again in a few days.</source>
        <translation>आपका प्रमाण पत्र अभी तैयार नहीं है। कोई शुल्क नहीं लिया गया। कुछ दिन बाद स्थिति फिर देखें।</translation>
    </message>
    <message>
        <source>The bank did not approve the payment. Nothing has been charged. You can pay in cash instead.</source>
        <translation>बैंक ने भुगतान मंज़ूर नहीं किया। कोई पैसा नहीं कटा। आप नकद भुगतान कर सकते हैं।</translation>
    </message>
    <message>
        <source>The finger could not be read. Clean your finger, press it flat on the reader and try again.</source>
        <translation>उंगली पढ़ी नहीं जा सकी। उंगली साफ़ करें, रीडर पर सीधा दबाएँ और फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The fingerprint reader is not working. Please pay in cash or ask the operator.</source>
        <translation>अंगूठा रीडर काम नहीं कर रहा। नकद भुगतान करें या संचालक से पूछें।</translation>
    </message>
    <message>
        <source>The cash machine is not working right now. Please pay with Aadhaar or ask the operator.</source>
        <translation>नकद मशीन अभी काम नहीं कर रही। आधार से भुगतान करें या संचालक से पूछें।</translation>
    </message>
    <message>
        <source>Nothing is due on this bill. You do not need to pay.</source>
        <translation>इस बिल पर कुछ बकाया नहीं है। आपको भुगतान नहीं करना है।</translation>
    </message>
    <message>
        <source>Please type the amount printed on your bill, in rupees.</source>
        <translation>अपने बिल पर छपी राशि रुपयों में लिखें।</translation>
    </message>
    <message>
        <source>Submitted, waiting for the office</source>
        <translation>जमा हो गया, कार्यालय की प्रतीक्षा</translation>
    </message>
    <message>
        <source>Being checked by the office</source>
        <translation>कार्यालय में जाँच चल रही है</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <source>Rejected: please meet the office</source>
        <translation>अस्वीकृत: कृपया कार्यालय से मिलें</translation>
    </message>
    <message>
        <source>Ready: you can print it here</source>
        <translation>तैयार है: आप इसे यहाँ छाप सकते हैं</translation>
    </message>
    <message>
        <source>The bank did not answer in time, so we do not know yet whether the money was taken. Do not pay again for this bill.</source>
        <translation>बैंक से समय पर उत्तर नहीं आया, इसलिए अभी पता नहीं कि पैसे कटे या नहीं। इस बिल का दोबारा भुगतान न करें।</translation>
    </message>
    <message>
        <source>Cancelled. Nothing has been charged.</source>
        <translation>रद्द कर दिया गया। कोई पैसा नहीं कटा।</translation>
    </message>
    <message>
        <source>Asking the office computer about your number…</source>
        <translation>दफ़्तर के कंप्यूटर से आपका नंबर पूछा जा रहा है…</translation>
    </message>
    <message>
        <source>Reading your finger. Keep it flat on the reader…</source>
        <translation>उंगली पढ़ी जा रही है। उसे रीडर पर सीधा रखे रहें…</translation>
    </message>
    <message>
        <source>Asking your bank to approve the payment. Please do not leave…</source>
        <translation>आपके बैंक से भुगतान की स्वीकृति ली जा रही है। कृपया रुकें, जाएँ नहीं…</translation>
    </message>
    <message>
        <source>The bank is slow. Checking whether the payment went through…</source>
        <translation>बैंक धीमा है। जाँच हो रही है कि भुगतान हुआ या नहीं…</translation>
    </message>
    <message>
        <source>Printing. Please wait…</source>
        <translation>छप रहा है। कृपया रुकें…</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>कृपया रुकें…</translation>
    </message>
</context>
<context>
    <name>JourneyWaiting</name>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>StepCash</name>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Put the notes into the slot one at a time</source>
        <translation>नोट एक-एक करके मशीन में डालें</translation>
    </message>
    <message>
        <source>Notes accepted now:</source>
        <translation>अभी ये नोट लिए जाएँगे:</translation>
    </message>
    <message>
        <source>Paid: %1</source>
        <translation>जमा: %1</translation>
    </message>
    <message>
        <source>Still to pay: %1</source>
        <translation>बाकी: %1</translation>
    </message>
    <message>
        <source>If you cancel after putting in money, you get a slip; the operator gives the money back.</source>
        <translation>पैसे डालने के बाद रद्द करने पर आपको एक पर्ची मिलेगी; संचालक पैसे लौटाएँगे।</translation>
    </message>
</context>
<context>
    <name>StepChoosePayment</name>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Name: %1 · Due date: %2</source>
        <translation>नाम: %1 · अंतिम तिथि: %2</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>नाम: %1</translation>
    </message>
    <message>
        <source>Amount to pay: %1</source>
        <translation>देय राशि: %1</translation>
    </message>
    <message>
        <source>How do you want to pay?</source>
        <translation>आप कैसे भुगतान करना चाहते हैं?</translation>
    </message>
    <message>
        <source>Pay in cash</source>
        <translation>नकद भुगतान</translation>
    </message>
    <message>
        <source>Pay with Aadhaar (fingerprint)</source>
        <translation>आधार (अंगूठा) से भुगतान</translation>
    </message>
</context>
<context>
    <name>StepConsent</name>
    <message>
        <source>Applicant: %1</source>
        <translation>आवेदक: %1</translation>
    </message>
    <message>
        <source>Fee: %1</source>
        <translation>शुल्क: %1</translation>
    </message>
    <message>
        <source>To print the certificate we check that you are the applicant with your Aadhaar fingerprint. Your fingerprint is not stored. Do you agree?</source>
        <translation>प्रमाण पत्र छापने के लिए हम आधार अंगूठे से जाँचेंगे कि आप ही आवेदक हैं। आपका अंगूठा निशान रखा नहीं जाता। क्या आप सहमत हैं?</translation>
    </message>
    <message>
        <source>Yes, I agree</source>
        <translation>हाँ, मैं सहमत हूँ</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>नहीं, वापस जाएँ</translation>
    </message>
</context>
<context>
    <name>StepDone</name>
    <message>
        <source>Scan for the certificate on your phone</source>
        <translation>फ़ोन पर प्रमाण-पत्र के लिए स्कैन करें</translation>
    </message>
    <message>
        <source>Your certificate is printing on the big printer. Take it from its tray.</source>
        <translation>आपका प्रमाण-पत्र बड़े प्रिंटर पर छप रहा है। उसकी ट्रे से ले लें।</translation>
    </message>
    <message>
        <source>The certificate could not be printed now. Your payment is safe: show your receipt to the operator, who will print it for you.</source>
        <translation>प्रमाण-पत्र अभी छप नहीं सका। आपका भुगतान सुरक्षित है: अपनी रसीद ऑपरेटर को दिखाएँ, वे आपके लिए छाप देंगे।</translation>
    </message>
    <message>
        <source>Payment received. Thank you!</source>
        <translation>भुगतान हो गया। धन्यवाद!</translation>
    </message>
    <message>
        <source>Receipt number: %1</source>
        <translation>रसीद संख्या: %1</translation>
    </message>
    <message>
        <source>This is a provisional receipt: the payment is sent to the office when the internet is back. Keep the receipt.</source>
        <translation>यह अस्थायी रसीद है: इंटरनेट आने पर भुगतान विभाग को भेजा जाएगा। रसीद संभालकर रखें।</translation>
    </message>
    <message>
        <source>Amount paid: %1</source>
        <translation>जमा राशि: %1</translation>
    </message>
    <message>
        <source>Take your receipt from the printer below.</source>
        <translation>नीचे प्रिंटर से अपनी रसीद लें।</translation>
    </message>
    <message>
        <source>The receipt could not be printed. Your payment is safe: scan the code with your phone, or ask the operator for a copy.</source>
        <translation>रसीद नहीं छप सकी। आपका भुगतान सुरक्षित है: फ़ोन से कोड स्कैन करें, या संचालक से प्रति लें।</translation>
    </message>
    <message>
        <source>You paid %1 extra. Take slip number %2 to the operator for your change.</source>
        <translation>आपने %1 ज़्यादा दिए। बाकी पैसे के लिए पर्ची संख्या %2 संचालक को दें।</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>समाप्त</translation>
    </message>
    <message>
        <source>Scan for the e-receipt on your phone</source>
        <translation>फ़ोन पर ई-रसीद के लिए स्कैन करें</translation>
    </message>
</context>
<context>
    <name>StepEnterAadhaar</name>
    <message>
        <source>Type your 12-digit Aadhaar number on the keypad. It is used only for this payment and is not kept.</source>
        <translation>अपना 12 अंकों का आधार नंबर नीचे बटनों से लिखें। यह केवल इसी भुगतान के लिए काम में आता है और रखा नहीं जाता।</translation>
    </message>
    <message>
        <source>An Aadhaar number has 12 digits. Please type it again.</source>
        <translation>आधार नंबर 12 अंकों का होता है। कृपया फिर से लिखें।</translation>
    </message>
    <message>
        <source>This Aadhaar number is not correct. One digit may be wrong. Look at your Aadhaar card and type it again.</source>
        <translation>यह आधार नंबर सही नहीं है। कोई एक अंक गलत हो सकता है। अपना आधार कार्ड देखकर फिर से लिखें।</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>StepEnterAmount</name>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>The office computer cannot be reached right now. You can still pay: type the amount printed on your bill. You will get a provisional receipt.</source>
        <translation>विभाग के कंप्यूटर से अभी संपर्क नहीं हो पा रहा। आप फिर भी भुगतान कर सकते हैं: अपने बिल पर छपी राशि लिखें। आपको अस्थायी रसीद मिलेगी।</translation>
    </message>
</context>
<context>
    <name>StepEnterNumber</name>
    <message>
        <source>Type your %1 (%2 digits) on the keypad</source>
        <translation>अपना %1 (%2 अंक) नीचे बटनों से लिखें</translation>
    </message>
    <message>
        <source>This service needs the internet.</source>
        <translation>इस सेवा के लिए इंटरनेट ज़रूरी है।</translation>
    </message>
    <message>
        <source>This service works even without internet: you get a provisional receipt.</source>
        <translation>यह सेवा बिना इंटरनेट के भी चलती है: आपको अस्थायी रसीद मिलेगी।</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>StepError</name>
    <message>
        <source>Try again</source>
        <translation>फिर से कोशिश करें</translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation>शुरुआत पर जाएँ</translation>
    </message>
</context>
<context>
    <name>StepFinger</name>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Amount %1 will be paid from your bank account linked to Aadhaar.</source>
        <translation>%1 आपके आधार से जुड़े बैंक खाते से दिए जाएँगे।</translation>
    </message>
    <message>
        <source>We will check your fingerprint with Aadhaar.</source>
        <translation>हम आधार से आपका अंगूठा जाँचेंगे।</translation>
    </message>
    <message>
        <source>Place your finger on the reader, then press the button.</source>
        <translation>उंगली रीडर पर रखें, फिर बटन दबाएँ।</translation>
    </message>
    <message>
        <source>My finger is on the reader</source>
        <translation>मेरी उंगली रीडर पर है</translation>
    </message>
</context>
<context>
    <name>StepStatus</name>
    <message>
        <source>Applicant: %1</source>
        <translation>आवेदक: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
</context>
<context>
    <name>StepStatusUnknown</name>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>If the money was taken, your bill is paid; if not, nothing will be taken. The operator settles it within 2 working days. Keep the slip (reference %1).</source>
        <translation>अगर पैसे कटे हैं तो आपका बिल जमा हो गया है; नहीं कटे तो कुछ नहीं कटेगा। ऑपरेटर 2 कार्य दिवस में इसका मिलान करेगा। पर्ची (संदर्भ %1) संभाल कर रखें।</translation>
    </message>
    <message>
        <source>Take the slip from the printer below.</source>
        <translation>नीचे प्रिंटर से पर्ची ले लें।</translation>
    </message>
    <message>
        <source>The slip could not be printed: please show this screen to the operator.</source>
        <translation>पर्ची नहीं छप सकी: कृपया यह स्क्रीन ऑपरेटर को दिखाएँ।</translation>
    </message>
</context>
<context>
    <name>StepVoucher</name>
    <message>
        <source>The payment was not completed. Your money is safe.</source>
        <translation>भुगतान पूरा नहीं हुआ। आपका पैसा सुरक्षित है।</translation>
    </message>
    <message>
        <source>You put in %1. Take slip number %2 to the operator to get it back.</source>
        <translation>आपने %1 डाले। पैसे वापस पाने के लिए पर्ची संख्या %2 संचालक को दें।</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../qml/Keypad.qml" line="41"/>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="77"/>
        <source>Are you still there?</source>
        <translation>क्या आप अभी यहाँ हैं?</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="82"/>
        <source>Going back to the start in %1 seconds</source>
        <translation>%1 सेकंड में शुरुआत पर लौटेंगे</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="88"/>
        <source>Yes, continue</source>
        <translation>हाँ, जारी रखें</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="107"/>
        <source>Pay bills, print certificates</source>
        <translation>बिल भरें, प्रमाण पत्र छापें</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="113"/>
        <source>Touch the screen to start</source>
        <translation>शुरू करने के लिए स्क्रीन छुएँ</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="143"/>
        <source>Thank you. The problem has been recorded (number %1). The operator and the district office will see it.</source>
        <translation>धन्यवाद। समस्या दर्ज हो गई (संख्या %1)। संचालक और ज़िला कार्यालय इसे देखेंगे।</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="149"/>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../qml/Tile.qml" line="26"/>
        <source>Needs internet</source>
        <translation>इंटरनेट ज़रूरी</translation>
    </message>
    <message>
        <location filename="../qml/Tile.qml" line="26"/>
        <source>Works without internet</source>
        <translation>बिना इंटरनेट भी</translation>
    </message>
</context>
</TS>
