import type { CourseSeed, ModuleSeed, TrainerSeed } from './types';

export const DEMO_NOTE_PL = '_Program demonstracyjny: uczelnia i prowadzący są fikcyjni, przepisy prawa — prawdziwe._';
export const DEMO_NOTE_EN = '_Demo programme: the university and the lecturers are fictional, the law is real._';

export const TRAINERS: TrainerSeed[] = [
  {
    key: 'wisniewska',
    name: 'Małgorzata Wiśniewska',
    academicTitle: 'dr hab.',
    text: {
      pl: {
        slug: 'malgorzata-wisniewska',
        affiliation: 'Katedra Polityki Społecznej i Ekonomii Społecznej, Uczelnia Demonstracyjna',
        bio: 'Ekonomistka i socjolożka, od piętnastu lat bada spółdzielczość socjalną i przedsiębiorstwa społeczne w Polsce i w Europie Środkowej. Kierowniczka studium podyplomowego. Osoba fikcyjna (dane demonstracyjne).',
      },
      en: {
        slug: 'malgorzata-wisniewska',
        affiliation: 'Department of Social Policy and Social Economy, Demo University',
        bio: 'An economist and sociologist who has studied social cooperatives and social enterprises in Poland and Central Europe for fifteen years. Head of the postgraduate programme. Fictional person (demo data).',
      },
    },
  },
  {
    key: 'zielinski',
    name: 'Tomasz Zieliński',
    academicTitle: 'dr',
    text: {
      pl: {
        slug: 'tomasz-zielinski',
        affiliation: 'Zakład Prawa Administracyjnego, Uczelnia Demonstracyjna; radca prawny',
        bio: 'Prawnik, specjalista prawa zamówień publicznych i prawa organizacji pozarządowych. Doradza gminom przy stosowaniu klauzul społecznych i zamówień zastrzeżonych. Osoba fikcyjna (dane demonstracyjne).',
      },
      en: {
        slug: 'tomasz-zielinski',
        affiliation: 'Department of Administrative Law, Demo University; legal adviser',
        bio: 'A lawyer specialising in public procurement and the law of non-governmental organisations. He advises gminas on social clauses and reserved contracts. Fictional person (demo data).',
      },
    },
  },
  {
    key: 'nowak',
    name: 'Katarzyna Nowak-Dąbrowska',
    academicTitle: 'mgr',
    text: {
      pl: {
        slug: 'katarzyna-nowak-dabrowska',
        affiliation: 'Ośrodek Wsparcia Ekonomii Społecznej (dane demonstracyjne)',
        bio: 'Doradczyni biznesowa w ośrodku wsparcia ekonomii społecznej. Pomogła założyć ponad trzydzieści spółdzielni socjalnych; prowadzi warsztaty z biznesplanu i planowania finansowego. Osoba fikcyjna (dane demonstracyjne).',
      },
      en: {
        slug: 'katarzyna-nowak-dabrowska',
        affiliation: 'Social Economy Support Centre (demo data)',
        bio: 'A business adviser at a social economy support centre (OWES). She has helped found more than thirty social cooperatives and runs workshops on business plans and financial planning. Fictional person (demo data).',
      },
    },
  },
  {
    key: 'lukasiewicz',
    name: 'Paweł Łukasiewicz',
    academicTitle: 'dr',
    text: {
      pl: {
        slug: 'pawel-lukasiewicz',
        affiliation: 'Katedra Finansów, Uczelnia Demonstracyjna',
        bio: 'Ekonomista, zajmuje się finansowaniem zwrotnym podmiotów ekonomii społecznej i rachunkowością organizacji non-profit. Był analitykiem funduszu pożyczkowego. Osoba fikcyjna (dane demonstracyjne).',
      },
      en: {
        slug: 'pawel-lukasiewicz',
        affiliation: 'Department of Finance, Demo University',
        bio: 'An economist working on repayable finance for social economy entities and non-profit accounting. He was an analyst at a loan fund. Fictional person (demo data).',
      },
    },
  },
];

