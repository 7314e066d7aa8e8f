import type { StrapiApp } from '@strapi/strapi/admin';

const KIND_OPTION = {
  name: 'options.kind',
  type: 'select',
  intlLabel: { id: 'hub-record.kind', defaultMessage: 'What to pick from the hub' },
  description: { id: 'hub-record.kind.description', defaultMessage: 'ENTITY stores the entity UUID, TERRITORY a TERYT code, INDICATOR an indicator code.' },
  options: ['ENTITY', 'TERRITORY', 'INDICATOR'].map((kind) => ({ key: kind, value: kind, metadatas: { intlLabel: { id: `hub-record.kind.${kind}`, defaultMessage: kind } } })),
};

export default {
  config: {
    // Editors work in Polish; English stays available in each user's profile.
    locales: ['pl'],
  },
  register(app: StrapiApp) {
    // The server half (src/hub-picker/register-hub-picker.ts) registers the same two names.
    for (const [name, type, label] of [
      ['hub-record', 'string', 'Hub record'],
      ['hub-record-list', 'json', 'Hub records (several)'],
    ] as const) {
      app.customFields.register({
        name,
        type,
        intlLabel: { id: `hub-record.${name}.label`, defaultMessage: label },
        intlDescription: { id: `hub-record.${name}.description`, defaultMessage: 'Pick a registry entity, territorial unit or indicator from the hub by name' },
        components: { Input: async () => import('./hub-picker/HubRecordInput') as never },
        options: { base: [KIND_OPTION as never] },
      });
    }
  },
  bootstrap(_app: StrapiApp) {},
};
