<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>Operator</name>
    <message>
        <location filename="../qml/Operator.qml" line="0" />
        <source>The payment for %1 is closed. What was paid is on voucher %2: pay it out to the villager.</source>
        <translation>%1 का भुगतान बंद किया गया। जो जमा हुआ था वह वाउचर %2 पर है: यह राशि ग्रामीण को लौटाएँ।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="0" />
        <source>The payment for %1 is closed. Nothing had been paid.</source>
        <translation>%1 का भुगतान बंद किया गया। कुछ भी जमा नहीं हुआ था।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="0" />
        <source>The payment cannot be closed: %1</source>
        <translation>भुगतान बंद नहीं किया जा सकता: %1</translation>
    </message>
    <message>
        <source>The certificate paid with receipt %1 is printing on the A4 printer.</source>
        <translation>रसीद %1 से भुगतान किया गया प्रमाण-पत्र A4 प्रिंटर पर छप रहा है।</translation>
    </message>
    <message>
        <source>The certificate could not be printed (%1): %2</source>
        <translation>प्रमाण-पत्र नहीं छप सका (%1): %2</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="10" />
        <source>Tap your name first.</source>
        <translation>पहले अपने नाम पर टैप करें।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="11" />
        <source>No operator is registered on this kiosk. The engineer adds one with 'kioskctl operator add'.</source>
        <translation>इस कियोस्क पर कोई ऑपरेटर दर्ज नहीं है। इंजीनियर 'kioskctl operator add' से जोड़ते हैं।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="12" />
        <source>Wrong PIN. %1 more wrong tries and sign-in is locked.</source>
        <translation>गलत पिन। %1 और गलत प्रयास के बाद साइन-इन बंद हो जाएगा।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="13" />
        <source>Too many wrong PINs. Sign-in is locked until %1.</source>
        <translation>बहुत बार गलत पिन। साइन-इन %1 बजे तक बंद है।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="14" />
        <source>The PIN has 6 digits.</source>
        <translation>पिन 6 अंकों का है।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="15" />
        <source>%1 payment is still open. Close the day when it has finished or timed out.</source>
        <translation>%1 भुगतान अभी खुला है। उसके पूरा होने या समय समाप्त होने के बाद दिन बंद करें।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="16" />
        <source>The day %1 is already closed. The next close is tomorrow.</source>
        <translation>दिन %1 पहले ही बंद हो चुका है। अगली बंदी कल होगी।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="17" />
        <source>Enter how many %1 notes you counted (0 if none).</source>
        <translation>बताएं कि आपने %1 के कितने नोट गिने (न हों तो 0)।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="18" />
        <source>%2 notes of %1 cannot be right. Count again.</source>
        <translation>%1 के %2 नोट सही नहीं हो सकते। फिर से गिनें।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="19" />
        <source>The close was refused: %1</source>
        <translation>बंदी नहीं हो सकी: %1</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="20" />
        <source>The day was not closed on %1. Today's close covers those days too.</source>
        <translation>%1 को दिन बंद नहीं किया गया था। आज की बंदी में वे दिन भी शामिल होंगे।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="21" />
        <source>Printed. Please take the paper.</source>
        <translation>छप गया। कृपया पर्ची लें।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="22" />
        <source>Not printed: the printer reports %1.</source>
        <translation>नहीं छपा: प्रिंटर की स्थिति %1 है।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="23" />
        <source>A duplicate of receipt %1 was printed.</source>
        <translation>रसीद %1 की प्रतिलिपि छप गई।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="24" />
        <source>Voucher %1 paid out: %2. Hand the money to the villager.</source>
        <translation>वाउचर %1 का भुगतान हुआ: %2। राशि ग्रामीण को दें।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="25" />
        <source>The voucher cannot be paid: %1</source>
        <translation>वाउचर का भुगतान नहीं हो सकता: %1</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="26" />
        <source>The kiosk is out of service. Villagers read: %1</source>
        <translation>कियोस्क सेवा से बाहर है। ग्रामीण यह पढ़ेंगे: %1</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="27" />
        <source>The kiosk is back in service.</source>
        <translation>कियोस्क फिर से सेवा में है।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="28" />
        <source>Recorded. Remove the cash box within 10 minutes.</source>
        <translation>दर्ज हो गया। 10 मिनट के अंदर नकद बॉक्स निकालें।</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="44" />
        <source>Operator mode: %1</source>
        <translation>ऑपरेटर मोड: %1</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="55" />
        <source>Menu</source>
        <translation>मेनू</translation>
    </message>
    <message>
        <location filename="../qml/Operator.qml" line="61" />
        <source>Sign out</source>
        <translation>साइन आउट</translation>
    </message>
