import type { CampaignSeed, NewsSeed, WorkshopSeed } from './types';

export const WORKSHOPS: WorkshopSeed[] = [
  {
    key: 'podkarpackie-cooperative',
    durationHours: 12,
    format: 'IN_PERSON',
    terytCode: '18',
    materials: ['cooperative', 'business-plan'],
    trainers: ['nowak'],
    text: {
      pl: {
        title: 'Zakładamy spółdzielnię socjalną — warsztaty dla Podkarpacia',
        slug: 'zakladamy-spoldzielnie-socjalna-podkarpacie',
        topic: 'Zakładanie spółdzielni socjalnej',
        summary: 'Dwa dni praktyki: od pomysłu i grupy założycieli do statutu, wniosku do KRS i wstępnego biznesplanu. Dla grup inicjatywnych, pracowników OPS i PUP oraz organizacji, które chcą założyć spółdzielnię jako osoba prawna.',
        programme: `## Dzień 1

1. Spółdzielnia socjalna w ustawie z 2006 r.: kto, jak, po co (1,5 h)
2. Pomysł na działalność: lokalne potrzeby i rynek — praca w grupach na danych o powiecie (2 h)
3. Grupa założycieli: role, zasady, rozwiązywanie konfliktów (1,5 h)
4. Studium przypadku: „Bieszczadzka Zagroda” (1 h)

## Dzień 2

1. Statut i zebranie założycielskie — ćwiczenie na wzorze (2 h)
2. Wniosek do KRS przez Portal Rejestrów Sądowych (1 h)
3. Wstępny biznesplan i źródła finansowania startu, w tym dotacje OWES (2 h)
4. Konsultacje indywidualne (1 h)`,
        audience: 'Grupy inicjatywne, osoby bezrobotne planujące wspólną działalność, pracownicy ośrodków pomocy społecznej i powiatowych urzędów pracy, organizacje pozarządowe z województwa podkarpackiego.',
      },
      en: {
        title: 'Founding a social cooperative — a workshop for Podkarpacie',
        slug: 'founding-a-social-cooperative-podkarpacie',
        topic: 'Founding a social cooperative',
        summary: 'Two practical days: from an idea and a founding group to the statute, the KRS application and a first business plan. For initiative groups, social assistance and labour office staff, and organisations that want to found a cooperative as a legal person.',
        programme: `## Day 1

1. The social cooperative under the 2006 Act: who, how, why (1.5 h)
2. A business idea: local needs and the market — group work on the powiat’s data (2 h)
3. The founding group: roles, rules, resolving conflicts (1.5 h)
4. Case study: “Bieszczadzka Zagroda” (1 h)

## Day 2

1. The statute and the founding meeting — an exercise on a template (2 h)
2. The KRS application through the court registers portal (1 h)
3. A first business plan and start-up finance, including OWES grants (2 h)
4. Individual consultations (1 h)`,
        audience: 'Initiative groups, unemployed people planning to work together, staff of social assistance centres and powiat labour offices, NGOs from the Podkarpackie voivodeship.',
      },
    },
  },
  {
    key: 'malopolska-clauses',
    durationHours: 8,
    format: 'HYBRID',
    terytCode: '12',
    materials: ['social-clauses', 'act-2022'],
    trainers: ['zielinski'],
    text: {
      pl: {
        title: 'Klauzule społeczne w zamówieniach gminnych — warsztaty dla samorządów Małopolski',
        slug: 'klauzule-spoleczne-w-zamowieniach-gminnych-malopolska',
        topic: 'Zamówienia publiczne z klauzulami społecznymi',
        summary: 'Jednodniowe warsztaty dla pracowników urzędów gmin i powiatów: jak zaplanować zamówienie zastrzeżone, jak opisać wymagania dotyczące zatrudnienia i jak je kontrolować.',
        programme: `## Program

1. Przegląd narzędzi: art. 94, 95, 96 i zamówienia na usługi społeczne (1,5 h)
2. Kiedy klauzula ma sens: analiza rynku lokalnego i rozmowa z OWES (1 h)
3. Ćwiczenie: opis przedmiotu zamówienia na catering dla szkół z klauzulą społeczną (2 h)
4. Kontrola realizacji: dokumenty, oświadczenia, kary umowne (1,5 h)
5. Zamówienia poniżej 130 000 zł: regulamin wewnętrzny przyjazny ekonomii społecznej (1 h)
6. Pytania i wymiana doświadczeń (1 h)`,
        audience: 'Pracownicy urzędów gmin i starostw odpowiedzialni za zamówienia publiczne, skarbnicy, sekretarze, radni z województwa małopolskiego. Możliwy udział zdalny.',
      },
      en: {
        title: 'Social clauses in gmina procurement — a workshop for Małopolska’s local governments',
        slug: 'social-clauses-in-gmina-procurement-malopolska',
        topic: 'Public procurement with social clauses',
        summary: 'A one-day workshop for gmina and powiat staff: how to plan a reserved contract, how to write employment requirements and how to check them.',
        programme: `## Programme

1. The tools: art. 94, 95, 96 and contracts for social services (1.5 h)
2. When a clause makes sense: the local market and a talk with the OWES (1 h)
3. Exercise: a specification for school catering with a social clause (2 h)
4. Checking delivery: documents, declarations, contractual penalties (1.5 h)
5. Contracts under PLN 130,000: internal rules friendly to the social economy (1 h)
6. Questions and exchange of experience (1 h)`,
        audience: 'Gmina and powiat staff responsible for public procurement, treasurers, secretaries and councillors from the Małopolskie voivodeship. Remote participation possible.',
      },
    },
  },
  {
    key: 'dolnoslaskie-business-plan',
    durationHours: 16,
    format: 'IN_PERSON',
    terytCode: '02',
    materials: ['business-plan', 'regional-data'],
    trainers: ['nowak', 'lukasiewicz'],
    text: {
      pl: {
        title: 'Biznesplan przedsiębiorstwa społecznego — warsztaty dla Dolnego Śląska',
        slug: 'biznesplan-przedsiebiorstwa-spolecznego-dolny-slask',
        topic: 'Biznesplan i finansowanie',
        summary: 'Dwa dni pracy nad własnym biznesplanem: rynek, oferta, koszty, próg rentowności, przepływy pieniężne i wniosek o pożyczkę. Uczestnicy wychodzą z gotowym szkicem planu finansowego.',
        programme: `## Dzień 1

1. Model biznesowy z misją społeczną (1,5 h)
2. Analiza rynku i konkurencji na danych lokalnych (2 h)
3. Oferta, cena, kanały sprzedaży, w tym sprzedaż instytucjom publicznym (2 h)
4. Studium przypadku: „Warsztat Wrocławski” (1,5 h)

## Dzień 2

1. Koszty stałe i zmienne, próg rentowności (2 h)
2. Przepływy pieniężne na 36 miesięcy — arkusz kalkulacyjny (2,5 h)
3. Dotacja, pożyczka, poręczenie: co wybrać i jak się przygotować (1,5 h)
4. Prezentacje planów i informacja zwrotna (2 h)`,
        audience: 'Osoby prowadzące lub zakładające przedsiębiorstwa społeczne, spółdzielnie socjalne i organizacje prowadzące działalność gospodarczą w województwie dolnośląskim.',
      },
      en: {
        title: 'A social enterprise business plan — a workshop for Lower Silesia',
        slug: 'social-enterprise-business-plan-lower-silesia',
        topic: 'Business plan and finance',
        summary: 'Two days of work on your own business plan: market, offer, costs, break-even, cash flow and a loan application. Participants leave with a draft financial plan.',
        programme: `## Day 1

1. A business model with a social mission (1.5 h)
2. Market and competition analysis on local data (2 h)
3. Offer, price, sales channels, including sales to public institutions (2 h)
4. Case study: “Warsztat Wrocławski” (1.5 h)

## Day 2

1. Fixed and variable costs, break-even (2 h)
2. 36-month cash flow — a spreadsheet (2.5 h)
3. Grant, loan or guarantee: what to choose and how to prepare (1.5 h)
4. Presentations of the plans and feedback (2 h)`,
        audience: 'People running or founding social enterprises, social cooperatives and NGOs with business activity in the Dolnośląskie voivodeship.',
      },
    },
  },
];

