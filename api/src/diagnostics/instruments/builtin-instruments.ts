import type { Choice, InstrumentDefinition, Question, Section, Text2 } from './instrument-model';

/*
 * Two instruments shipped with the hub, written the way an OWES advisor or a gmina's social
 * policy officer would ask. Edit them through XLSForm (export, edit, import as a new version).
 */

const t = (pl: string, en: string): Text2 => ({ pl, en });
const q = (name: string, type: Question['type'], label: Text2, extra: Partial<Question> = {}): Question => ({
  name, type, listName: null, label, hint: null, required: true, relevant: null, constraint: null, constraintMessage: null, calculate: null,
  appearance: null, specialCategory: false, previousNames: [], section: null, ...extra,
});
const c = (name: string, pl: string, en: string): Choice => ({ name, label: t(pl, en) });
const sec = (name: string, label: Text2, appearance: string | null = null, relevant: string | null = null): Section => ({ name, label, appearance, relevant });
const inSection = (section: string, qs: Question[]) => qs.map((x) => ({ ...x, section }));

const LIKERT5 = [
  c('1', 'zdecydowanie nie', 'strongly disagree'), c('2', 'raczej nie', 'disagree'), c('3', 'ani tak, ani nie', 'neither'),
  c('4', 'raczej tak', 'agree'), c('5', 'zdecydowanie tak', 'strongly agree'),
];
const YESNO = [c('yes', 'tak', 'yes'), c('no', 'nie', 'no')];

