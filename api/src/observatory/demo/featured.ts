import { LegalForm, SocialEconomyEntityStatus } from '../registry/legal-form';

/** A hand-written demo entity with a fixed id, as the CMS demo success stories reference it. */
export interface FeaturedEntity {
  id: string;
  name: string;
  legalForm: LegalForm;
  /** Seat gmina (7 digits); seeded into its voivodeship when the hub holds voivodeships only. */
  terytCode: string;
  krs: string | null;
  regon: string;
  nip: string;
  foundedOn: string;
  status: SocialEconomyEntityStatus;
}

/*
 * The six featured entities of the shared contract: fixed UUIDs and seat gminas, which the CMS
 * seed uses as `entityKey` and `terytCode`. They are synthetic like the rest: the identifiers are
 * valid but invented (KRS numbers from the reserved synthetic range 0009xxxxxx).
 */
export const FEATURED_ENTITIES: readonly FeaturedEntity[] = [
  {
    id: '5e0c0001-7a1b-4c2d-8e3f-000000000001',
    name: 'Spółdzielnia Socjalna „Pod Bocianem”',
    legalForm: LegalForm.SOCIAL_COOPERATIVE,
    terytCode: '1205011',
    krs: '0009000001',
    regon: '713185915',
    nip: '3757567052',
    foundedOn: '2012-05-14',
    status: SocialEconomyEntityStatus.ACTIVE,
  },
  {
    id: '5e0c0001-7a1b-4c2d-8e3f-000000000002',
    name: 'Fundacja „Dobry Chleb”',
    legalForm: LegalForm.FOUNDATION,
    terytCode: '1261011',
    krs: '0009000002',
    regon: '482217810',
    nip: '1293955635',
    foundedOn: '2009-10-01',
    status: SocialEconomyEntityStatus.ACTIVE,
  },
  {
    id: '5e0c0001-7a1b-4c2d-8e3f-000000000003',
    name: 'Centrum Integracji Społecznej w Przemyślu',
    legalForm: LegalForm.CIS,
    terytCode: '1862011',
    krs: null,
    regon: '966021072',
    nip: '3884487983',
    foundedOn: '2006-03-01',
    status: SocialEconomyEntityStatus.ACTIVE,
  },
  {
    id: '5e0c0001-7a1b-4c2d-8e3f-000000000004',
    name: 'Zakład Aktywności Zawodowej „Nadmorski”',
    legalForm: LegalForm.ZAZ,
    terytCode: '2261011',
    krs: null,
    regon: '964216080',
    nip: '7603618385',
    foundedOn: '2004-09-15',
    status: SocialEconomyEntityStatus.ACTIVE,
  },
  {
    id: '5e0c0001-7a1b-4c2d-8e3f-000000000005',
    name: 'Spółdzielnia Socjalna „Bieszczadzka Zagroda”',
    legalForm: LegalForm.SOCIAL_COOPERATIVE,
    terytCode: '1801083',
    krs: '0009000005',
    regon: '310378260',
    nip: '8463208209',
    foundedOn: '2016-04-20',
    status: SocialEconomyEntityStatus.ACTIVE,
  },
  {
    id: '5e0c0001-7a1b-4c2d-8e3f-000000000006',
    name: 'Stowarzyszenie „Warsztat Wrocławski”',
    legalForm: LegalForm.ASSOCIATION,
    terytCode: '0264011',
    krs: '0009000006',
    regon: '986695688',
    nip: '1768906611',
    foundedOn: '2001-02-12',
    status: SocialEconomyEntityStatus.ACTIVE,
  },
];
