<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>StepEligibility</name>
    <message>
        <location filename="../qml/StepEligibility.qml" line="0" />
        <source>First, a question about you</source>
        <translation>First, a question about you</translation>
    </message>
    <message>
        <location filename="../qml/StepEligibility.qml" line="0" />
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../qml/StepEligibility.qml" line="0" />
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../qml/StepEligibility.qml" line="0" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StepNotEligible</name>
    <message>
        <location filename="../qml/StepNotEligible.qml" line="0" />
        <source>Thank you for your answer.</source>
        <translation>Thank you for your answer.</translation>
    </message>
    <message>
        <location filename="../qml/StepNotEligible.qml" line="0" />
        <source>Nothing has been charged.</source>
        <translation>Nothing has been charged.</translation>
    </message>
    <message>
        <location filename="../qml/StepNotEligible.qml" line="0" />
        <source>Back to start</source>
        <translation>Back to start</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: please fill this in.</source>
        <translation>%1: please fill this in.</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: too short or too long. Please check it.</source>
        <translation>%1: too short or too long. Please check it.</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: please type only digits.</source>
        <translation>%1: please type only digits.</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: this number is not correct. One digit may be wrong.</source>
        <translation>%1: this number is not correct. One digit may be wrong.</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: this does not look right. Use letters, digits and simple punctuation only.</source>
        <translation>%1: this does not look right. Use letters, digits and simple punctuation only.</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: type the date as day-month-year, for example 05-03-1990.</source>
        <translation>%1: type the date as day-month-year, for example 05-03-1990.</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: this date is in the future.</source>
        <translation>%1: this date is in the future.</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>%1: please tap one of the choices.</source>
        <translation>%1: please tap one of the choices.</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>Fill in your details. Names may be typed in Hindi or in English letters.</source>
        <translation>Fill in your details. Names may be typed in Hindi or in English letters.</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../qml/StepForm.qml" line="0" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StepScan</name>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The page looks empty. Put the page face down on the glass and scan again.</source>
        <translation>The page looks empty. Put the page face down on the glass and scan again.</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The page is too dark to read. Close the lid fully and scan again.</source>
        <translation>The page is too dark to read. Close the lid fully and scan again.</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The page is turned too far. Lay it straight along the edge of the glass and scan again.</source>
        <translation>The page is turned too far. Lay it straight along the edge of the glass and scan again.</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>There is no page on the scanner. Put the page face down on the glass.</source>
        <translation>There is no page on the scanner. Put the page face down on the glass.</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The scanner lid is open. Close it and scan again.</source>
        <translation>The scanner lid is open. Close it and scan again.</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The page is stuck in the scanner. Please ask the operator.</source>
        <translation>The page is stuck in the scanner. Please ask the operator.</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The scanner is busy. Wait a moment and scan again.</source>
        <translation>The scanner is busy. Wait a moment and scan again.</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>The scanner is not working right now. Please ask the operator.</source>
        <translation>The scanner is not working right now. Please ask the operator.</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Document %1 of %2: %3</source>
        <translation>Document %1 of %2: %3</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Put the page face down on the scanner glass, close the lid, and tap Scan page.</source>
        <translation>Put the page face down on the scanner glass, close the lid, and tap Scan page.</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Pages scanned: %1</source>
        <translation>Pages scanned: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Scan page</source>
        <translation>Scan page</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Scan it again</source>
        <translation>Scan it again</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../qml/StepScan.qml" line="0" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StepPhoto</name>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Your photo for the certificate</source>
        <translation>Your photo for the certificate</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Look straight at the camera above the screen, without a cap or dark glasses, and tap Take photo.</source>
        <translation>Look straight at the camera above the screen, without a cap or dark glasses, and tap Take photo.</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Your face was not seen clearly. Come a little closer, look at the camera and take it again.</source>
        <translation>Your face was not seen clearly. Come a little closer, look at the camera and take it again.</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>The camera is not working right now. Please ask the operator.</source>
        <translation>The camera is not working right now. Please ask the operator.</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Take it again</source>
        <translation>Take it again</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Take photo</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Use this photo</source>
        <translation>Use this photo</translation>
    </message>
    <message>
        <location filename="../qml/StepPhoto.qml" line="0" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StepReview</name>
    <message>
        <location filename="../qml/StepReview.qml" line="0" />
        <source>Please check your application</source>
        <translation>Please check your application</translation>
    </message>
    <message>
        <location filename="../qml/StepReview.qml" line="0" />
        <source>Documents scanned: %1</source>
        <translation>Documents scanned: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepReview.qml" line="0" />
        <source>Photo taken</source>
        <translation>Photo taken</translation>
    </message>
    <message>
        <location filename="../qml/StepReview.qml" line="0" />
        <source>Fee: %1</source>
        <translation>Fee: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepReview.qml" line="0" />
        <source>Submit the application</source>
        <translation>Submit the application</translation>
    </message>
    <message>
        <location filename="../qml/StepReview.qml" line="0" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StepApplicationDone</name>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Your application has been submitted.</source>
        <translation>Your application has been submitted.</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Application number: %1</source>
        <translation>Application number: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Expected by: %1</source>
        <translation>Expected by: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Office: %1</source>
        <translation>Office: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Receipt number: %1</source>
        <translation>Receipt number: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Take the acknowledgement slip from the printer below. Scan its QR code, or use 'Check application status' at any kiosk, to follow your application.</source>
        <translation>Take the acknowledgement slip from the printer below. Scan its QR code, or use 'Check application status' at any kiosk, to follow your application.</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>The slip could not be printed. Write down your application number; the operator can print the slip for you.</source>
        <translation>The slip could not be printed. Write down your application number; the operator can print the slip for you.</translation>
    </message>
    <message>
        <location filename="../qml/StepApplicationDone.qml" line="0" />
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
</context>
</TS>
