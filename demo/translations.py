"""English, Turkish and Arabic versions of part of the demo.

Translated: the home page, the calendar, the decision briefings index with the
featured (public) briefing, every topic and the venues' accessibility notes.
Everything else stays German and is served as the German fallback. Pages are
made with ``copy_for_translation`` (as wagtail-localize does), then their
fields are set and published; reruns change nothing.
"""

from django.db import transaction
from wagtail.models import Locale, Page

from demo import content
from demo.builders import HOME_SLUG, _differs
from dialog.models import EventIndexPage, Venue
from home.factories import paragraph
from home.models import HomePage, Topic
from news.models import DecisionBriefingPage, NewsIndexPage


def _home_body(heading, text, quote, attribution):
    return [
        {"type": "heading", "value": {"text": heading, "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{text}</p>"},
        {"type": "quote", "value": {"text": quote, "attribution": attribution}},
    ]


def _points(*pairs):
    return [
        {"type": "talking_point", "value": {"point": point, "explanation": text}}
        for point, text in pairs
    ]


TEXTS = {
    "en": {
        "home": dict(
            title="Mitmachportal",
            seo_title="Mitmachportal – have your say, decide together, get involved",
            lead="Have your say, decide together, get involved: here you find "
            "meetings in your district, background on upcoming decisions and ways to "
            "contribute your skills – on site, online or between nursery pick-up and "
            "shift work.",
            body=_home_body(
                "A party everyone can take part in",
                "The state party conference decided: we want to be a party in which "
                "all members can take part – whatever their neighbourhood, age, "
                "children, care work or shift work. This portal brings together what "
                "that takes: monthly meetings for new members, open working groups, "
                "base conferences, thematic councils with city initiatives and early "
                "information on decisions in Berlin politics.",
                "What matters is that our members are able to talk openly about our "
                "successes and current problems with friends, family and neighbours.",
                "Resolution of the state party conference",
            ),
        ),
        "calendar": dict(
            title="Calendar",
            intro="<p>All meetings of the state association and the districts – "
            "filter by district, kind, accessibility and childcare.</p>",
        ),
        "briefings": dict(
            title="Decisions",
            intro="<p>What is coming up in the state parliament, the Senate, the "
            "district assemblies and the party? Find out early here – with arguments "
            "for conversations with friends, family and neighbours.</p>",
        ),
        "briefing": dict(
            title="Senate decides on rent increases at the state-owned housing "
            "companies",
            summary="The Senate decides whether the state-owned housing companies "
            "may keep raising their rents in the coming years. About 360,000 flats "
            "are affected.",
            at_stake="<p>For hundreds of thousands of households the question is "
            "whether the rent goes up again next year. The state-owned flats are the "
            "most important tool the state has to calm the rental market.</p><p>We "
            "want rents there to be frozen and nobody to pay more than 27 per cent "
            "of their income in basic rent.</p>",
            talking_points=_points(
                (
                    "A rent freeze at the state-owned companies helps at once – "
                    "without a new law.",
                    "The Senate is the owner. Through the cooperation agreement it "
                    "can tell the companies not to raise rents. That concerns about "
                    "one in five renting households in Berlin.",
                ),
                (
                    "What the state-owned companies charge affects the whole rent "
                    "index.",
                    "Every increase in public housing feeds into the rent index and "
                    "makes it easier for private landlords to raise rents too.",
                ),
                (
                    "The companies need money for new building – but not from their "
                    "tenants.",
                    "New building and refurbishment should be financed by equity "
                    "from the state and cheap loans from the state investment bank, "
                    "not by rising rents for existing tenants.",
                ),
                (
                    "People on low incomes must not be pushed out of the inner city.",
                    "Already today many low-income households pay more than a third "
                    "of their income for rent and heating.",
                ),
            ),
            background=[
                paragraph(
                    "The cooperation agreement between the Senate and the housing "
                    "companies governs rent increases, lettings to holders of a "
                    "housing entitlement certificate (WBS) and hardship rules. It "
                    "is renegotiated regularly."
                ),
                paragraph(
                    "Tenants' associations and several districts have called for "
                    "rents to be frozen until further notice."
                ),
            ],
        ),
        "topics": {
            "mieten-wohnen": (
                "Rent & Housing",
                "Affordable rents, socialising large housing corporations and "
                "protection against displacement.",
            ),
            "pflege-gesundheit": (
                "Care & Health",
                "Hospitals in public hands, good work in care and health centres in "
                "every neighbourhood.",
            ),
            "verkehr-mobilitaet": (
                "Transport & Mobility",
                "Buses and trains for everyone, safe routes for cycling and walking "
                "– on the outskirts too.",
            ),
            "bildung": (
                "Education",
                "Good schools, nursery places and free education from the start.",
            ),
            "klima-umwelt": (
                "Climate & Environment",
                "Climate protection that is socially fair: clean heating, urban "
                "green and protection from heat.",
            ),
            "arbeit-soziales": (
                "Work & Social Affairs",
                "Collective wages, apprenticeships, fighting poverty and securing "
                "social services.",
            ),
            "antirassismus-migration": (
                "Anti-racism & Migration",
                "Equal rights for all Berliners, remembering and standing up.",
            ),
            "kultur": (
                "Culture",
                "Neighbourhood culture, the independent scene and affordable space "
                "for art.",
            ),
            "frieden": (
                "Peace",
                "Disarmament instead of rearmament, diplomacy instead of escalation.",
            ),
        },
        "venues": {
            "Karl-Liebknecht-Haus": "Ramp at the side entrance, lift to every floor, "
            "hearing loop in the Rosa Luxemburg hall.",
            "Nachbarschaftshaus Urbanstraße": "Playroom next to the large hall.",
            "Kiezladen Weidenweg": "Three steps at the entrance, no accessible toilet.",
            "SO36": "Hall at street level; toilets in the basement.",
            "Haus der Demokratie und Menschenrechte": "Lift to the Robert Havemann "
            "hall.",
            "Kulturhaus Spandau": "Hall reachable by platform lift; no accessible "
            "toilet.",
            "Bezirksgeschäftsstelle Neukölln": "Raised ground floor with five steps.",
            "Ulme35 – Interkultureller Treffpunkt": "Old building with steps; the "
            "garden is at street level in summer.",
        },
    },
    "tr": {
        "home": dict(
            title="Mitmachportal",
            seo_title="Mitmachportal – söz sahibi ol, birlikte karar ver, katıl",
            lead="Söz sahibi ol, birlikte karar ver, katıl: Burada ilçendeki "
            "buluşmaları, yaklaşan kararların arka planını ve becerilerinle katkı "
            "sunmanın yollarını bulursun – yerinde, çevrim içi ya da kreşten çocuk "
            "almakla vardiya arasında.",
            body=_home_body(
                "Herkesin katılabildiği bir parti",
                "Eyalet parti kongresi karar verdi: Tüm üyelerin katılabildiği bir "
                "parti olmak istiyoruz – oturduğu semtten, yaşından, çocuklardan, "
                "bakım işinden ya da vardiyalı çalışmadan bağımsız olarak. Bu portal "
                "bunun için gerekenleri bir araya getiriyor: yeni üyeler için aylık "
                "toplantılar, açık çalışma grupları, taban konferansları, kent "
                "inisiyatifleriyle tematik konseyler ve Berlin siyasetindeki "
                "kararlar hakkında erken bilgi.",
                "Önemli olan, üyelerimizin başarılarımızı ve güncel sorunlarımızı "
                "arkadaşlarına, ailelerine ve komşularına açıkça anlatabilmesidir.",
                "Eyalet parti kongresi kararı",
            ),
        ),
        "calendar": dict(
            title="Takvim",
            intro="<p>Eyalet örgütünün ve ilçelerin tüm buluşmaları – ilçeye, türe, "
            "erişilebilirliğe ve çocuk bakımına göre filtrelenebilir.</p>",
        ),
        "briefings": dict(
            title="Kararlar",
            intro="<p>Eyalet meclisinde, Senato'da, ilçe meclislerinde ve partide "
            "neler gündemde? Burada erkenden öğrenin – arkadaşlarınızla, ailenizle "
            "ve komşularınızla sohbetler için argümanlarla birlikte.</p>",
        ),
        "briefing": dict(
            title="Senato, kamuya ait konut şirketlerindeki kira artışlarına karar "
            "veriyor",
            summary="Senato, kamuya ait konut şirketlerinin önümüzdeki yıllarda "
            "kiraları artırmaya devam edip edemeyeceğine karar veriyor. Yaklaşık "
            "360.000 daire bundan etkileniyor.",
            at_stake="<p>Yüz binlerce hane için mesele, kiranın gelecek yıl yeniden "
            "artıp artmayacağıdır. Kamuya ait daireler, eyaletin kira piyasasını "
            "frenlemek için elindeki en önemli araçtır.</p><p>Oradaki kiraların "
            "dondurulmasını ve kimsenin gelirinin yüzde 27'sinden fazlasını net "
            "kiraya ödememesini istiyoruz.</p>",
            talking_points=_points(
                (
                    "Kamu konut şirketlerinde kira dondurma hemen işe yarar – yeni "
                    "bir yasaya gerek yok.",
                    "Senato bu şirketlerin sahibidir. İşbirliği anlaşmasıyla "
                    "şirketlere kiraları artırmamalarını söyleyebilir. Bu, Berlin'de "
                    "kirada oturan yaklaşık her beş haneden birini ilgilendiriyor.",
                ),
                (
                    "Kamu şirketlerinin aldığı kira, bütün kira endeksini etkiler.",
                    "Kamu konutlarındaki her artış kira endeksine yansır ve özel ev "
                    "sahiplerinin de kira artırmasını kolaylaştırır.",
                ),
                (
                    "Şirketlerin yeni konut için paraya ihtiyacı var – ama "
                    "kiracılardan değil.",
                    "Yeni inşaat ve tadilat, artan kiralarla değil; eyaletin sermaye "
                    "katkısı ve eyalet yatırım bankasının uygun kredileriyle "
                    "finanse edilmelidir.",
                ),
                (
                    "Az kazananlar şehir merkezinden dışarı itilmemeli.",
                    "Bugün bile düşük gelirli birçok hane gelirinin üçte birinden "
                    "fazlasını kira ve ısınmaya ödüyor.",
                ),
            ),
            background=[
                paragraph(
                    "Senato ile konut şirketleri arasındaki işbirliği anlaşması kira "
                    "artışlarını, konut hakkı belgesi (WBS) sahiplerine kiralamayı ve "
                    "zor durum kurallarını düzenler. Düzenli olarak yeniden "
                    "müzakere edilir."
                ),
                paragraph(
                    "Kiracı dernekleri ve birkaç ilçe, kiraların şimdilik "
                    "dondurulmasını talep etti."
                ),
            ],
        ),
        "topics": {
            "mieten-wohnen": (
                "Kira & Konut",
                "Uygun kiralar, büyük konut şirketlerinin kamulaştırılması ve "
                "yerinden edilmeye karşı koruma.",
            ),
            "pflege-gesundheit": (
                "Bakım & Sağlık",
                "Kamunun elinde hastaneler, bakımda iyi çalışma koşulları ve her "
                "mahallede sağlık merkezleri.",
            ),
            "verkehr-mobilitaet": (
                "Ulaşım & Hareketlilik",
                "Herkes için otobüs ve tren, bisiklet ve yayalar için güvenli "
                "yollar – şehrin dış semtlerinde de.",
            ),
            "bildung": (
                "Eğitim",
                "İyi okullar, kreş yerleri ve baştan itibaren ücretsiz eğitim.",
            ),
            "klima-umwelt": (
                "İklim & Çevre",
                "Sosyal açıdan adil iklim koruması: ısınmada dönüşüm, kent yeşili "
                "ve sıcağa karşı koruma.",
            ),
            "arbeit-soziales": (
                "Çalışma & Sosyal İşler",
                "Toplu sözleşmeli ücretler, meslek eğitimi, yoksullukla mücadele ve "
                "sosyal kuruluşların güvencesi.",
            ),
            "antirassismus-migration": (
                "Irkçılık Karşıtlığı & Göç",
                "Tüm Berlinliler için eşit haklar, hatırlamak ve karşı durmak.",
            ),
            "kultur": (
                "Kültür",
                "Mahalle kültürü, bağımsız sanat sahnesi ve sanat için uygun "
                "fiyatlı mekânlar.",
            ),
            "frieden": (
                "Barış",
                "Silahlanma yerine silahsızlanma, tırmanma yerine diplomasi.",
            ),
        },
        "venues": {
            "Karl-Liebknecht-Haus": "Yan girişte rampa, tüm katlara asansör, Rosa "
            "Luxemburg salonunda işitme döngüsü.",
            "Nachbarschaftshaus Urbanstraße": "Büyük salonun yanında oyun odası.",
            "Kiezladen Weidenweg": "Girişte üç basamak, engelli tuvaleti yok.",
            "SO36": "Salon zemin seviyesinde; tuvaletler bodrum katta.",
            "Haus der Demokratie und Menschenrechte": "Robert Havemann salonuna "
            "asansör.",
            "Kulturhaus Spandau": "Salona platform asansörüyle ulaşılır; engelli "
            "tuvaleti yok.",
            "Bezirksgeschäftsstelle Neukölln": "Beş basamaklı yüksek giriş katı.",
            "Ulme35 – Interkultureller Treffpunkt": "Basamaklı eski bina; bahçe "
            "yazın zemin seviyesinde.",
        },
    },
    "ar": {
        "home": dict(
            title="Mitmachportal – بوابة المشاركة",
            seo_title="بوابة المشاركة – عبّر عن رأيك، شارك في القرار، انضم إلينا",
            lead="عبّر عن رأيك، شارك في القرار، انضم إلينا: هنا تجد اللقاءات في "
            "منطقتك، وخلفيات القرارات القادمة، وطرقاً للمساهمة بمهاراتك – حضورياً "
            "أو عبر الإنترنت أو بين إحضار الأطفال من الحضانة ونوبة العمل.",
            body=_home_body(
                "حزب يستطيع الجميع المشاركة فيه",
                "قرّر المؤتمر الإقليمي للحزب: نريد أن نكون حزباً يستطيع جميع أعضائه "
                "المشاركة فيه – بغض النظر عن مكان السكن أو العمر أو الأطفال أو "
                "أعمال الرعاية أو العمل بنظام النوبات. تجمع هذه البوابة ما يلزم "
                "لذلك: لقاءات شهرية للأعضاء الجدد، وفرق عمل مفتوحة، ومؤتمرات "
                "القواعد الحزبية، ومجالس موضوعية مع مبادرات المدينة، ومعلومات مبكرة عن "
                "قرارات السياسة في برلين.",
                "المهم أن يكون أعضاؤنا قادرين على الحديث بصراحة عن نجاحاتنا "
                "ومشكلاتنا الحالية مع الأصدقاء والعائلة والجيران.",
                "قرار المؤتمر الإقليمي للحزب",
            ),
        ),
        "calendar": dict(
            title="التقويم",
            intro="<p>جميع مواعيد الفرع الإقليمي والمناطق – مع إمكانية التصفية حسب "
            "المنطقة والنوع وإمكانية الوصول ورعاية الأطفال.</p>",
        ),
        "briefings": dict(
            title="القرارات",
            intro="<p>ما الذي ينتظرنا في برلمان الولاية ومجلس الشيوخ ومجالس "
            "المناطق وفي الحزب؟ اعرف ذلك هنا مبكراً – مع حجج للحديث مع الأصدقاء "
            "والعائلة والجيران.</p>",
        ),
        "briefing": dict(
            title="مجلس الشيوخ يقرر زيادة الإيجارات في شركات الإسكان المملوكة للولاية",
            summary="يقرر مجلس الشيوخ ما إذا كان يحق لشركات الإسكان المملوكة "
            "للولاية الاستمرار في رفع الإيجارات في السنوات القادمة. ويشمل ذلك نحو "
            "360,000 شقة.",
            at_stake="<p>بالنسبة لمئات الآلاف من الأسر، السؤال هو: هل سيرتفع "
            "الإيجار مجدداً في العام القادم؟ الشقق المملوكة للولاية هي أهم أداة "
            "لديها لتهدئة سوق الإيجارات.</p><p>نريد تجميد الإيجارات هناك، وألا "
            "يدفع أحد أكثر من 27 بالمئة من دخله للإيجار الأساسي.</p>",
            talking_points=_points(
                (
                    "تجميد الإيجارات في الشركات المملوكة للولاية يساعد فوراً – دون "
                    "قانون جديد.",
                    "مجلس الشيوخ هو المالك، ويمكنه عبر اتفاقية التعاون أن يطلب من "
                    "الشركات عدم رفع الإيجارات. وهذا يخص تقريباً أسرة من كل خمس "
                    "أسر مستأجرة في برلين.",
                ),
                (
                    "ما تطلبه الشركات المملوكة للولاية يؤثر على مؤشر الإيجارات كله.",
                    "كل زيادة في المساكن العامة تدخل في مؤشر الإيجارات وتسهّل على "
                    "الملاك الخاصين رفع الإيجارات أيضاً.",
                ),
                (
                    "تحتاج الشركات إلى المال للبناء الجديد – لكن ليس من المستأجرين.",
                    "يجب تمويل البناء الجديد والترميم من رأس مال تضخه الولاية ومن "
                    "قروض ميسّرة من بنك الاستثمار، لا من رفع إيجارات المستأجرين "
                    "الحاليين.",
                ),
                (
                    "لا يجوز طرد أصحاب الدخل المحدود من وسط المدينة.",
                    "اليوم بالفعل تدفع أسر كثيرة ذات دخل منخفض أكثر من ثلث دخلها "
                    "للإيجار والتدفئة.",
                ),
            ),
            background=[
                paragraph(
                    "تنظّم اتفاقية التعاون بين مجلس الشيوخ وشركات الإسكان زيادات "
                    "الإيجار، وتأجير الشقق لحاملي شهادة استحقاق السكن (WBS)، "
                    "وقواعد الحالات الصعبة. ويُعاد التفاوض عليها بانتظام."
                ),
                paragraph(
                    "طالبت جمعيات المستأجرين وعدة مناطق بتجميد الإيجارات حتى إشعار آخر."
                ),
            ],
        ),
        "topics": {
            "mieten-wohnen": (
                "الإيجارات والسكن",
                "إيجارات ميسورة، وتحويل شركات الإسكان الكبرى إلى ملكية عامة، "
                "والحماية من التهجير.",
            ),
            "pflege-gesundheit": (
                "الرعاية والصحة",
                "مستشفيات في يد القطاع العام، وظروف عمل جيدة في الرعاية، ومراكز "
                "صحية في كل حي.",
            ),
            "verkehr-mobilitaet": (
                "النقل والتنقل",
                "حافلات وقطارات للجميع، وطرق آمنة للدراجات والمشاة – في أطراف "
                "المدينة أيضاً.",
            ),
            "bildung": (
                "التعليم",
                "مدارس جيدة، وأماكن في الحضانات، وتعليم مجاني منذ البداية.",
            ),
            "klima-umwelt": (
                "المناخ والبيئة",
                "حماية للمناخ عادلة اجتماعياً: تحول في التدفئة، ومساحات خضراء، "
                "وحماية من الحر.",
            ),
            "arbeit-soziales": (
                "العمل والشؤون الاجتماعية",
                "أجور وفق الاتفاقيات الجماعية، وتدريب مهني، ومكافحة الفقر، وضمان "
                "الجهات الاجتماعية.",
            ),
            "antirassismus-migration": (
                "مناهضة العنصرية والهجرة",
                "حقوق متساوية لجميع سكان برلين، والتذكّر والتصدي.",
            ),
            "kultur": (
                "الثقافة",
                "ثقافة الأحياء، والمشهد الفني المستقل، وأماكن ميسورة للفن.",
            ),
            "frieden": (
                "السلام",
                "نزع السلاح بدلاً من التسلح، والدبلوماسية بدلاً من التصعيد.",
            ),
        },
        "venues": {
            "Karl-Liebknecht-Haus": "منحدر عند المدخل الجانبي، ومصعد إلى جميع "
            "الطوابق، وحلقة سمعية في قاعة روزا لوكسمبورغ.",
            "Nachbarschaftshaus Urbanstraße": "غرفة لعب بجانب القاعة الكبيرة.",
            "Kiezladen Weidenweg": "ثلاث درجات عند المدخل، ولا يوجد مرحاض مهيأ "
            "لذوي الإعاقة.",
            "SO36": "القاعة على مستوى الشارع؛ المراحيض في الطابق السفلي.",
            "Haus der Demokratie und Menschenrechte": "مصعد إلى قاعة روبرت هافمان.",
            "Kulturhaus Spandau": "يمكن الوصول إلى القاعة بمصعد منصة؛ لا يوجد "
            "مرحاض مهيأ لذوي الإعاقة.",
            "Bezirksgeschäftsstelle Neukölln": "طابق أرضي مرتفع بخمس درجات.",
            "Ulme35 – Interkultureller Treffpunkt": "مبنى قديم بدرجات؛ الحديقة "
            "على مستوى الأرض في الصيف.",
        },
    },
}


@transaction.atomic
def translate_demo():
    """Create or update the translated demo pages and snippets; return a count."""
    home = HomePage.objects.get(depth=2, slug=HOME_SLUG)
    calendar = EventIndexPage.objects.child_of(home).get(slug="kalender")
    briefings = NewsIndexPage.objects.child_of(home).get(slug="entscheidungen")
    briefing = DecisionBriefingPage.objects.child_of(briefings).get(
        slug=content.FEATURED_BRIEFING
    )
    changed = 0
    for language, texts in TEXTS.items():
        locale, _created = Locale.objects.get_or_create(language_code=language)
        topics = {}
        for topic in Topic.objects.filter(locale=home.locale, slug__in=texts["topics"]):
            name, description = texts["topics"][topic.slug]
            translated = _snippet(topic, locale)
            changed += _save(translated, name=name, description=description)
            topics[topic.pk] = translated
        for venue in Venue.objects.filter(locale=home.locale):
            notes = texts["venues"].get(venue.name, venue.accessibility_notes)
            changed += _save(_snippet(venue, locale), accessibility_notes=notes)

        home_slug = f"{HOME_SLUG}-{language}"
        changed += _publish(_page(home, locale), slug=home_slug, **texts["home"])
        changed += _publish(_page(calendar, locale), **texts["calendar"])
        changed += _publish(_page(briefings, locale), **texts["briefings"])
        translated_briefing = _page(briefing, locale)
        wanted_topics = [topics[topic.pk] for topic in briefing.topics.all()]
        new_topics = set(translated_briefing.topics.all()) != set(wanted_topics)
        if new_topics:
            translated_briefing.topics.set(wanted_topics)
        summary = texts["briefing"]["summary"]
        changed += _publish(
            translated_briefing,
            force=new_topics,
            listing_summary=summary[:300],
            **texts["briefing"],
        )
        changed += _publish(_page(home, locale), featured_briefing=translated_briefing)
    return changed


def _page(page, locale):
    """``page``'s translation into ``locale``; a fresh draft copy if there is none.

    A copy left over from an earlier demo (``load_demo --reset`` makes new German
    pages) is deleted first, so the translated slugs stay free.
    """
    translated = page.get_translation_or_none(locale)
    if translated is not None:
        return translated.specific
    if page.depth == 2:
        for stale in Page.objects.filter(
            depth=2, slug=f"{HOME_SLUG}-{locale.language_code}"
        ):
            stale.delete()
    return page.copy_for_translation(locale).specific


def _snippet(snippet, locale):
    translated = snippet.get_translation_or_none(locale)
    if translated is None:
        translated = snippet.copy_for_translation(locale)
        translated.save()
    return translated


def _save(obj, **fields):
    if not any(_differs(obj, name, value) for name, value in fields.items()):
        return 0
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()
    return 1


def _publish(page, *, force=False, **fields):
    changed = any(_differs(page, name, value) for name, value in fields.items())
    if not (changed or force) and page.live:
        return 0
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return 1
