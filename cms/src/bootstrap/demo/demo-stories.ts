import type { CoverPalette } from './cover-image';

export interface StoryText {
  title: string;
  slug: string;
  lead: string;
  body: string;
  tags: string[];
}

export interface DemoStory {
  /** Id of one of the hub demo seed's six featured entities (see the shared contract). */
  entityKey: string;
  /** TERYT code of the entity's seat gmina. */
  terytCode: string;
  palette: CoverPalette;
  pl: StoryText;
  en: StoryText;
}

export const FOOTER_PL = '_Dane demonstracyjne: organizacja fikcyjna._';
export const FOOTER_EN = '_Demo data: fictional organisation._';

const paragraphs = (footer: string, ...parts: string[]): string => [...parts, '---', footer].join('\n\n');

/** Six stories, one per featured hub entity, each in Polish and English. All of it is invented. */
export const DEMO_STORIES: DemoStory[] = [
  {
    entityKey: '5e0c0001-7a1b-4c2d-8e3f-000000000001',
    terytCode: '1205011',
    palette: { sky: [120, 170, 210], land: [96, 140, 70] },
    pl: {
      title: 'Spółdzielnia „Pod Bocianem” gotuje dla gorlickich szkół',
      slug: 'pod-bocianem-gotuje-dla-gorlickich-szkol',
      lead: 'Pięć osób, które długo nie mogły znaleźć pracy, założyło w Gorlicach spółdzielnię socjalną. Dziś codziennie wydaje ona kilkaset obiadów dla szkół i przedszkoli.',
      body: paragraphs(
        FOOTER_PL,
        'Spółdzielnia Socjalna **„Pod Bocianem”** powstała w Gorlicach z inicjatywy pięciu osób, które przez lata pozostawały bez pracy. Zaczynały od wynajętej kuchni i jednego zamówienia: poczęstunku na gminny piknik rodzinny.',
        'Dziś spółdzielnia przygotowuje codziennie około 350 obiadów dla szkół i przedszkoli, prowadzi mały bar z domowymi daniami i obsługuje uroczystości rodzinne. Zatrudnia dwanaście osób, w tym siedem zagrożonych wykluczeniem społecznym.',
        'Pomógł ośrodek wsparcia ekonomii społecznej: dotacja na wyposażenie kuchni, doradztwo przy pierwszym przetargu i szkolenie z zasad HACCP. Gmina, stosując klauzule społeczne w zamówieniach publicznych, mogła powierzyć spółdzielni żywienie dzieci.',
        '„Najważniejsze, że znów mamy rano dokąd iść” — mówi jedna z założycielek. Nadwyżkę spółdzielnia przeznacza na reintegrację zawodową pracowników i na wakacyjne obiady dla dzieci z rodzin w trudnej sytuacji.',
      ),
      tags: ['spółdzielnia socjalna', 'gastronomia', 'catering', 'reintegracja', 'klauzule społeczne'],
    },
    en: {
      title: 'The “Pod Bocianem” cooperative cooks for the schools of Gorlice',
      slug: 'pod-bocianem-cooks-for-gorlice-schools',
      lead: 'Five people who had long struggled to find work set up a social cooperative in Gorlice. Today it serves several hundred lunches a day to local schools and nurseries.',
      body: paragraphs(
        FOOTER_EN,
        'The **“Pod Bocianem”** (“Under the Stork”) social cooperative was founded in Gorlice by five people who had been out of work for years. They started with a rented kitchen and a single order: refreshments for the municipal family picnic.',
        'Today the cooperative cooks about 350 lunches a day for schools and nurseries, runs a small home-cooking bistro and caters for family celebrations. It employs twelve people, seven of them at risk of social exclusion.',
        'A social economy support centre helped with a grant for kitchen equipment, advice on the first public tender and food-safety (HACCP) training. By using social clauses in public procurement, the municipality could entrust school meals to the cooperative.',
        '“What matters most is that we have somewhere to go in the morning again,” says one of the founders. The cooperative spends its surplus on the vocational reintegration of its staff and on summer lunches for children from families in difficulty.',
      ),
      tags: ['social cooperative', 'catering', 'food service', 'reintegration', 'social clauses'],
    },
  },
  {
    entityKey: '5e0c0001-7a1b-4c2d-8e3f-000000000002',
    terytCode: '1261011',
    palette: { sky: [214, 168, 120], land: [140, 90, 60] },
    pl: {
      title: 'Fundacja „Dobry Chleb”: piekarnia drugiej szansy w Krakowie',
      slug: 'dobry-chleb-piekarnia-drugiej-szansy',
      lead: 'W krakowskiej piekarni fundacji „Dobry Chleb” zawodu uczą się osoby, które wychodzą z bezdomności. Co drugi absolwent znajduje potem stałą pracę.',
      body: paragraphs(
        FOOTER_PL,
        'Fundacja **„Dobry Chleb”** prowadzi w Krakowie piekarnię rzemieślniczą, która jest jednocześnie miejscem nauki zawodu. Trafiają do niej osoby wychodzące z bezdomności, kierowane przez ośrodki pomocy społecznej i noclegownie.',
        'Półroczny program łączy pracę przy piecu pod okiem mistrza piekarskiego z zajęciami z asystentem zawodowym. Uczestnicy dostają umowę o pracę, a wraz z nią stały rytm dnia — dla wielu pierwszy od lat.',
        'Chleb na zakwasie i drożdżówki trafiają do kilkunastu kawiarni, do sklepu przy piekarni i na targ. Przychody ze sprzedaży pokrywają dziś ponad połowę kosztów programu; resztę uzupełniają granty i darowizny.',
        'Z dotychczasowych absolwentów mniej więcej co drugi pracuje w piekarniach lub gastronomii. Fundacja chce otworzyć drugi punkt sprzedaży i korzysta w tym celu z pożyczki z funduszu wspierającego ekonomię społeczną.',
      ),
      tags: ['piekarnictwo', 'reintegracja', 'bezdomność', 'gastronomia'],
    },
    en: {
      title: 'The “Dobry Chleb” Foundation: a second-chance bakery in Kraków',
      slug: 'dobry-chleb-second-chance-bakery',
      lead: 'At the “Dobry Chleb” (“Good Bread”) Foundation’s bakery in Kraków, people leaving homelessness learn a trade. Every second graduate goes on to a permanent job.',
      body: paragraphs(
        FOOTER_EN,
        'The **“Dobry Chleb”** Foundation runs a craft bakery in Kraków that doubles as a training workshop. Its trainees are people leaving homelessness, referred by social assistance centres and night shelters.',
        'The six-month programme combines work at the oven under a master baker with sessions with a job coach. Trainees are employed on a contract, and with it comes a steady daily rhythm — for many, the first in years.',
        'Sourdough loaves and sweet buns go to a dozen cafés, to the bakery’s own shop and to a farmers’ market. Sales now cover more than half of the programme’s costs; grants and donations make up the rest.',
        'Roughly every second graduate so far works in a bakery or in catering. The foundation plans a second shop and is financing it with a loan from a fund that supports the social economy.',
      ),
      tags: ['baking', 'reintegration', 'homelessness', 'food service'],
    },
  },
  {
    entityKey: '5e0c0001-7a1b-4c2d-8e3f-000000000003',
    terytCode: '1862011',
    palette: { sky: [150, 180, 200], land: [70, 110, 90] },
    pl: {
      title: 'Centrum Integracji Społecznej w Przemyślu: rok, który zmienia zawód',
      slug: 'cis-przemysl-rok-ktory-zmienia-zawod',
      lead: 'Remonty mieszkań komunalnych, pielęgnacja miejskiej zieleni i sprzątanie — w przemyskim CIS uczestnicy przez rok uczą się pracy na prawdziwych zleceniach. Blisko połowa z nich znajduje potem zatrudnienie.',
      body: paragraphs(
        FOOTER_PL,
        '**Centrum Integracji Społecznej w Przemyślu** przyjmuje co roku kilkadziesiąt osób długotrwale bezrobotnych, w tym osoby wychodzące z uzależnień i opuszczające zakłady karne. Uczestnicy pracują w trzech warsztatach: remontowo-budowlanym, ogrodniczym i porządkowym.',
        'Warsztaty wykonują prawdziwe zlecenia: odnawiają mieszkania komunalne, dbają o skwery i parki, sprzątają klatki schodowe w budynkach miejskich. Za udział w zajęciach uczestnicy otrzymują świadczenie integracyjne.',
        'Obok nauki zawodu jest reintegracja społeczna: spotkania z psychologiem, doradztwo zawodowe, pomoc w sprawach urzędowych. Centrum współpracuje z powiatowym urzędem pracy i lokalnymi firmami, które przyjmują absolwentów na staże.',
        'Po jedenastu miesiącach programu blisko połowa uczestników podejmuje pracę — część w firmach budowlanych, część w spółdzielni socjalnej założonej przez absolwentów centrum.',
      ),
      tags: ['cis', 'reintegracja', 'rynek pracy', 'usługi remontowe', 'zieleń miejska'],
    },
    en: {
      title: 'The Social Integration Centre in Przemyśl: a year that changes careers',
      slug: 'cis-przemysl-a-year-that-changes-careers',
      lead: 'Renovating council flats, tending the town’s green spaces and cleaning — at the Przemyśl social integration centre (CIS), participants spend a year learning to work on real jobs. Nearly half of them find employment afterwards.',
      body: paragraphs(
        FOOTER_EN,
        'Every year the **Social Integration Centre in Przemyśl** takes in several dozen long-term unemployed people, including people recovering from addiction and former prisoners. Participants work in three workshops: renovation and building, gardening, and cleaning.',
        'The workshops take on real work: they refurbish council flats, look after squares and parks and clean stairwells in municipal buildings. Participants receive an integration allowance for taking part.',
        'Alongside the trade there is social reintegration: sessions with a psychologist, career guidance and help with official matters. The centre works with the county labour office and with local companies that take graduates on placements.',
        'After the eleven-month programme nearly half of the participants start work — some with building firms, some in a social cooperative founded by the centre’s own graduates.',
      ),
      tags: ['social integration centre', 'reintegration', 'labour market', 'renovation', 'urban greenery'],
    },
  },
  {
    entityKey: '5e0c0001-7a1b-4c2d-8e3f-000000000004',
    terytCode: '2261011',
    palette: { sky: [110, 160, 200], land: [40, 90, 130] },
    pl: {
      title: 'ZAZ „Nadmorski” pierze pościel dla trójmiejskich hoteli',
      slug: 'zaz-nadmorski-pralnia-dla-hoteli',
      lead: 'W gdańskim Zakładzie Aktywności Zawodowej „Nadmorski” osoby z niepełnosprawnościami prowadzą pralnię dla hoteli i pensjonatów. Sezon turystyczny to dla nich najpracowitszy czas w roku.',
      body: paragraphs(
        FOOTER_PL,
        '**Zakład Aktywności Zawodowej „Nadmorski”** w Gdańsku zatrudnia ponad trzydzieści osób ze znacznym i umiarkowanym stopniem niepełnosprawności. Jego główną działalnością jest profesjonalna pralnia i magiel.',
        'Klientami są hotele, pensjonaty i hostele w Trójmieście. Latem pralnia pracuje na dwie zmiany, a zakład zatrudnia dodatkowo kierowcę, który odbiera i dowozi pościel oraz ręczniki.',
        'Każdy pracownik ma indywidualny program rehabilitacji, a trenerzy pracy pomagają opanować kolejne stanowiska: od sortowania, przez obsługę maszyn, po kontakt z klientem. Kilka osób przeszło już na otwarty rynek pracy — do hotelowych działów housekeepingu.',
        'Zakład inwestuje w energooszczędne pralnice, które zmniejszyły zużycie wody o jedną czwartą. Kolejnym krokiem ma być obsługa gastronomii: obrusy i odzież robocza dla restauracji.',
      ),
      tags: ['zaz', 'osoby z niepełnosprawnościami', 'usługi pralnicze', 'turystyka'],
    },
    en: {
      title: 'The “Nadmorski” ZAZ does the laundry for Tricity hotels',
      slug: 'zaz-nadmorski-laundry-for-hotels',
      lead: 'At the “Nadmorski” (“Seaside”) vocational activity establishment (ZAZ) in Gdańsk, people with disabilities run a laundry for hotels and guesthouses. The tourist season is their busiest time of the year.',
      body: paragraphs(
        FOOTER_EN,
        'The **“Nadmorski” vocational activity establishment** in Gdańsk employs more than thirty people with severe or moderate disabilities. Its main business is a professional laundry and ironing service.',
        'Its customers are hotels, guesthouses and hostels across the Tricity. In summer the laundry runs two shifts, and a driver collects and delivers bed linen and towels.',
        'Every employee has an individual rehabilitation plan, and job coaches help them master one station after another: sorting, running the machines, dealing with customers. Several people have already moved on to the open labour market, into hotel housekeeping teams.',
        'The establishment has invested in energy-efficient washers that cut its water use by a quarter. Next it wants to serve restaurants: table linen and workwear.',
      ),
      tags: ['vocational activity establishment', 'persons with disabilities', 'laundry', 'tourism'],
    },
  },
  {
    entityKey: '5e0c0001-7a1b-4c2d-8e3f-000000000005',
    terytCode: '1801083',
    palette: { sky: [180, 200, 220], land: [60, 100, 50] },
    pl: {
      title: '„Bieszczadzka Zagroda”: turystyka, która zostaje w regionie',
      slug: 'bieszczadzka-zagroda-turystyka-w-regionie',
      lead: 'Spółdzielnia socjalna z Ustrzyk Dolnych łączy agroturystykę z lokalnymi wyrobami. Pieniądze zostawione przez turystów zostają w regionie i dają całoroczną pracę.',
      body: paragraphs(
        FOOTER_PL,
        'Spółdzielnię Socjalną **„Bieszczadzka Zagroda”** założyło w gminie Ustrzyki Dolne sześcioro mieszkańców okolicznych wsi, w tym dwie osoby długotrwale bezrobotne. Wyremontowali starą zagrodę i urządzili w niej pokoje gościnne.',
        'Latem spółdzielnia przyjmuje turystów i prowadzi zajęcia edukacyjne dla szkół: wypiek podpłomyków, wyrób sera, rozpoznawanie ziół. Zimą członkowie robią przetwory i miody pitne, które sprzedają w internecie i na jarmarkach.',
        'Dzięki temu praca jest przez cały rok, a nie tylko w sezonie. Spółdzielnia kupuje mleko, miód i owoce od okolicznych gospodarzy, więc na ruchu turystycznym zyskują też sąsiedzi.',
        'Pierwsze inwestycje sfinansowała dotacja na utworzenie miejsc pracy i niewielka pożyczka. Teraz spółdzielnia planuje wspólną markę lokalnych produktów z kołami gospodyń wiejskich z gminy.',
      ),
      tags: ['turystyka', 'produkty lokalne', 'spółdzielnia socjalna', 'obszary wiejskie'],
    },
    en: {
      title: '“Bieszczadzka Zagroda”: tourism that stays in the region',
      slug: 'bieszczadzka-zagroda-tourism-that-stays',
      lead: 'A social cooperative from Ustrzyki Dolne combines farm stays with local produce. The money tourists spend stays in the region and provides work all year round.',
      body: paragraphs(
        FOOTER_EN,
        'The **“Bieszczadzka Zagroda”** (“Bieszczady Farmstead”) social cooperative was founded in the Ustrzyki Dolne gmina by six residents of nearby villages, two of them long-term unemployed. They restored an old farmstead and turned it into guest rooms.',
        'In summer the cooperative hosts tourists and runs educational days for schools: baking flatbread, making cheese, identifying herbs. In winter its members make preserves and mead, which they sell online and at fairs.',
        'As a result the work lasts all year, not just in season. The cooperative buys milk, honey and fruit from local farmers, so the neighbours benefit from tourism too.',
        'Its first investments were funded by a job-creation grant and a small loan. The cooperative now plans a shared brand of local products with the rural housewives’ circles of the gmina.',
      ),
      tags: ['tourism', 'local produce', 'social cooperative', 'rural areas'],
    },
  },
  {
    entityKey: '5e0c0001-7a1b-4c2d-8e3f-000000000006',
    terytCode: '0264011',
    palette: { sky: [200, 170, 200], land: [110, 80, 120] },
    pl: {
      title: '„Warsztat Wrocławski”: rowery, meble i pierwszy zawód',
      slug: 'warsztat-wroclawski-rowery-meble-pierwszy-zawod',
      lead: 'Wrocławskie stowarzyszenie naprawia rowery i odnawia stare meble, a przy okazji uczy zawodu młodzież, która opuszcza domy dziecka i rodziny zastępcze.',
      body: paragraphs(
        FOOTER_PL,
        'Stowarzyszenie **„Warsztat Wrocławski”** prowadzi dwie pracownie: serwis rowerowy i stolarnię, w której stare meble dostają drugie życie. Pracują w nich instruktorzy oraz młodzi ludzie w wieku 18–25 lat, którzy usamodzielniają się po pieczy zastępczej.',
        'Program trwa dziewięć miesięcy. Uczestnicy uczą się zawodu, ale też prowadzenia budżetu, szukania mieszkania i rozmów z pracodawcą. Każdy ma opiekuna, który pomaga mu przejść przez pierwsze miesiące samodzielności.',
        'Warsztat utrzymuje się w dużej części ze sprzedaży usług: serwisuje rowery firm i instytucji, a odnowione meble sprzedaje w internecie i na kiermaszach. Zyski z działalności gospodarczej w całości wracają do programu.',
        'Dwie trzecie absolwentów pracuje lub kontynuuje naukę rok po zakończeniu programu. Stowarzyszenie chce dzielić się swoim modelem z innymi miastami w ramach regionalnych warsztatów przedsiębiorczości społecznej.',
      ),
      tags: ['rowery', 'upcykling', 'młodzież', 'edukacja zawodowa'],
    },
    en: {
      title: '“Warsztat Wrocławski”: bikes, furniture and a first trade',
      slug: 'warsztat-wroclawski-bikes-furniture-first-trade',
      lead: 'A Wrocław association repairs bicycles and restores old furniture — and along the way teaches a trade to young people leaving children’s homes and foster families.',
      body: paragraphs(
        FOOTER_EN,
        'The **“Warsztat Wrocławski”** (“Wrocław Workshop”) association runs two workshops: a bicycle repair shop and a joinery where old furniture gets a second life. Instructors work there alongside young people aged 18–25 who are leaving foster care.',
        'The programme lasts nine months. Participants learn a trade, but also how to keep a budget, find a flat and talk to an employer. Each has a mentor who helps them through their first months on their own.',
        'The workshop earns much of its keep by selling services: it maintains bicycles for companies and institutions and sells restored furniture online and at fairs. All profit from its business activity goes back into the programme.',
        'A year after finishing, two thirds of graduates are working or still studying. The association wants to share its model with other cities through regional social entrepreneurship workshops.',
      ),
      tags: ['bicycles', 'upcycling', 'young people', 'vocational training'],
    },
  },
];
