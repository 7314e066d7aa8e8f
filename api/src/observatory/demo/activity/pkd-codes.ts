import { LegalForm } from '../../registry/legal-form';
import { weightedIndex, type Random } from '../prng';

/**
 * Main activities (PKD 2007 classes) typical of each form, with rough weights: social
 * cooperatives cater, clean, tend green areas, renovate and care; reintegration units do social
 * work; NGOs are mostly membership organisations (94.99.Z) and social services.
 */
const TYPICAL: Record<LegalForm, readonly (readonly [string, number])[]> = {
  SOCIAL_COOPERATIVE: [
    ['56.29.Z', 16], ['81.21.Z', 14], ['81.30.Z', 12], ['43.39.Z', 10], ['88.10.Z', 10], ['56.10.A', 6], ['55.20.Z', 4],
    ['10.71.Z', 4], ['96.09.Z', 5], ['49.41.Z', 3], ['62.01.Z', 2], ['85.59.B', 6], ['88.99.Z', 5], ['47.91.Z', 3],
  ],
  WORKER_COOPERATIVE: [['25.62.Z', 15], ['14.13.Z', 12], ['43.21.Z', 12], ['47.11.Z', 15], ['31.09.Z', 10], ['10.13.Z', 8], ['96.01.Z', 8], ['45.20.Z', 10], ['56.10.A', 10]],
  COOPERATIVE_OF_DISABLED_OR_BLIND: [['82.92.Z', 25], ['80.10.Z', 20], ['81.21.Z', 20], ['17.29.Z', 10], ['22.29.Z', 10], ['14.19.Z', 15]],
  ASSOCIATION: [['94.99.Z', 40], ['88.99.Z', 15], ['93.12.Z', 12], ['85.59.B', 10], ['90.04.Z', 8], ['88.10.Z', 8], ['91.02.Z', 3], ['93.29.Z', 4]],
  FOUNDATION: [['94.99.Z', 30], ['88.99.Z', 20], ['85.59.B', 15], ['86.90.E', 10], ['72.20.Z', 5], ['88.10.Z', 10], ['90.04.Z', 5], ['10.71.Z', 5]],
  NON_PROFIT_COMPANY: [['70.22.Z', 15], ['85.59.B', 20], ['88.99.Z', 20], ['93.29.Z', 10], ['68.20.Z', 10], ['81.21.Z', 15], ['56.29.Z', 10]],
  CIS: [['88.99.Z', 80], ['85.59.B', 20]],
  KIS: [['88.99.Z', 100]],
  ZAZ: [['81.21.Z', 25], ['56.29.Z', 20], ['96.01.Z', 20], ['18.12.Z', 10], ['81.30.Z', 15], ['82.92.Z', 10]],
  WTZ: [['88.10.Z', 90], ['88.99.Z', 10]],
  RURAL_HOUSEWIVES_CIRCLE: [['94.99.Z', 80], ['10.89.Z', 10], ['56.21.Z', 10]],
  OTHER: [['94.99.Z', 50], ['88.99.Z', 50]],
};

/** A plausible main PKD class for an entity of the given form. */
export function drawPkdCode(random: Random, form: LegalForm): string {
  const choices = TYPICAL[form];
  return choices[weightedIndex(random, choices.map(([, w]) => w))][0];
}