export const CAMPAIGNS: CampaignSeed[] = [
  {
    key: 'recruitment-2026',
    startsOn: '2026-05-04',
    endsOn: '2026-09-30',
    terytCode: null,
    courses: true,
    workshops: ['podkarpackie-cooperative', 'malopolska-clauses', 'dolnoslaskie-business-plan'],
    text: {
      pl: {
        title: 'Ekonomia społeczna zatrudnia lokalnie — rekrutacja 2026/2027',
        slug: 'ekonomia-spoleczna-zatrudnia-lokalnie-2026',
        lead: 'Kampania zachęca samorządowców, pracowników organizacji i liderów spółdzielni do nauki zarządzania przedsiębiorstwem społecznym: na studiach podyplomowych i w warsztatach regionalnych.',
        body: `Przedsiębiorstwa społeczne dają pracę tym, którzy najtrudniej ją znajdują, i zostawiają pieniądze w gminie. Żeby rosły, potrzebują dobrych menedżerów i samorządów, które umieją z nimi współpracować.

- **Studium Podyplomowe Zarządzania Gospodarką Społeczną** — dwa semestry, 200 godzin, 36 ECTS.
- **Warsztaty regionalne** — Podkarpacie, Małopolska, Dolny Śląsk: zakładanie spółdzielni, klauzule społeczne, biznesplan.

Udział w warsztatach jest bezpłatny. _Kampania demonstracyjna._`,
        callToActionLabel: 'Zapisz się',
        callToActionUrl: '/akademia/zapisy',
      },
      en: {
        title: 'The social economy employs locally — enrolment 2026/2027',
        slug: 'social-economy-employs-locally-2026',
        lead: 'The campaign invites local government staff, NGO workers and cooperative leaders to learn to manage a social enterprise: in postgraduate studies and regional workshops.',
        body: `Social enterprises give work to those who find it hardest and keep money in the gmina. To grow, they need good managers and local governments that know how to work with them.

- **Postgraduate Programme in Social Economy Management** — two semesters, 200 hours, 36 ECTS.
- **Regional workshops** — Podkarpacie, Małopolska, Lower Silesia: founding a cooperative, social clauses, the business plan.

The workshops are free of charge. _Demo campaign._`,
        callToActionLabel: 'Enrol',
        callToActionUrl: '/en/academy/enrolment',
      },
    },
  },
];

