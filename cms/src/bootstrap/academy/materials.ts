import type { MaterialSeed } from './types';

const POD_BOCIANEM = '5e0c0001-7a1b-4c2d-8e3f-000000000001';
const DOBRY_CHLEB = '5e0c0001-7a1b-4c2d-8e3f-000000000002';
const CIS_PRZEMYSL = '5e0c0001-7a1b-4c2d-8e3f-000000000003';
const ZAZ_NADMORSKI = '5e0c0001-7a1b-4c2d-8e3f-000000000004';
const BIESZCZADZKA = '5e0c0001-7a1b-4c2d-8e3f-000000000005';

/** Educational materials. Texts summarise Polish law as of 2025; they are teaching aids, not legal advice. */
export const MATERIALS: MaterialSeed[] = [
  {
    key: 'act-2022',
    readingTimeMinutes: 12,
    audience: 'PRACTITIONERS',
    indicatorCodes: ['SOCIAL_ENTERPRISES', 'SOCIAL_ENTERPRISES_PER_100K'],
    caseStudyEntityKeys: [POD_BOCIANEM],
    text: {
      pl: {
        title: 'Ustawa o ekonomii społecznej: co zmieniła w 2022 roku',
        slug: 'ustawa-o-ekonomii-spolecznej-co-zmienila',
        summary: 'Ustawa z dnia 5 sierpnia 2022 r. o ekonomii społecznej po raz pierwszy zdefiniowała w polskim prawie przedsiębiorstwo społeczne. Omawiamy, kto może uzyskać status, jakie warunki musi spełniać i co z tego wynika.',
        body: `## Po co ta ustawa

Do 2022 roku „przedsiębiorstwo społeczne” było pojęciem z dokumentów strategicznych i programów unijnych, a nie z ustawy. **Ustawa z dnia 5 sierpnia 2022 r. o ekonomii społecznej** (Dz.U. z 2022 r. poz. 1812), obowiązująca od 4 listopada 2022 r., uporządkowała pojęcia, wprowadziła status przedsiębiorstwa społecznego nadawany przez wojewodę i stworzyła podstawę prawną dla Krajowego Programu Rozwoju Ekonomii Społecznej oraz akredytacji ośrodków wsparcia ekonomii społecznej (OWES).

## Kto jest podmiotem ekonomii społecznej

Ustawa wymienia m.in.:

- spółdzielnie socjalne,
- centra integracji społecznej (CIS) i kluby integracji społecznej (KIS),
- warsztaty terapii zajęciowej (WTZ) i zakłady aktywności zawodowej (ZAZ),
- organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy o działalności pożytku publicznego i o wolontariacie,
- spółdzielnie pracy oraz spółdzielnie inwalidów i niewidomych,
- koła gospodyń wiejskich i spółki non-profit.

## Status przedsiębiorstwa społecznego

Status nadaje **wojewoda**, na wniosek podmiotu, w drodze decyzji; przedsiębiorstwa społeczne są wpisywane na jawną listę. Najważniejsze warunki:

- prowadzenie działalności reintegracyjnej (zatrudnianie osób zagrożonych wykluczeniem społecznym) albo świadczenie usług społecznych,
- zatrudnianie co najmniej trzech osób, przede wszystkim na podstawie umowy o pracę lub spółdzielczej umowy o pracę,
- w przedsiębiorstwie reintegracyjnym co najmniej 30% zatrudnionych to osoby zagrożone wykluczeniem społecznym,
- zakaz podziału zysku lub nadwyżki bilansowej między członków, udziałowców i pracowników: zysk służy wzmocnieniu potencjału przedsiębiorstwa, reintegracji i celom społecznym,
- organ konsultacyjno-doradczy z udziałem pracowników i ograniczenie wysokości wynagrodzeń kadry zarządzającej.

## Co daje status

Przedsiębiorstwo społeczne może ubiegać się o dofinansowanie kosztów zatrudnienia osób zagrożonych wykluczeniem, korzysta z preferencji w zamówieniach publicznych (zamówienia zastrzeżone) i z pierwszeństwa w programach wsparcia. W zamian co roku składa wojewodzie sprawozdanie, a status traci, gdy przestaje spełniać warunki.

## Do dyskusji na zajęciach

> Czy ustawowy limit wynagrodzeń kadry zarządzającej pomaga utrzymać misję, czy utrudnia zatrudnienie dobrych menedżerów?

Przykład: spółdzielnia „Pod Bocianem” z Gorlic (historia sukcesu w materiałach) — które warunki statusu spełnia, a nad którymi musiałaby popracować?`,
      },
      en: {
        title: 'The Social Economy Act: what changed in 2022',
        slug: 'social-economy-act-what-changed',
        summary: 'The Act of 5 August 2022 on the social economy defined the social enterprise in Polish law for the first time. Who may obtain the status, which conditions apply and what follows from it.',
        body: `## Why the Act

Until 2022 a “social enterprise” was a term of strategies and EU programmes, not of statute. **The Act of 5 August 2022 on the social economy** (Journal of Laws 2022, item 1812), in force since 4 November 2022, set out the terms, introduced social enterprise status granted by the voivode, and gave a legal basis to the National Social Economy Development Programme and to the accreditation of social economy support centres (OWES).

## Who is a social economy entity

The Act lists, among others:

- social cooperatives,
- social integration centres (CIS) and social integration clubs (KIS),
- occupational therapy workshops (WTZ) and vocational activity establishments (ZAZ),
- NGOs and the entities of art. 3(3) of the Public Benefit and Volunteer Work Act,
- worker cooperatives and cooperatives of disabled or blind persons,
- rural housewives’ circles and non-profit companies.

## Social enterprise status

The status is granted by the **voivode**, on application, by an administrative decision; social enterprises are entered on a public list. The main conditions:

- reintegration activity (employing people at risk of social exclusion) or the provision of social services,
- employing at least three people, mainly under employment contracts or cooperative employment contracts,
- in a reintegration enterprise, at least 30% of employees are people at risk of social exclusion,
- no distribution of profit or surplus among members, shareholders or employees: profit goes to the enterprise’s capacity, reintegration and social goals,
- a consultative body with employee participation and a cap on management pay.

## What the status brings

A social enterprise may apply for co-financing of the cost of employing people at risk of exclusion, enjoys preferences in public procurement (reserved contracts) and priority in support programmes. In return it reports to the voivode every year and loses the status when it no longer meets the conditions.

## For discussion in class

> Does the statutory cap on management pay protect the mission, or does it make good managers hard to hire?

Example: the “Pod Bocianem” cooperative from Gorlice (a success story in these materials) — which conditions of the status does it meet, and which would it need to work on?`,
      },
    },
  },
  {
    key: 'cooperative',
    readingTimeMinutes: 10,
    audience: 'GENERAL_PUBLIC',
    indicatorCodes: ['SOCIAL_COOPERATIVES', 'SOCIAL_COOPERATIVES_PER_100K'],
    caseStudyEntityKeys: [POD_BOCIANEM, BIESZCZADZKA],
    text: {
      pl: {
        title: 'Spółdzielnia socjalna krok po kroku',
        slug: 'spoldzielnia-socjalna-krok-po-kroku',
        summary: 'Kto może założyć spółdzielnię socjalną, jak ją zarejestrować i jak dzieli się jej nadwyżkę — według ustawy z dnia 27 kwietnia 2006 r. o spółdzielniach socjalnych.',
        body: `## Kto zakłada

Spółdzielnię socjalną mogą założyć **co najmniej trzy osoby fizyczne** (głównie osoby bezrobotne, z niepełnosprawnościami, po terapii uzależnień, opuszczające zakłady karne, bezdomne, a także inne osoby — do połowy założycieli) albo **co najmniej dwie osoby prawne**: organizacje pozarządowe, jednostki samorządu terytorialnego, kościelne osoby prawne.

## Rejestracja

1. Zebranie założycielskie uchwala statut i wybiera zarząd.
2. Wniosek o wpis do Krajowego Rejestru Sądowego składa się elektronicznie przez Portal Rejestrów Sądowych.
3. Po wpisie spółdzielnia uzyskuje osobowość prawną, NIP i REGON.

Ośrodki wsparcia ekonomii społecznej (OWES) pomagają przygotować statut i biznesplan, a często udzielają **dotacji na utworzenie miejsc pracy** i wsparcia pomostowego na pierwsze miesiące.

## Nadwyżka bilansowa

Nadwyżki nie dzieli się między członków. Ustawa wskazuje, na co ją przeznaczyć:

- co najmniej 40% na fundusz zasobowy,
- co najmniej 40% na reintegrację społeczną i zawodową członków i pracowników,
- resztę na inwestycje zwiększające liczbę miejsc pracy.

## Praca i członkostwo

Członkowie pracują na podstawie **spółdzielczej umowy o pracę**. Co najmniej połowę zatrudnionych powinny stanowić osoby, o których mowa w ustawie — spółdzielnia ma przede wszystkim dawać pracę tym, którzy najtrudniej ją znajdują.

## Przykłady w materiałach

Spółdzielnia „Pod Bocianem” (Gorlice) zaczęła od cateringu na gminny piknik; „Bieszczadzka Zagroda” łączy agroturystykę z lokalnymi produktami. Porównaj ich drogi do pierwszego zlecenia.`,
      },
      en: {
        title: 'A social cooperative step by step',
        slug: 'social-cooperative-step-by-step',
        summary: 'Who may found a social cooperative, how it is registered and how its surplus is allocated — under the Act of 27 April 2006 on social cooperatives.',
        body: `## Who founds it

A social cooperative may be founded by **at least three natural persons** (mainly unemployed people, people with disabilities, people after addiction therapy, people leaving prison, homeless people, and — up to half of the founders — others) or by **at least two legal persons**: NGOs, local governments, church legal persons.

## Registration

1. The founding meeting adopts the statute and elects the management board.
2. The application for entry in the National Court Register (KRS) is filed online through the court registers portal.
3. Once registered, the cooperative has legal personality, a NIP and a REGON number.

Social economy support centres (OWES) help draft the statute and the business plan, and often give **job-creation grants** and bridging support for the first months.

## The surplus

The surplus is not shared among members. The Act says where it goes:

- at least 40% to the reserve fund,
- at least 40% to the social and vocational reintegration of members and employees,
- the rest to investments that create more jobs.

## Work and membership

Members work under a **cooperative employment contract**. At least half of those employed should be people named in the Act — the cooperative exists above all to give work to those who find it hardest.

## Examples in these materials

The “Pod Bocianem” cooperative (Gorlice) began with catering for a gmina picnic; “Bieszczadzka Zagroda” combines farm stays with local produce. Compare their roads to the first order.`,
      },
    },
  },
  {
    key: 'cis-kis',
    readingTimeMinutes: 9,
    audience: 'LOCAL_GOVERNMENT',
    indicatorCodes: ['REINTEGRATION_UNITS', 'REINTEGRATION_UNITS_PER_POWIAT'],
    caseStudyEntityKeys: [CIS_PRZEMYSL],
    text: {
      pl: {
        title: 'CIS i KIS: zatrudnienie socjalne w praktyce',
        slug: 'cis-i-kis-zatrudnienie-socjalne-w-praktyce',
        summary: 'Centra i kluby integracji społecznej działają na podstawie ustawy z dnia 13 czerwca 2003 r. o zatrudnieniu socjalnym. Jak wygląda droga uczestnika od zajęć w klubie do pracy?',
        body: `## Dla kogo

Zatrudnienie socjalne jest dla osób, które same nie poradzą sobie na rynku pracy: długotrwale bezrobotnych, bezdomnych realizujących program wychodzenia z bezdomności, uzależnionych po terapii, zwalnianych z zakładów karnych, osób z zaburzeniami psychicznymi, uchodźców realizujących program integracji, osób z niepełnosprawnościami.

## Centrum integracji społecznej (CIS)

- Tworzy je gmina albo organizacja pozarządowa; **status CIS nadaje wojewoda**.
- Uczestnik realizuje **indywidualny program zatrudnienia socjalnego**: warsztaty zawodowe (np. gastronomia, budownictwo, ogrodnictwo) i zajęcia reintegracji społecznej.
- Program trwa do 12 miesięcy, w uzasadnionych przypadkach może zostać przedłużony.
- Uczestnik otrzymuje **świadczenie integracyjne**, a po zakończeniu programu może skorzystać z zatrudnienia wspieranego u pracodawcy.

## Klub integracji społecznej (KIS)

KIS prowadzi gmina (zwykle przez ośrodek pomocy społecznej) lub organizacja pozarządowa. To lżejsza forma: zajęcia grupowe, doradztwo, prace społecznie użyteczne, pomoc w założeniu spółdzielni socjalnej. Często jest pierwszym krokiem przed CIS.

## Co mierzy Obserwatorium

Wskaźnik **liczby jednostek reintegracyjnych na powiat** pokazuje, gdzie CIS, KIS, WTZ i ZAZ są łatwo dostępne, a gdzie osoba w kryzysie ma do najbliższego kilkadziesiąt kilometrów.

## Przykład

CIS w Przemyślu (historia sukcesu w materiałach): po roku programu połowa uczestników podjęła pracę.`,
      },
      en: {
        title: 'CIS and KIS: social employment in practice',
        slug: 'cis-and-kis-social-employment-in-practice',
        summary: 'Social integration centres and clubs work under the Act of 13 June 2003 on social employment. What does a participant’s road from the club to a job look like?',
        body: `## For whom

Social employment is for people who cannot manage on the labour market on their own: the long-term unemployed, homeless people in a programme to leave homelessness, people after addiction therapy, people released from prison, people with mental disorders, refugees in an integration programme, people with disabilities.

## Social integration centre (CIS)

- Set up by a gmina or an NGO; **CIS status is granted by the voivode**.
- A participant follows an **individual social employment programme**: vocational workshops (e.g. catering, construction, gardening) and social reintegration.
- The programme lasts up to 12 months and may be extended where justified.
- The participant receives an **integration benefit** and afterwards may move to supported employment with an employer.

## Social integration club (KIS)

A KIS is run by a gmina (usually through its social assistance centre) or by an NGO. It is the lighter form: group sessions, counselling, socially useful work, help in founding a social cooperative. It is often the step before a CIS.

## What the Observatory measures

The indicator **reintegration units per powiat** shows where CIS, KIS, WTZ and ZAZ are within reach and where a person in crisis is dozens of kilometres from the nearest one.

## Example

The CIS in Przemyśl (a success story in these materials): a year after the programme, half of the participants had found work.`,
      },
    },
  },
  {
    key: 'business-plan',
    readingTimeMinutes: 15,
    audience: 'PRACTITIONERS',
    indicatorCodes: ['MARKET_REVENUE_SHARE'],
    caseStudyEntityKeys: [DOBRY_CHLEB, ZAZ_NADMORSKI],
    text: {
      pl: {
        title: 'Biznesplan przedsiębiorstwa społecznego',
        slug: 'biznesplan-przedsiebiorstwa-spolecznego',
        summary: 'Biznesplan przedsiębiorstwa społecznego ma dwie części: rynkową i społeczną. Podpowiadamy, jak je połączyć, jak policzyć próg rentowności i czego szuka komisja oceniająca wniosek o dotację lub pożyczkę.',
        body: `## Dwie misje, jeden plan

Przedsiębiorstwo społeczne musi zarabiać, żeby dawać pracę. Biznesplan pokazuje więc jednocześnie **model przychodów** i **plan reintegracji**: kogo zatrudnimy, jakie wsparcie otrzymają pracownicy i jak zmierzymy efekty.

## Struktura

1. Streszczenie: co sprzedajemy, komu, ile osób zatrudnimy.
2. Misja społeczna i grupa docelowa.
3. Analiza rynku: klienci, konkurencja, ceny, sezonowość.
4. Oferta i marketing, w tym sprzedaż instytucjom publicznym.
5. Zespół i organizacja pracy.
6. Plan finansowy: koszty stałe i zmienne, przychody w trzech scenariuszach, przepływy pieniężne na 36 miesięcy.
7. Ryzyka i sposoby ograniczania.

## Próg rentowności

Próg rentowności to przychód, przy którym marża pokrywa koszty stałe: **koszty stałe ÷ (1 − koszty zmienne / przychód)**. Przykład: kuchnia ma 18 000 zł miesięcznie kosztów stałych, a produkty stanowią 40% ceny obiadu — musi sprzedawać za co najmniej 30 000 zł miesięcznie.

## Źródła finansowania

- dotacja na utworzenie miejsca pracy i wsparcie pomostowe z OWES,
- pożyczki na preferencyjnych warunkach (w tym z funduszy pożyczkowych dla ekonomii społecznej) i poręczenia,
- dofinansowanie zatrudnienia osób zagrożonych wykluczeniem w przedsiębiorstwie społecznym,
- przychody ze sprzedaży — im większy ich udział, tym bezpieczniej.

## Czego szuka komisja

Spójności liczb z opisem, realnych cen (z ofertami konkurencji), zamówień lub listów intencyjnych od klientów i planu na pierwsze trudne miesiące.

## Przykłady

Piekarnia Fundacji „Dobry Chleb” i pralnia ZAZ „Nadmorski” (historie sukcesu w materiałach) — policz, jaki udział przychodów rynkowych w ich budżetach wynika z opisów.`,
      },
      en: {
        title: 'A social enterprise business plan',
        slug: 'social-enterprise-business-plan',
        summary: 'A social enterprise’s business plan has a market part and a social part. How to join them, how to compute the break-even point, and what an evaluation panel looks for in a grant or loan application.',
        body: `## Two missions, one plan

A social enterprise must earn money in order to give work. So the business plan shows both the **revenue model** and the **reintegration plan**: whom we will employ, what support they will get and how we will measure results.

## Structure

1. Summary: what we sell, to whom, how many people we will employ.
2. Social mission and target group.
3. Market analysis: customers, competitors, prices, seasonality.
4. Offer and marketing, including sales to public institutions.
5. Team and organisation of work.
6. Financial plan: fixed and variable costs, revenue in three scenarios, 36-month cash flow.
7. Risks and how to reduce them.

## Break-even point

Break-even is the revenue at which the margin covers fixed costs: **fixed costs ÷ (1 − variable costs / revenue)**. Example: a kitchen has PLN 18,000 of fixed costs a month and ingredients are 40% of a meal’s price — it must sell at least PLN 30,000 a month.

## Sources of finance

- a job-creation grant and bridging support from an OWES,
- loans on preferential terms (including loan funds for the social economy) and guarantees,
- co-financing of the employment of people at risk of exclusion in a social enterprise,
- sales revenue — the larger its share, the safer.

## What the panel looks for

Numbers consistent with the text, realistic prices (with competitors’ offers), orders or letters of intent from customers, and a plan for the first difficult months.

## Examples

The “Dobry Chleb” Foundation’s bakery and the “Nadmorski” ZAZ laundry (success stories in these materials) — work out the share of market revenue in their budgets from the descriptions.`,
      },
    },
  },
  {
    key: 'social-clauses',
    readingTimeMinutes: 11,
    audience: 'LOCAL_GOVERNMENT',
    indicatorCodes: [],
    caseStudyEntityKeys: [POD_BOCIANEM, ZAZ_NADMORSKI],
    text: {
      pl: {
        title: 'Klauzule społeczne w zamówieniach publicznych',
        slug: 'klauzule-spoleczne-w-zamowieniach-publicznych',
        summary: 'Ustawa z dnia 11 września 2019 r. Prawo zamówień publicznych daje zamawiającym kilka narzędzi, by kupując usługi, tworzyć miejsca pracy dla osób zagrożonych wykluczeniem. Przegląd z przykładami dla gmin.',
        body: `## Narzędzia w ustawie

- **Zamówienia zastrzeżone (art. 94)**: zamawiający może ograniczyć krąg wykonawców do m.in. zakładów pracy chronionej, spółdzielni socjalnych i innych wykonawców, których głównym celem jest integracja osób społecznie marginalizowanych, jeżeli co najmniej 30% ich pracowników to osoby z tych grup.
- **Wymagania dotyczące zatrudnienia na umowę o pracę (art. 95)**: przy usługach i robotach budowlanych zamawiający określa czynności, które muszą wykonywać osoby zatrudnione na umowę o pracę.
- **Aspekty społeczne (art. 96)**: zamawiający może wymagać zatrudnienia przy realizacji zamówienia osób bezrobotnych, z niepełnosprawnościami lub innych wskazanych w ustawie.
- **Zamówienia na usługi społeczne (art. 359 i następne)**: przy niektórych usługach zdrowotnych, społecznych i kulturalnych zamawiający może zastrzec udział dla organizacji realizujących misję publiczną.

## Poniżej progu

Zamówień o wartości mniejszej niż **130 000 zł netto** ustawy się nie stosuje. Gmina może wtedy wprost zapraszać do składania ofert podmioty ekonomii społecznej, pamiętając o zasadach gospodarności i przejrzystości zapisanych w wewnętrznym regulaminie.

## Jak przygotować postępowanie

1. Sprawdź, czy na lokalnym rynku są podmioty zdolne wykonać zamówienie (rozmowa z OWES, dane Obserwatorium).
2. Podziel zamówienie na części, jeśli całość przerasta małe podmioty.
3. Opisz w dokumentach zamówienia sposób dokumentowania zatrudnienia i kontroli.
4. Przeprowadź dialog techniczny lub spotkanie informacyjne.

## Przykład

Gmina Gorlice powierzyła żywienie dzieci spółdzielni „Pod Bocianem” w zamówieniu z klauzulą społeczną (historia sukcesu w materiałach).`,
      },
      en: {
        title: 'Social clauses in public procurement',
        slug: 'social-clauses-in-public-procurement',
        summary: 'The Public Procurement Law of 11 September 2019 gives contracting authorities several tools to create jobs for people at risk of exclusion while buying services. An overview with examples for gminas.',
        body: `## Tools in the Act

- **Reserved contracts (art. 94)**: the contracting authority may limit bidders to, among others, sheltered workshops, social cooperatives and other contractors whose main aim is the integration of socially marginalised people, if at least 30% of their staff belong to those groups.
- **Employment contract requirements (art. 95)**: for services and works, the authority names the tasks that must be done by people on employment contracts.
- **Social aspects (art. 96)**: the authority may require the contractor to employ unemployed people, people with disabilities or other groups named in the Act.
- **Contracts for social services (art. 359 ff.)**: for certain health, social and cultural services, the authority may reserve the contract for organisations pursuing a public-service mission.

## Below the threshold

Contracts worth less than **PLN 130,000 net** are outside the Act. A gmina may then invite social economy entities directly, keeping to the rules of economy and transparency in its internal regulations.

## Preparing the procedure

1. Check whether local entities can deliver (ask the OWES, look at the Observatory’s data).
2. Split the contract into lots if the whole is too big for small entities.
3. Say in the procurement documents how employment is documented and checked.
4. Hold a technical dialogue or an information meeting.

## Example

The gmina of Gorlice entrusted children’s meals to the “Pod Bocianem” cooperative in a contract with a social clause (a success story in these materials).`,
      },
    },
  },
  {
    key: 'regional-data',
    readingTimeMinutes: 8,
    audience: 'STUDENTS',
    indicatorCodes: ['SOCIAL_COOPERATIVES_PER_100K', 'SOCIAL_ENTERPRISES_PER_100K', 'JOBS_PER_10K', 'EXCLUDED_EMPLOYEES_SHARE'],
    caseStudyEntityKeys: [BIESZCZADZKA],
    text: {
      pl: {
        title: 'Ekonomia społeczna w liczbach: jak czytać dane o gminie i regionie',
        slug: 'ekonomia-spoleczna-w-liczbach',
        summary: 'Jak porównywać gminy i powiaty o różnej liczbie mieszkańców, co oznacza wartość ukryta ze względu na tajemnicę statystyczną i jak cytować dane Obserwatorium.',
        body: `## Liczby bezwzględne i wskaźniki

Powiat z dużym miastem zawsze będzie miał więcej spółdzielni socjalnych niż powiat wiejski. Dlatego porównujemy **wskaźniki na 100 tys. mieszkańców** (np. spółdzielnie socjalne na 100 tys. mieszkańców) albo na 10 tys. mieszkańców (miejsca pracy w ekonomii społecznej).

## Tajemnica statystyczna

Gdy w gminie działa jeden lub dwa podmioty danego rodzaju, ich liczba pracowników czy przychody zdradzałyby dane konkretnej organizacji. Obserwatorium ukrywa wtedy wartość (oznaczenie „dane niedostępne”) — zgodnie z ustawą o statystyce publicznej — a czasem także sąsiednią, żeby nie dało się jej odtworzyć z sumy.

## Jak cytować

Każdy wskaźnik ma kod, źródło i wersję danych. Cytując, podaj nazwę wskaźnika, obszar, rok i wersję danych, np.: _Obserwatorium Ekonomii Społecznej, wskaźnik SOCIAL_COOPERATIVES_PER_100K, województwo podkarpackie, 2024, wersja danych z dnia publikacji._

## Ćwiczenie

Porównaj wskaźnik spółdzielni socjalnych na 100 tys. mieszkańców i udział pracowników zagrożonych wykluczeniem w województwie podkarpackim i dolnośląskim. Czym mogą się różnić oba regiony? Odwołaj się do historii „Bieszczadzkiej Zagrody”.`,
      },
      en: {
        title: 'The social economy in numbers: reading data about a gmina and a region',
        slug: 'social-economy-in-numbers',
        summary: 'How to compare gminas and powiats of different size, what a value withheld for statistical confidentiality means, and how to cite the Observatory’s data.',
        body: `## Counts and rates

A powiat with a big city will always have more social cooperatives than a rural one. So we compare **rates per 100,000 inhabitants** (e.g. social cooperatives per 100,000) or per 10,000 inhabitants (social economy jobs).

## Statistical confidentiality

When a gmina has one or two entities of a kind, their staff numbers or revenue would reveal data about a particular organisation. The Observatory then withholds the value (“data not available”) — as the Public Statistics Act requires — and sometimes a neighbouring one too, so it cannot be worked out from a total.

## How to cite

Every indicator has a code, a source and a data version. When citing, give the indicator’s name, the area, the year and the data version, e.g.: _Social Economy Observatory, indicator SOCIAL_COOPERATIVES_PER_100K, Podkarpackie voivodeship, 2024, data version of the publication date._

## Exercise

Compare social cooperatives per 100,000 inhabitants and the share of employees at risk of exclusion in the Podkarpackie and Dolnośląskie voivodeships. How might the two regions differ? Refer to the story of “Bieszczadzka Zagroda”.`,
      },
    },
  },
];