export const COURSE: CourseSeed = {
  level: 'POSTGRADUATE',
  pqfLevel: 7,
  semesters: 2,
  text: {
    pl: {
      title: 'Studium Podyplomowe Zarządzania Gospodarką Społeczną',
      slug: 'studium-podyplomowe-zarzadzania-gospodarka-spoleczna',
      lead: 'Dwusemestralne studia podyplomowe dla osób, które zakładają, prowadzą lub wspierają przedsiębiorstwa społeczne, spółdzielnie socjalne, CIS i KIS — oraz dla pracowników samorządu, którzy z nimi współpracują.',
      description: `## O studiach

Studium przygotowuje do zarządzania podmiotami ekonomii społecznej i do współpracy z nimi: od prawa (w tym ustawy z dnia 5 sierpnia 2022 r. o ekonomii społecznej), przez biznesplan i finanse, po zamówienia publiczne z klauzulami społecznymi i reintegrację osób zagrożonych wykluczeniem.

## Organizacja

- 2 semestry, zjazdy w soboty i niedziele co dwa tygodnie
- 200 godzin zajęć dydaktycznych, 36 punktów ECTS
- zajęcia prowadzą nauczyciele akademiccy i praktycy: doradcy OWES, prawnicy, menedżerowie spółdzielni socjalnych
- warunek ukończenia: zaliczenie modułów i obrona projektu końcowego (biznesplan lub plan rozwoju istniejącego podmiotu)

Absolwent otrzymuje świadectwo ukończenia studiów podyplomowych, potwierdzające kwalifikację cząstkową na poziomie 7 Polskiej Ramy Kwalifikacji.

${DEMO_NOTE_PL}`,
      entryRequirements: 'Dyplom ukończenia studiów pierwszego stopnia, drugiego stopnia lub jednolitych studiów magisterskich. O przyjęciu decyduje kolejność zgłoszeń; pierwszeństwo mają pracownicy podmiotów ekonomii społecznej i jednostek samorządu terytorialnego.',
      learningOutcomes: [
        { code: 'K_W01', category: 'KNOWLEDGE', description: 'Zna i rozumie formy prawne podmiotów ekonomii społecznej oraz warunki uzyskania i utraty statusu przedsiębiorstwa społecznego.' },
        { code: 'K_W02', category: 'KNOWLEDGE', description: 'Zna źródła finansowania podmiotów ekonomii społecznej: dotacje, pożyczki, poręczenia, przychody z działalności odpłatnej i gospodarczej.' },
        { code: 'K_U01', category: 'SKILLS', description: 'Potrafi przygotować biznesplan przedsiębiorstwa społecznego z analizą rynku, prognozą finansową i planem reintegracji.' },
        { code: 'K_U02', category: 'SKILLS', description: 'Potrafi zaprojektować zamówienie publiczne z klauzulami społecznymi i ocenić jego zgodność z ustawą Prawo zamówień publicznych.' },
        { code: 'K_U03', category: 'SKILLS', description: 'Potrafi czytać i interpretować dane statystyczne o ekonomii społecznej w gminie, powiecie i województwie.' },
        { code: 'K_K01', category: 'SOCIAL_COMPETENCES', description: 'Jest gotów do budowania partnerstw lokalnych samorządu, organizacji pozarządowych i przedsiębiorców na rzecz zatrudnienia osób zagrożonych wykluczeniem.' },
      ],
    },
    en: {
      title: 'Postgraduate Programme in Social Economy Management',
      slug: 'postgraduate-programme-social-economy-management',
      lead: 'Two-semester postgraduate studies for people who found, run or support social enterprises, social cooperatives, social integration centres and clubs — and for local government staff who work with them.',
      description: `## About the programme

The programme prepares students to manage social economy entities and to work with them: from the law (including the Act of 5 August 2022 on the social economy), through business plans and finance, to public procurement with social clauses and the reintegration of people at risk of social exclusion.

## Organisation

- 2 semesters, weekend sessions every other week
- 200 teaching hours, 36 ECTS credits
- taught by academics and practitioners: social economy support centre advisers, lawyers, managers of social cooperatives
- to complete: pass every module and defend a final project (a business plan or a development plan for an existing entity)

Graduates receive a certificate of completion of postgraduate studies, a partial qualification at level 7 of the Polish Qualifications Framework.

${DEMO_NOTE_EN}`,
      entryRequirements: 'A first-cycle, second-cycle or long-cycle master’s degree. Places are given in order of application; staff of social economy entities and local governments go first.',
      learningOutcomes: [
        { code: 'K_W01', category: 'KNOWLEDGE', description: 'Knows and understands the legal forms of social economy entities and how social enterprise status is gained and lost.' },
        { code: 'K_W02', category: 'KNOWLEDGE', description: 'Knows how social economy entities are financed: grants, loans, guarantees, income from paid public-benefit and business activity.' },
        { code: 'K_U01', category: 'SKILLS', description: 'Can write a social enterprise business plan with a market analysis, a financial forecast and a reintegration plan.' },
        { code: 'K_U02', category: 'SKILLS', description: 'Can design a public contract with social clauses and check it against the Public Procurement Law.' },
        { code: 'K_U03', category: 'SKILLS', description: 'Can read and interpret statistics on the social economy of a gmina, powiat and voivodeship.' },
        { code: 'K_K01', category: 'SOCIAL_COMPETENCES', description: 'Is ready to build local partnerships of local government, NGOs and businesses for the employment of people at risk of exclusion.' },
      ],
    },
  },
};