</context>
<context>
    <name>OperatorCount</name>
    <message>
        <location filename="../qml/OperatorCount.qml" line="12" />
        <source>Count the cash box</source>
        <translation>नकद बॉक्स गिनें</translation>
    </message>
    <message>
        <location filename="../qml/OperatorCount.qml" line="22" />
        <source>%1 notes</source>
        <translation>%1 के नोट</translation>
    </message>
    <message>
        <location filename="../qml/OperatorCount.qml" line="42" />
        <source>Type the number of notes of each value; OK goes to the next. The kiosk shows its own figures only after you submit, and a submitted count cannot be changed.</source>
        <translation>हर मूल्य के नोटों की संख्या लिखें; "ठीक है" से अगले पर जाएँ। कियोस्क अपने आँकड़े जमा करने के बाद ही दिखाता है, और जमा की गई गिनती बदली नहीं जा सकती।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorCount.qml" line="55" />
        <source>Submit the count</source>
        <translation>गिनती जमा करें</translation>
    </message>
</context>
<context>
    <name>OperatorMenu</name>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="0" />
        <source>Payments still open</source>
        <translation>अधूरे भुगतान</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="11" />
        <source>Device status</source>
        <translation>उपकरणों की स्थिति</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="12" />
        <source>Close the day</source>
        <translation>दिन बंद करें</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="13" />
        <source>Z-report</source>
        <translation>Z-रिपोर्ट</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="14" />
        <source>Reprint a receipt</source>
        <translation>रसीद दोबारा छापें</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="15" />
        <source>Change-due vouchers</source>
        <translation>बकाया वापसी वाउचर</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="16" />
        <source>Out of service</source>
        <translation>सेवा बंद</translation>
    </message>
    <message>
        <location filename="../qml/OperatorMenu.qml" line="17" />
        <source>Remove the cash box</source>
        <translation>नकद बॉक्स निकालें</translation>
    </message>
</context>
<context>
    <name>OperatorPin</name>
    <message>
        <location filename="../qml/OperatorPin.qml" line="12" />
        <source>Operator sign-in</source>
        <translation>ऑपरेटर साइन-इन</translation>
    </message>
    <message>
        <location filename="../qml/OperatorPin.qml" line="18" />
        <source>Tap your name, then type your 6-digit PIN.</source>
        <translation>अपने नाम पर टैप करें, फिर अपना 6 अंकों का पिन लिखें।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorPin.qml" line="35" />
        <source>Back to the villager screen</source>
        <translation>ग्रामीण स्क्रीन पर वापस</translation>
    </message>