/** Potential diagnosis of a social economy entity: economic, social, organisational and network dimensions. */
export const ENTITY_POTENTIAL: InstrumentDefinition = {
  code: 'entity_potential',
  title: t('Diagnoza potencjału podmiotu ekonomii społecznej', 'Potential diagnosis of a social economy entity'),
  version: 1,
  sections: [
    sec('economic', t('Potencjał ekonomiczny', 'Economic potential')),
    sec('social', t('Potencjał społeczny', 'Social potential')),
    sec('organisational', t('Potencjał organizacyjny', 'Organisational potential')),
    sec('organisational_matrix', t('Jak oceniacie swoje zasoby?', 'How do you rate your resources?'), 'table-list'),
    sec('network', t('Sieć współpracy', 'Cooperation network')),
  ],
  questions: [
    ...inSection('economic', [
      q('revenue_total', 'integer', t('Przychody ogółem w ostatnim zamkniętym roku obrotowym (zł)', 'Total revenue in the last closed financial year (PLN)'), {
        constraint: '. >= 0 and . <= 100000000', constraintMessage: t('Podaj kwotę od 0 do 100 mln zł.', 'Give an amount from 0 to PLN 100 million.'),
      }),
      q('market_share', 'integer', t('Jaki procent przychodów pochodzi ze sprzedaży usług i produktów (nie z dotacji)?', 'What percentage of revenue comes from selling services and products (not grants)?'), {
        hint: t('Szacunek wystarczy, np. 40.', 'An estimate is enough, e.g. 40.'), constraint: '. >= 0 and . <= 100', constraintMessage: t('Podaj procent od 0 do 100.', 'Give a percentage from 0 to 100.'),
      }),
      q('customers', 'select_multiple', t('Kto kupuje Wasze usługi lub produkty?', 'Who buys your services or products?'), { listName: 'customers' }),
      q('public_contracts', 'select_one', t('Czy w ostatnich dwóch latach realizowaliście zamówienie publiczne (np. z klauzulą społeczną)?', 'Have you carried out a public contract in the last two years (e.g. with a social clause)?'), { listName: 'yesno' }),
      q('reserves_months', 'decimal', t('Na ile miesięcy działania wystarczyłyby Wasze rezerwy finansowe?', 'How many months of operation would your financial reserves cover?'), {
        constraint: '. >= 0 and . <= 60', constraintMessage: t('Podaj liczbę miesięcy od 0 do 60.', 'Give a number of months from 0 to 60.'),
      }),
    ]),
    ...inSection('social', [
      q('employees', 'integer', t('Ile osób zatrudniacie na umowę o pracę?', 'How many people do you employ on an employment contract?'), { constraint: '. >= 0 and . <= 5000' }),
      q('excluded_employees', 'integer', t('Ile z nich to osoby zagrożone wykluczeniem społecznym (np. długotrwale bezrobotne, z niepełnosprawnościami, po kryzysie bezdomności)?', 'How many of them are people at risk of social exclusion (e.g. long-term unemployed, with disabilities, formerly homeless)?'), {
        constraint: '. >= 0 and . <= ${employees}', constraintMessage: t('Nie więcej niż liczba zatrudnionych.', 'No more than the number of employees.'),
      }),
      q('reintegration_plan', 'select_one', t('Czy dla zatrudnionych prowadzicie indywidualne plany reintegracji?', 'Do you keep individual reintegration plans for your employees?'), { listName: 'yesno', relevant: '${excluded_employees} > 0' }),
      q('local_benefit', 'select_one', t('Nasza działalność odpowiada na ważne potrzeby mieszkańców gminy.', 'Our work meets important needs of the residents of our gmina.'), { listName: 'likert5', appearance: 'likert' }),
      q('volunteers', 'integer', t('Ilu wolontariuszy angażowało się regularnie w ostatnim roku?', 'How many volunteers were regularly involved last year?'), { required: false, constraint: '. >= 0' }),
    ]),
    ...inSection('organisational', [
      q('founded_on', 'date', t('Data rozpoczęcia działalności', 'Date the entity started operating'), { constraint: ". >= '1900-01-01' and . <= '2030-12-31'" }),
      q('strategy_document', 'select_one', t('Czy macie aktualny plan rozwoju lub biznesplan?', 'Do you have a current development or business plan?'), { listName: 'yesno' }),
      q('training_needs', 'text', t('W jakich obszarach Wasz zespół potrzebuje wsparcia lub szkoleń?', 'In which areas does your team need support or training?'), { required: false, constraint: 'string-length(.) <= 1000' }),
    ]),
    ...inSection('organisational_matrix', [
      q('res_management', 'select_one', t('Kompetencje zarządcze', 'Management skills'), { listName: 'likert5' }),
      q('res_accounting', 'select_one', t('Księgowość i finanse', 'Accounting and finance'), { listName: 'likert5' }),
      q('res_marketing', 'select_one', t('Marketing i sprzedaż', 'Marketing and sales'), { listName: 'likert5' }),
    ]),
    ...inSection('network', [
      q('partners', 'select_multiple', t('Z kim stale współpracujecie?', 'Whom do you cooperate with regularly?'), { listName: 'partners' }),
      q('partners_other', 'text', t('Inni partnerzy — jacy?', 'Other partners — which?'), { relevant: "selected(${partners}, 'other')" }),
      q('owes_support', 'select_one', t('Czy w ostatnich dwóch latach korzystaliście ze wsparcia Ośrodka Wsparcia Ekonomii Społecznej (OWES)?', 'Have you used the support of a Social Economy Support Centre (OWES) in the last two years?'), { listName: 'yesno' }),
    ]),
    q('excluded_share', 'calculate', t('Udział zatrudnionych zagrożonych wykluczeniem (%)', 'Share of employees at risk of exclusion (%)'), {
      required: false, calculate: 'if(${employees} > 0, round(${excluded_employees} * 100 div ${employees}, 1), 0)',
    }),
  ],
  choiceLists: {
    yesno: YESNO,
    likert5: LIKERT5,
    customers: [c('residents', 'mieszkańcy', 'residents'), c('businesses', 'firmy', 'businesses'), c('public', 'samorząd i instytucje publiczne', 'local government and public bodies'), c('ngos', 'organizacje pozarządowe', 'NGOs')],
    partners: [
      c('ops', 'ośrodek pomocy społecznej (OPS/MOPS)', 'social assistance centre (OPS/MOPS)'), c('pcpr', 'powiatowe centrum pomocy rodzinie (PCPR)', 'county family assistance centre (PCPR)'),
      c('pup', 'powiatowy urząd pracy (PUP)', 'county labour office (PUP)'), c('gmina', 'urząd gminy lub starostwo', 'gmina or county office'),
      c('business', 'lokalne firmy', 'local businesses'), c('ngo', 'inne organizacje pozarządowe', 'other NGOs'), c('school', 'szkoły', 'schools'), c('other', 'inni', 'others'),
    ],
  },
  scoring: [
    { name: 'economic', label: t('Wymiar ekonomiczny', 'Economic dimension'), weight: 1,
      expression: "min(100, ${market_share} * 0.5 + if(${public_contracts} = 'yes', 20, 0) + min(${reserves_months}, 6) * 5)" },
    { name: 'social', label: t('Wymiar społeczny', 'Social dimension'), weight: 1,
      expression: "min(100, if(${employees} > 0, ${excluded_employees} * 60 div ${employees}, 0) + if(${reintegration_plan} = 'yes', 20, 0) + (${local_benefit} - 1) * 5)" },
    { name: 'organisational', label: t('Wymiar organizacyjny', 'Organisational dimension'), weight: 1,
      expression: "if(${strategy_document} = 'yes', 25, 0) + (${res_management} + ${res_accounting} + ${res_marketing} - 3) * 75 div 12" },
    { name: 'network', label: t('Wymiar sieciowy', 'Network dimension'), weight: 1,
      expression: "min(100, count-selected(${partners}) * 15 + if(${owes_support} = 'yes', 25, 0))" },
  ],
};