const o = (code: string, category: 'KNOWLEDGE' | 'SKILLS' | 'SOCIAL_COMPETENCES', pl: string, en: string) => ({ pl: { code, category, description: pl }, en: { code, category, description: en } });
const outcomes = (...list: ReturnType<typeof o>[]) => ({ pl: list.map((x) => x.pl), en: list.map((x) => x.en) });

const moduleSeed = (
  seed: Omit<ModuleSeed, 'text'>,
  pl: { title: string; slug: string; summary: string },
  en: { title: string; slug: string; summary: string },
  list: ReturnType<typeof outcomes>,
): ModuleSeed => ({ ...seed, text: { pl: { ...pl, outcomes: list.pl }, en: { ...en, outcomes: list.en } } });

export const MODULES: ModuleSeed[] = [
  moduleSeed(
    { key: 'm1', order: 1, semester: 1, hours: 24, ects: 4, prerequisites: [], materials: ['act-2022'], trainers: ['wisniewska'] },
    { title: 'Podstawy ekonomii społecznej i solidarnej', slug: 'podstawy-ekonomii-spolecznej-i-solidarnej', summary: 'Czym jest ekonomia społeczna, skąd się wzięła w Polsce i w Europie, jakie podmioty do niej należą i czym przedsiębiorstwo społeczne różni się od zwykłej firmy i od organizacji charytatywnej.' },
    { title: 'Foundations of the social and solidarity economy', slug: 'foundations-of-social-and-solidarity-economy', summary: 'What the social economy is, where it comes from in Poland and in Europe, which entities belong to it, and how a social enterprise differs from an ordinary business and from a charity.' },
    outcomes(
      o('M1_W01', 'KNOWLEDGE', 'Zna historię spółdzielczości w Polsce i europejskie definicje przedsiębiorstwa społecznego.', 'Knows the history of cooperatives in Poland and the European definitions of a social enterprise.'),
      o('M1_U01', 'SKILLS', 'Potrafi zaklasyfikować podmiot do właściwej kategorii podmiotów ekonomii społecznej.', 'Can place an entity in the right category of social economy entities.'),
    ),
  ),
  moduleSeed(
    { key: 'm2', order: 2, semester: 1, hours: 28, ects: 5, prerequisites: [], materials: ['act-2022', 'cooperative', 'cis-kis'], trainers: ['zielinski'] },
    { title: 'Prawo podmiotów ekonomii społecznej', slug: 'prawo-podmiotow-ekonomii-spolecznej', summary: 'Ustawa o ekonomii społecznej, ustawa o spółdzielniach socjalnych, ustawa o zatrudnieniu socjalnym (CIS i KIS), ustawa o działalności pożytku publicznego i o wolontariacie, WTZ i ZAZ w ustawie o rehabilitacji.' },
    { title: 'Law of social economy entities', slug: 'law-of-social-economy-entities', summary: 'The Social Economy Act, the Social Cooperatives Act, the Social Employment Act (CIS and KIS), the Public Benefit and Volunteer Work Act, occupational therapy workshops and vocational activity establishments under the Rehabilitation Act.' },
    outcomes(
      o('M2_W01', 'KNOWLEDGE', 'Zna warunki nadania, kontroli i utraty statusu przedsiębiorstwa społecznego.', 'Knows how social enterprise status is granted, checked and lost.'),
      o('M2_U01', 'SKILLS', 'Potrafi przygotować statut spółdzielni socjalnej i wniosek o wpis do KRS.', 'Can draft a social cooperative’s statute and its application to the National Court Register (KRS).'),
    ),
  ),
  moduleSeed(
    { key: 'm3', order: 3, semester: 1, hours: 32, ects: 6, prerequisites: ['m1'], materials: ['business-plan'], trainers: ['nowak'] },
    { title: 'Zarządzanie przedsiębiorstwem społecznym i biznesplan', slug: 'zarzadzanie-przedsiebiorstwem-spolecznym-i-biznesplan', summary: 'Model biznesowy z misją społeczną: analiza rynku i konkurencji, oferta, ceny, marketing, zarządzanie zespołem z osobami zagrożonymi wykluczeniem, biznesplan krok po kroku.' },
    { title: 'Managing a social enterprise and the business plan', slug: 'managing-a-social-enterprise-and-business-plan', summary: 'A business model with a social mission: market and competition analysis, offer, prices, marketing, managing a team that includes people at risk of exclusion, the business plan step by step.' },
    outcomes(
      o('M3_U01', 'SKILLS', 'Potrafi opracować model biznesowy i biznesplan przedsiębiorstwa społecznego.', 'Can develop a social enterprise’s business model and business plan.'),
      o('M3_K01', 'SOCIAL_COMPETENCES', 'Jest gotów łączyć cele ekonomiczne z misją społeczną w codziennych decyzjach.', 'Is ready to weigh economic goals against the social mission in everyday decisions.'),
    ),
  ),
  moduleSeed(
    { key: 'm4', order: 4, semester: 1, hours: 24, ects: 4, prerequisites: ['m1'], materials: ['business-plan'], trainers: ['lukasiewicz'] },
    { title: 'Finansowanie i rachunkowość podmiotów ekonomii społecznej', slug: 'finansowanie-i-rachunkowosc-podmiotow-ekonomii-spolecznej', summary: 'Dotacje na utworzenie miejsc pracy, pożyczki i poręczenia, wsparcie pomostowe, pomoc de minimis; sprawozdawczość finansowa organizacji non-profit, podział nadwyżki bilansowej, płynność finansowa.' },
    { title: 'Financing and accounting of social economy entities', slug: 'financing-and-accounting-of-social-economy-entities', summary: 'Job-creation grants, loans and guarantees, bridging support, de minimis aid; financial reporting of non-profits, allocation of the surplus, cash-flow management.' },
    outcomes(
      o('M4_W01', 'KNOWLEDGE', 'Zna instrumenty finansowania zwrotnego i bezzwrotnego oraz zasady pomocy publicznej de minimis.', 'Knows repayable and non-repayable financing instruments and the de minimis state aid rules.'),
      o('M4_U01', 'SKILLS', 'Potrafi sporządzić prognozę przepływów pieniężnych i obliczyć próg rentowności.', 'Can prepare a cash-flow forecast and compute the break-even point.'),
    ),
  ),
  moduleSeed(
    { key: 'm5', order: 5, semester: 2, hours: 24, ects: 4, prerequisites: ['m2'], materials: ['social-clauses'], trainers: ['zielinski'] },
    { title: 'Zamówienia publiczne i klauzule społeczne', slug: 'zamowienia-publiczne-i-klauzule-spoleczne', summary: 'Zamówienia zastrzeżone, wymagania dotyczące zatrudnienia, aspekty społeczne w kryteriach oceny ofert, zamówienia poniżej progu stosowania ustawy; jak podmiot ekonomii społecznej przygotowuje ofertę.' },
    { title: 'Public procurement and social clauses', slug: 'public-procurement-and-social-clauses', summary: 'Reserved contracts, employment requirements, social aspects in award criteria, contracts below the threshold of the Act; how a social economy entity prepares a bid.' },
    outcomes(
      o('M5_U01', 'SKILLS', 'Potrafi przygotować opis przedmiotu zamówienia z klauzulą społeczną zgodny z ustawą Prawo zamówień publicznych.', 'Can write a contract specification with a social clause that complies with the Public Procurement Law.'),
      o('M5_U02', 'SKILLS', 'Potrafi przygotować ofertę podmiotu ekonomii społecznej w postępowaniu o udzielenie zamówienia.', 'Can prepare a social economy entity’s bid in a procurement procedure.'),
    ),
  ),
  moduleSeed(
    { key: 'm6', order: 6, semester: 2, hours: 24, ects: 4, prerequisites: ['m1'], materials: ['cis-kis'], trainers: ['wisniewska'] },
    { title: 'Reintegracja społeczna i zawodowa', slug: 'reintegracja-spoleczna-i-zawodowa', summary: 'Kim są osoby zagrożone wykluczeniem społecznym, indywidualny program zatrudnienia socjalnego, plan reintegracji w przedsiębiorstwie społecznym, współpraca z ośrodkiem pomocy społecznej i urzędem pracy.' },
    { title: 'Social and vocational reintegration', slug: 'social-and-vocational-reintegration', summary: 'Who is at risk of social exclusion, the individual social employment programme, the reintegration plan of a social enterprise, working with the social assistance centre and the labour office.' },
    outcomes(
      o('M6_U01', 'SKILLS', 'Potrafi zaplanować indywidualną ścieżkę reintegracji i ocenić jej efekty.', 'Can plan an individual reintegration path and assess its results.'),
      o('M6_K01', 'SOCIAL_COMPETENCES', 'Jest gotów do pracy z osobami w kryzysie z poszanowaniem ich podmiotowości.', 'Is ready to work with people in crisis while respecting their autonomy.'),
    ),
  ),
  moduleSeed(
    { key: 'm7', order: 7, semester: 2, hours: 20, ects: 3, prerequisites: ['m2'], materials: ['regional-data'], trainers: ['wisniewska', 'nowak'] },
    { title: 'Współpraca z samorządem i partnerstwa lokalne', slug: 'wspolpraca-z-samorzadem-i-partnerstwa-lokalne', summary: 'Program współpracy gminy z organizacjami pozarządowymi, regionalne programy rozwoju ekonomii społecznej, diagnoza lokalna na danych publicznych, partnerstwa na rzecz zatrudnienia.' },
    { title: 'Working with local government and local partnerships', slug: 'working-with-local-government-and-partnerships', summary: 'A gmina’s cooperation programme with NGOs, regional social economy development programmes, a local diagnosis on public data, partnerships for employment.' },
    outcomes(
      o('M7_U01', 'SKILLS', 'Potrafi przygotować diagnozę ekonomii społecznej gminy na podstawie danych publicznych.', 'Can prepare a diagnosis of a gmina’s social economy from public data.'),
    ),
  ),
  moduleSeed(
    { key: 'm8', order: 8, semester: 2, hours: 24, ects: 6, prerequisites: ['m3', 'm4'], materials: ['business-plan', 'regional-data'], trainers: ['nowak', 'lukasiewicz'] },
    { title: 'Seminarium i projekt końcowy', slug: 'seminarium-i-projekt-koncowy', summary: 'Przygotowanie i obrona projektu końcowego: biznesplanu nowego przedsiębiorstwa społecznego albo planu rozwoju istniejącego podmiotu, z konsultacjami indywidualnymi.' },
    { title: 'Seminar and final project', slug: 'seminar-and-final-project', summary: 'Preparing and defending the final project: a business plan for a new social enterprise or a development plan for an existing entity, with individual consultations.' },
    outcomes(
      o('M8_U01', 'SKILLS', 'Potrafi przygotować i obronić kompletny projekt przedsięwzięcia ekonomii społecznej.', 'Can prepare and defend a complete social economy project.'),
    ),
  ),
];