</context>
<context>
    <name>OperatorReconciliation</name>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="15" />
        <source>Close no. %1 (%2)</source>
        <translation>बंदी संख्या %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="21" />
        <source>Note</source>
        <translation>नोट</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="21" />
        <source>Counted</source>
        <translation>गिने</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="21" />
        <source>Ledger</source>
        <translation>खाता</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="21" />
        <source>Difference</source>
        <translation>अंतर</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="38" />
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="46" />
        <source>The note acceptor's own counter: %1 notes stacked (the ledger has %2).</source>
        <translation>नोट मशीन का अपना काउंटर: %1 नोट जमा (खाते में %2)।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="47" />
        <source>The note acceptor's own counter is not available for this close.</source>
        <translation>इस बंदी के लिए नोट मशीन का अपना काउंटर उपलब्ध नहीं है।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="57" />
        <source>Opening float</source>
        <translation>शुरुआती राशि</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="58" />
        <source>Vouchers issued</source>
        <translation>जारी वाउचर</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="59" />
        <source>Vouchers paid out of the box</source>
        <translation>बॉक्स से चुकाए वाउचर</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="60" />
        <source>Vouchers still open</source>
        <translation>अभी खुले वाउचर</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="61" />
        <source>Suspense (notes with no payment)</source>
        <translation>उचंत (बिना भुगतान के नोट)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="62" />
        <source>Expected in the box</source>
        <translation>बॉक्स में होने चाहिए</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="63" />
        <source>You counted</source>
        <translation>आपने गिने</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="77" />
        <source>Difference: none</source>
        <translation>अंतर: कोई नहीं</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="77" />
        <source>Difference: %1</source>
        <translation>अंतर: %1</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReconciliation.qml" line="84" />
        <source>Z-report</source>
        <translation>Z-रिपोर्ट</translation>
    </message>
</context>
<context>
    <name>OperatorReport</name>
    <message>
        <location filename="../qml/OperatorReport.qml" line="40" />
        <source>A supervisor scans this code to check the report.</source>
        <translation>पर्यवेक्षक रिपोर्ट जाँचने के लिए यह कोड स्कैन करते हैं।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorReport.qml" line="46" />
        <source>Print the Z-report</source>
        <translation>Z-रिपोर्ट छापें</translation>
    </message>
</context>
<context>
    <name>OperatorStatus</name>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="11" />
        <source>Note acceptor</source>
        <translation>नोट मशीन</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="12" />
        <source>Receipt printer</source>
        <translation>रसीद प्रिंटर</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="13" />
        <source>Fingerprint reader</source>
        <translation>फिंगरप्रिंट रीडर</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="19" />
        <source>ready</source>
        <translation>तैयार</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="20" />
        <source>ready (idle)</source>
        <translation>तैयार (खाली)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="21" />
        <source>taking notes</source>
        <translation>नोट ले रही है</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="22" />
        <source>holding a note</source>
        <translation>नोट रोका हुआ है</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="23" />
        <source>jammed</source>
        <translation>नोट फँसा है</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="24" />
        <source>cash box full</source>
        <translation>नकद बॉक्स भरा है</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="25" />
        <source>cash box removed</source>
        <translation>नकद बॉक्स निकला हुआ है</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="26" />
        <source>locked after a fraud attempt</source>
        <translation>धोखाधड़ी के प्रयास के बाद बंद</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="27" />
        <source>not connected</source>
        <translation>जुड़ा नहीं है</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="28" />
        <source>fault</source>
        <translation>खराबी</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="29" />
        <source>error</source>
        <translation>त्रुटि</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="30" />
        <source>paper nearly finished</source>
        <translation>कागज़ लगभग खत्म</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="31" />
        <source>no paper</source>
        <translation>कागज़ नहीं है</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="32" />
        <source>cover open</source>
        <translation>ढक्कन खुला है</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="33" />
        <source>offline</source>
        <translation>ऑफ़लाइन</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="34" />
        <source>not ready</source>
        <translation>तैयार नहीं</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="35" />
        <source>in use by another program</source>
        <translation>किसी दूसरे प्रोग्राम में उपयोग में</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="36" />
        <location filename="../qml/OperatorStatus.qml" line="80" />
        <source>not found</source>
        <translation>नहीं मिला</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="47" />
        <source>Devices</source>
        <translation>उपकरण</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="65" />
        <source>Last error: %1</source>
        <translation>पिछली त्रुटि: %1</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="65" />
        <source>No error</source>
        <translation>कोई त्रुटि नहीं</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="75" />
        <source>Kiosk</source>
        <translation>कियोस्क</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="78" />
        <source>Receipt paper</source>
        <translation>रसीद का कागज़</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="79" />
        <source>Cash box</source>
        <translation>नकद बॉक्स</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="79" />
        <source>%1 notes, %2</source>
        <translation>%1 नोट, %2</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="80" />
        <source>RD service version</source>
        <translation>RD सेवा संस्करण</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="81" />
        <source>Device certificate expires</source>
        <translation>उपकरण प्रमाणपत्र की समाप्ति</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="81" />
        <source>not reported</source>
        <translation>नहीं बताया</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="82" />
        <source>Events waiting to be sent</source>
        <translation>भेजे जाने बाकी रिकॉर्ड</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="83" />
        <source>Last confirmed by the server</source>
        <translation>सर्वर की पिछली पुष्टि</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="83" />
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="84" />
        <source>Out of service</source>
        <translation>सेवा बंद</translation>
    </message>
    <message>
        <location filename="../qml/OperatorStatus.qml" line="84" />
        <source>no</source>
        <translation>नहीं</translation>
    </message>