/** Local needs diagnosis for a gmina or powiat: answered by OPS/PCPR, PUP, NGOs and residents. */
export const LOCAL_NEEDS: InstrumentDefinition = {
  code: 'local_needs',
  title: t('Diagnoza potrzeb lokalnych w zakresie usług społecznych', 'Local needs diagnosis for social services'),
  version: 1,
  sections: [
    sec('respondent', t('O Państwu', 'About you')),
    sec('services', t('Niezaspokojone potrzeby', 'Unmet needs')),
    sec('services_matrix', t('Jak oceniają Państwo dostępność usług w okolicy?', 'How do you rate the availability of services nearby?'), 'table-list'),
    sec('groups', t('Grupy zagrożone wykluczeniem', 'Groups at risk of exclusion')),
    sec('partners', t('Partnerzy', 'Partners'), null, "${respondent_kind} != 'resident'"),
  ],
  questions: [
    ...inSection('respondent', [
      q('respondent_kind', 'select_one', t('W jakim charakterze wypełniają Państwo ankietę?', 'In what capacity are you answering?'), { listName: 'respondent_kind' }),
      q('institution_staff', 'integer', t('Ilu pracowników merytorycznych (np. pracowników socjalnych, doradców zawodowych) zatrudnia instytucja?', 'How many professional staff (e.g. social workers, job counsellors) does the institution employ?'), {
        relevant: "${respondent_kind} = 'ops' or ${respondent_kind} = 'pcpr' or ${respondent_kind} = 'pup'", constraint: '. >= 0 and . <= 2000',
      }),
      q('resident_age', 'select_one', t('Wiek', 'Age'), { listName: 'age', relevant: "${respondent_kind} = 'resident'", required: false }),
      q('resident_disability', 'select_one', t('Czy Pan/Pani lub ktoś w gospodarstwie domowym ma orzeczenie o niepełnosprawności?', 'Do you or anyone in your household hold a disability certificate?'), {
        listName: 'yesno_na', relevant: "${respondent_kind} = 'resident'", required: false, specialCategory: true,
        hint: t('Pytanie dobrowolne. Odpowiedź jest chroniona jako dane szczególnej kategorii.', 'Optional. The answer is protected as special-category data.'),
      }),
    ]),
    ...inSection('services', [
      q('unmet_services', 'select_multiple', t('Których usług społecznych najbardziej brakuje w gminie?', 'Which social services are most lacking in the gmina?'), {
        listName: 'services', constraint: 'count-selected(.) <= 3', constraintMessage: t('Wybierz najwyżej trzy.', 'Choose at most three.'),
      }),
      q('unmet_other', 'text', t('Inne brakujące usługi — jakie?', 'Other missing services — which?'), { relevant: "selected(${unmet_services}, 'other')" }),
      q('waiting_weeks', 'integer', t('Ile tygodni trzeba średnio czekać na usługi opiekuńcze?', 'How many weeks on average is the wait for care services?'), { required: false, constraint: '. >= 0 and . <= 104' }),
    ]),
    ...inSection('services_matrix', [
      q('avail_care', 'select_one', t('Usługi opiekuńcze w domu', 'Home care services'), { listName: 'availability' }),
      q('avail_daycare', 'select_one', t('Dzienne domy pobytu / kluby seniora', 'Day care centres / senior clubs'), { listName: 'availability' }),
      q('avail_transport', 'select_one', t('Transport dla osób z niepełnosprawnościami', 'Transport for people with disabilities'), { listName: 'availability' }),
      q('avail_mental', 'select_one', t('Wsparcie psychologiczne i środowiskowe', 'Psychological and community mental health support'), { listName: 'availability' }),
    ]),
    ...inSection('groups', [
      q('excluded_groups', 'select_multiple', t('Które grupy mieszkańców są najbardziej zagrożone wykluczeniem społecznym?', 'Which groups of residents are most at risk of social exclusion?'), { listName: 'groups' }),
      q('group_size_estimate', 'integer', t('Ile osób z tych grup korzysta obecnie z pomocy Państwa instytucji (szacunek)?', 'How many people from these groups does your institution currently assist (estimate)?'), {
        relevant: "${respondent_kind} != 'resident'", required: false, constraint: '. >= 0',
      }),
    ]),
    ...inSection('partners', [
      q('partner_kinds', 'select_multiple', t('Kto mógłby świadczyć brakujące usługi?', 'Who could provide the missing services?'), { listName: 'partner_kinds' }),
      q('commissioning', 'select_one', t('Czy gmina zleca już usługi społeczne podmiotom ekonomii społecznej?', 'Does the gmina already commission social services from social economy entities?'), { listName: 'yesno' }),
    ]),
    q('need_intensity', 'calculate', t('Liczba wskazanych braków', 'Number of gaps named'), { required: false, calculate: 'count-selected(${unmet_services})' }),
  ],
  choiceLists: {
    yesno: YESNO,
    yesno_na: [...YESNO, c('na', 'wolę nie odpowiadać', 'prefer not to say')],
    respondent_kind: [
      c('ops', 'ośrodek pomocy społecznej (OPS/MOPS/GOPS)', 'social assistance centre (OPS)'), c('pcpr', 'powiatowe centrum pomocy rodzinie (PCPR)', 'county family assistance centre (PCPR)'),
      c('pup', 'powiatowy urząd pracy (PUP)', 'county labour office (PUP)'), c('ngo', 'organizacja pozarządowa', 'NGO'), c('resident', 'mieszkaniec / mieszkanka', 'resident'),
    ],
    age: [c('18_29', '18–29', '18–29'), c('30_49', '30–49', '30–49'), c('50_64', '50–64', '50–64'), c('65', '65 i więcej', '65 and over')],
    services: [
      c('care', 'usługi opiekuńcze dla osób starszych', 'care services for older people'), c('respite', 'opieka wytchnieniowa', 'respite care'),
      c('disability', 'wsparcie osób z niepełnosprawnościami', 'support for people with disabilities'), c('housing', 'mieszkania wspomagane i treningowe', 'supported and training housing'),
      c('employment', 'aktywizacja zawodowa', 'employment activation'), c('youth', 'wsparcie dzieci i młodzieży', 'support for children and young people'),
      c('mental', 'wsparcie psychologiczne', 'psychological support'), c('other', 'inne', 'other'),
    ],
    availability: [c('1', 'brak', 'none'), c('2', 'niewystarczająca', 'insufficient'), c('3', 'wystarczająca', 'sufficient'), c('4', 'dobra', 'good')],
    groups: [
      c('seniors', 'samotne osoby starsze', 'older people living alone'), c('disabled', 'osoby z niepełnosprawnościami', 'people with disabilities'),
      c('long_unemployed', 'osoby długotrwale bezrobotne', 'long-term unemployed'), c('homeless', 'osoby w kryzysie bezdomności', 'people experiencing homelessness'),
      c('foster_leavers', 'usamodzielniani wychowankowie pieczy zastępczej', 'young people leaving foster care'), c('addiction', 'osoby z uzależnieniami', 'people with addictions'),
      c('migrants', 'migranci i uchodźcy', 'migrants and refugees'),
    ],
    partner_kinds: [
      c('social_coop', 'spółdzielnie socjalne', 'social cooperatives'), c('ngo', 'fundacje i stowarzyszenia', 'foundations and associations'),
      c('cis_kis', 'CIS i KIS', 'social integration centres and clubs'), c('zaz_wtz', 'ZAZ i WTZ', 'vocational activity establishments and occupational therapy workshops'),
      c('kgw', 'koła gospodyń wiejskich', 'rural housewives’ circles'), c('business', 'firmy prywatne', 'private businesses'),
    ],
  },
  scoring: [
    { name: 'service_gap', label: t('Luka w usługach', 'Service gap'), weight: 1,
      expression: '(16 - (${avail_care} + ${avail_daycare} + ${avail_transport} + ${avail_mental})) * 100 div 12' },
    { name: 'exclusion_breadth', label: t('Zasięg wykluczenia', 'Breadth of exclusion'), weight: 1, expression: 'min(100, count-selected(${excluded_groups}) * 20)' },
  ],
};

export const BUILTIN_INSTRUMENTS: readonly InstrumentDefinition[] = [ENTITY_POTENTIAL, LOCAL_NEEDS];