export const NEWS: NewsSeed[] = [
  {
    key: 'recruitment-open',
    date: '2026-05-04',
    campaign: 'recruitment-2026',
    text: {
      pl: {
        title: 'Rusza rekrutacja na Studium Podyplomowe Zarządzania Gospodarką Społeczną',
        slug: 'rusza-rekrutacja-na-studium-podyplomowe',
        lead: 'Do 30 września przyjmujemy zgłoszenia na drugą edycję studiów. Pierwszeństwo mają pracownicy podmiotów ekonomii społecznej i samorządów.',
        body: `Studia trwają dwa semestry (200 godzin, 36 punktów ECTS) i kończą się obroną projektu: biznesplanu nowego przedsiębiorstwa społecznego albo planu rozwoju istniejącego podmiotu.

W programie m.in. prawo ekonomii społecznej po ustawie z 2022 r., finansowanie zwrotne, zamówienia publiczne z klauzulami społecznymi i reintegracja zawodowa. _Wiadomość demonstracyjna._`,
      },
      en: {
        title: 'Enrolment opens for the Postgraduate Programme in Social Economy Management',
        slug: 'enrolment-opens-postgraduate-programme',
        lead: 'Applications for the programme’s second edition are open until 30 September. Staff of social economy entities and local governments go first.',
        body: `The programme lasts two semesters (200 hours, 36 ECTS credits) and ends with the defence of a project: a business plan for a new social enterprise or a development plan for an existing entity.

It covers, among other things, social economy law after the 2022 Act, repayable finance, public procurement with social clauses and vocational reintegration. _Demo news item._`,
      },
    },
  },
  {
    key: 'regional-workshops',
    date: '2026-05-18',
    campaign: 'recruitment-2026',
    text: {
      pl: {
        title: 'Warsztaty regionalne w trzech województwach',
        slug: 'warsztaty-regionalne-w-trzech-wojewodztwach',
        lead: 'Podkarpacie, Małopolska i Dolny Śląsk: od czerwca bezpłatne warsztaty z zakładania spółdzielni socjalnej, klauzul społecznych i biznesplanu.',
        body: `Warsztaty prowadzą praktycy: doradczyni ośrodka wsparcia ekonomii społecznej, prawnik specjalizujący się w zamówieniach publicznych i ekonomista z doświadczeniem w funduszu pożyczkowym.

Terminy i zapisy publikujemy w kalendarzu Akademii. Liczba miejsc jest ograniczona, prowadzimy listę rezerwową. _Wiadomość demonstracyjna._`,
      },
      en: {
        title: 'Regional workshops in three voivodeships',
        slug: 'regional-workshops-in-three-voivodeships',
        lead: 'Podkarpacie, Małopolska and Lower Silesia: free workshops on founding a social cooperative, social clauses and the business plan from June.',
        body: `The workshops are run by practitioners: an adviser from a social economy support centre, a lawyer specialising in public procurement and an economist who worked at a loan fund.

Dates and enrolment are in the Academy’s calendar. Places are limited; there is a waiting list. _Demo news item._`,
      },
    },
  },
  {
    key: 'clauses-material',
    date: '2026-06-02',
    campaign: null,
    text: {
      pl: {
        title: 'Nowy materiał: klauzule społeczne w zamówieniach gminnych',
        slug: 'nowy-material-klauzule-spoleczne',
        lead: 'Przegląd narzędzi ustawy Prawo zamówień publicznych, z których gminy mogą korzystać, kupując usługi od podmiotów ekonomii społecznej.',
        body: `Materiał omawia zamówienia zastrzeżone, wymagania dotyczące zatrudnienia, aspekty społeczne i zamówienia poniżej progu stosowania ustawy — z przykładem gminy, która powierzyła żywienie dzieci spółdzielni socjalnej. _Wiadomość demonstracyjna._`,
      },
      en: {
        title: 'New material: social clauses in gmina procurement',
        slug: 'new-material-social-clauses',
        lead: 'An overview of the Public Procurement Law’s tools that gminas can use when buying services from social economy entities.',
        body: `The material covers reserved contracts, employment requirements, social aspects and contracts below the threshold of the Act — with the example of a gmina that entrusted children’s meals to a social cooperative. _Demo news item._`,
      },
    },
  },
];