</context>
<context>
    <name>OperatorTools</name>
    <message>
        <location filename="../qml/OperatorTools.qml" line="0" />
        <source>Payments still open: close each with the reason</source>
        <translation>अधूरे भुगतान: हर एक को कारण चुनकर बंद करें</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="0" />
        <source>Aadhaar payment: the bank&apos;s answer is awaited. The kiosk asks the bank again by itself; do not take this bill again.</source>
        <translation>आधार भुगतान: बैंक के उत्तर की प्रतीक्षा है। कियोस्क स्वयं बैंक से दोबारा पूछता है; यह बिल दोबारा न लें।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="0" />
        <source>No payment is stuck.</source>
        <translation>कोई भुगतान अटका नहीं है।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="0" />
        <source>%1 · %2 · %3 · due %4 · paid %5</source>
        <translation>%1 · %2 · %3 · देय %4 · जमा %5</translation>
    </message>
    <message>
        <source>Print certificate</source>
        <translation>प्रमाण-पत्र छापें</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="13" />
        <source>Reprint a receipt (printed as DUPLICATE)</source>
        <translation>रसीद दोबारा छापें (प्रतिलिपि के रूप में)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="14" />
        <source>No receipts in the last 7 days.</source>
        <translation>पिछले 7 दिनों में कोई रसीद नहीं।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="26" />
        <source>No. %1 · %2 · %3 · %4</source>
        <translation>सं. %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="33" />
        <source>Reprint</source>
        <translation>दोबारा छापें</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="45" />
        <source>Change-due vouchers still open</source>
        <translation>अभी खुले बकाया वापसी वाउचर</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="46" />
        <source>No open vouchers.</source>
        <translation>कोई खुला वाउचर नहीं।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="56" />
        <source>Voucher %1 · %2 · %3</source>
        <translation>वाउचर %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="63" />
        <source>Pay out</source>
        <translation>भुगतान करें</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="79" />
        <source>Out of service now: %1</source>
        <translation>अभी सेवा बंद है: %1</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="79" />
        <source>The kiosk is in service. Choose the reason villagers will read:</source>
        <translation>कियोस्क सेवा में है। ग्रामीणों को दिखने वाला कारण चुनें:</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="97" />
        <source>Back in service</source>
        <translation>फिर से सेवा शुरू करें</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="110" />
        <source>Tap the button before you take the cash box out. A removal the acceptor reports without this is flagged for the district office.</source>
        <translation>नकद बॉक्स निकालने से पहले यह बटन दबाएँ। इसके बिना नोट मशीन द्वारा बताया गया निकालना ज़िला कार्यालय के लिए चिह्नित होता है।</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="116" />
        <source>I am removing the cash box now</source>
        <translation>मैं अभी नकद बॉक्स निकाल रहा/रही हूँ</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="123" />
        <source>announced by the operator</source>
        <translation>ऑपरेटर ने सूचना दी</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="124" />
        <source>removed (matches the operator's action)</source>
        <translation>निकाला गया (ऑपरेटर की सूचना से मेल)</translation>
    </message>
    <message>
        <location filename="../qml/OperatorTools.qml" line="125" />
        <source>REMOVED WITHOUT AN OPERATOR ACTION</source>
        <translation>बिना ऑपरेटर सूचना के निकाला गया</translation>
    </message>
</context>
</TS>
