<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>BbpsQuote</name>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>Bharat BillPay · %1</source>
        <translation>भारत बिल पे · %1</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>Bill amount %1, bill date %2.</source>
        <translation>बिल राशि %1, बिल तिथि %2।</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>This biller accepts from %1 to %2. Type the amount in rupees, or press OK to pay the bill amount.</source>
        <translation>यह बिलर %1 से %2 तक की राशि लेता है। राशि रुपयों में लिखें, या बिल की राशि भरने के लिए OK दबाएँ।</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>Type the amount you want to pay, in rupees (up to %1).</source>
        <translation>जितनी राशि भरनी है, रुपयों में लिखें (%1 तक)।</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>Bill %1 + convenience fee %2 = total %3</source>
        <translation>बिल %1 + सुविधा शुल्क %2 = कुल %3</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>BBPS reference number: %1</source>
        <translation>BBPS संदर्भ संख्या: %1</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>Your payment is recorded. The biller's confirmation is pending: ask the operator later for a reprint with the BBPS reference number.</source>
        <translation>आपका भुगतान दर्ज हो गया है। बिलर की पुष्टि अभी बाकी है: BBPS संदर्भ संख्या वाली रसीद बाद में ऑपरेटर से दोबारा छपवाएँ।</translation>
    </message>
    <message>
        <location filename="../qml/BbpsQuote.qml"/>
        <source>The biller did not accept this payment. Show your receipt to the operator to get your money back.</source>
        <translation>बिलर ने यह भुगतान स्वीकार नहीं किया। अपनी राशि वापस लेने के लिए रसीद ऑपरेटर को दिखाएँ।</translation>
    </message>
</context>
<context>
    <name>BbpsComplaint</name>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>No bill payment with this receipt number was made at this machine. Check the number on your receipt.</source>
        <translation>इस रसीद संख्या से इस मशीन पर कोई बिल भुगतान नहीं हुआ। अपनी रसीद पर संख्या जाँचें।</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>The biller has not confirmed this payment yet, so a complaint cannot be made now. Please try again tomorrow or ask the operator.</source>
        <translation>बिलर ने अभी इस भुगतान की पुष्टि नहीं की है, इसलिए अभी शिकायत नहीं हो सकती। कृपया कल फिर कोशिश करें या ऑपरेटर से पूछें।</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>The Bharat BillPay computer cannot be reached right now. Please try again later.</source>
        <translation>भारत बिल पे के कंप्यूटर से अभी संपर्क नहीं हो पा रहा है। कृपया बाद में कोशिश करें।</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Sent to the biller; waiting for their answer</source>
        <translation>बिलर को भेजी गई; उनके जवाब का इंतज़ार है</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Resolved</source>
        <translation>निपटाई गई</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Rejected</source>
        <translation>अस्वीकृत</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Complaint about a bill payment</source>
        <translation>बिल भुगतान की शिकायत</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Type the receipt number printed on your receipt.</source>
        <translation>अपनी रसीद पर छपी रसीद संख्या लिखें।</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Please wait…</source>
        <translation>कृपया प्रतीक्षा करें…</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Payment to %1 · BBPS reference %2</source>
        <translation>%1 को भुगतान · BBPS संदर्भ %2</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>What went wrong?</source>
        <translation>क्या गड़बड़ हुई?</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>The biller does not show my payment</source>
        <translation>बिलर के पास मेरा भुगतान नहीं दिख रहा</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>The wrong amount was paid</source>
        <translation>गलत राशि का भुगतान हुआ</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>I was charged twice</source>
        <translation>मुझसे दो बार पैसे लिए गए</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Something else</source>
        <translation>कुछ और</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Your complaint is registered.</source>
        <translation>आपकी शिकायत दर्ज हो गई है।</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>A complaint on this payment is already registered.</source>
        <translation>इस भुगतान पर शिकायत पहले से दर्ज है।</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Complaint number: %1</source>
        <translation>शिकायत संख्या: %1</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Status: %1</source>
        <translation>स्थिति: %1</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Handled by: %1</source>
        <translation>कौन देख रहा है: %1</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Note the complaint number. Type your receipt number here again to see its status.</source>
        <translation>शिकायत संख्या लिख लें। स्थिति देखने के लिए यहाँ फिर से अपनी रसीद संख्या लिखें।</translation>
    </message>
    <message>
        <location filename="../qml/BbpsComplaint.qml"/>
        <source>Finish</source>
        <translation>समाप्त</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <location filename="../qml/Home.qml"/>
        <source>Complaint about a bill payment</source>
        <translation>बिल भुगतान की शिकायत</translation>
    </message>
</context>
</TS>
