"""Scale the sample catalogue to 1,200+ plausible services (district × department variants) for tests and benches."""

from __future__ import annotations

from dataclasses import replace

from kiosk.catalogue import Catalogue, FlowKind, OfflinePolicy, Service

# The 33 districts of Rajasthan before the 2023 reorganisation: (English, Hindi, romanised).
DISTRICTS = (
    ("Ajmer", "अजमेर"),
    ("Alwar", "अलवर"),
    ("Banswara", "बांसवाड़ा"),
    ("Baran", "बारां"),
    ("Barmer", "बाड़मेर"),
    ("Bharatpur", "भरतपुर"),
    ("Bhilwara", "भीलवाड़ा"),
    ("Bikaner", "बीकानेर"),
    ("Bundi", "बूंदी"),
    ("Chittorgarh", "चित्तौड़गढ़"),
    ("Churu", "चूरू"),
    ("Dausa", "दौसा"),
    ("Dholpur", "धौलपुर"),
    ("Dungarpur", "डूंगरपुर"),
    ("Hanumangarh", "हनुमानगढ़"),
    ("Jaipur", "जयपुर"),
    ("Jaisalmer", "जैसलमेर"),
    ("Jalore", "जालोर"),
    ("Jhalawar", "झालावाड़"),
    ("Jhunjhunu", "झुंझुनू"),
    ("Jodhpur", "जोधपुर"),
    ("Karauli", "करौली"),
    ("Kota", "कोटा"),
    ("Nagaur", "नागौर"),
    ("Pali", "पाली"),
    ("Pratapgarh", "प्रतापगढ़"),
    ("Rajsamand", "राजसमंद"),
    ("Sawai Madhopur", "सवाई माधोपुर"),
    ("Sikar", "सीकर"),
    ("Sirohi", "सिरोही"),
    ("Sri Ganganagar", "श्रीगंगानगर"),
    ("Tonk", "टोंक"),
    ("Udaipur", "उदयपुर"),
)

# (id stem, Hindi pattern, English pattern, base service to copy the flow and fields from)
TEMPLATES = (
    ("municipal-water", "{hi} नगर परिषद जल बिल", "{en} municipal water bill", "phed-water"),
    ("property-tax", "{hi} नगर परिषद गृह कर", "{en} municipal property tax", "phed-water"),
    ("trade-licence", "{hi} व्यापार अनुज्ञा पत्र", "{en} trade licence copy", "caste-cert"),
    ("ration-status", "{hi} राशन कार्ड आवेदन स्थिति", "{en} ration card application status", "application-status"),
    ("obc-cert", "{hi} ओबीसी प्रमाण पत्र", "{en} OBC certificate", "caste-cert"),
    ("solvency-cert", "{hi} हैसियत प्रमाण पत्र", "{en} solvency certificate", "income-cert"),
    ("marriage-cert", "{hi} विवाह प्रमाण पत्र", "{en} marriage certificate", "birth-cert"),
    ("girdawari", "{hi} गिरदावरी की नकल", "{en} girdawari copy (crop record)", "jamabandi-copy"),
    ("widow-pension", "{hi} विधवा पेंशन स्थिति", "{en} widow pension status", "pension-status"),
    ("disability-pension", "{hi} विशेष योग्यजन पेंशन स्थिति", "{en} disability pension status", "pension-status"),
    ("scholarship-info", "{hi} छात्रवृत्ति योजना जानकारी", "{en} scholarship scheme information", "palanhar-info"),
    ("kisan-info", "{hi} किसान सम्मान निधि जानकारी", "{en} Kisan Samman Nidhi information", "chiranjeevi-info"),
)


def scaled_catalogue(base: Catalogue, count: int = 1200) -> Catalogue:
    """`base` plus generated services until there are at least `count`, with unique ids and names."""
    services: list[Service] = list(base.services)
    round_no = 0
    while len(services) < count:
        round_no += 1
        for stem, hi, en, model_id in TEMPLATES:
            model = base.get(model_id)
            for district_en, district_hi in DISTRICTS:
                if len(services) >= count:
                    break
                suffix_hi = f" (क्षेत्र {round_no})" if round_no > 1 else ""
                suffix_en = f" (zone {round_no})" if round_no > 1 else ""
                slug = district_en.lower().replace(" ", "-")
                services.append(
                    replace(
                        model,
                        id=f"{stem}-{slug}-{round_no}",
                        name_hi=hi.format(hi=district_hi) + suffix_hi,
                        name_en=en.format(en=district_en) + suffix_en,
                        # Only the district as extra words: copying the model's keywords would make a
                        # trade licence answer to "jati" (caste).
                        keywords_hi=(district_hi,),
                        keywords_en=(district_en.lower(),),
                        romanised=(),
                        home_tile=False,
                        rank=10_000 + len(services),
                        offline=model.offline if model.flow is not FlowKind.INFORMATION else OfflinePolicy.OFFLINE,
                    )
                )
    return Catalogue(f"{base.version}+scaled{count}", base.categories, tuple(services))
