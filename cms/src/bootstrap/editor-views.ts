import type { Core } from '@strapi/strapi';

const STORY_UID = 'api::success-story.success-story';
const LIST_COLUMNS = ['title', 'hubFlag'];

/**
 * The content manager keeps each type's list and edit layout in its store, built once from defaults.
 * Editors must see the hub's flag on stories in the list, and must not edit it (the hub writes it), so
 * both are set here on every start without touching anything else an editor arranged.
 */
export const ensureEditorViews = async (strapi: Core.Strapi): Promise<void> => {
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const contentType = contentTypes.findContentType(STORY_UID);
  if (!contentType) return;
  const configuration = await contentTypes.findConfiguration(contentType);
  const list: string[] = configuration.layouts?.list ?? [];
  const metadatas = configuration.metadatas ?? {};
  const flagLocked = ['hubFlag', 'hubFlagNote'].every((field) => metadatas[field]?.edit?.editable === false);
  if (LIST_COLUMNS.every((column) => list.includes(column)) && flagLocked) return;

  const nextList = [...list.filter((c) => !LIST_COLUMNS.includes(c)).slice(0, 2), ...LIST_COLUMNS];
  const nextMetadatas = { ...metadatas };
  for (const [field, label, description] of [
    ['hubFlag', 'Flaga hubu / hub flag', 'Ustawia hub: podmiot utracił status przedsiębiorstwa społecznego lub został wykreślony. Sprawdź historię. / Set by the hub; review the story.'],
    ['hubFlagNote', 'Uwaga hubu / hub note', 'Ustawia hub. / Set by the hub.'],
  ] as const) {
    nextMetadatas[field] = {
      ...metadatas[field],
      edit: { ...metadatas[field]?.edit, label, description, editable: false },
      list: { ...metadatas[field]?.list, label, searchable: true, sortable: true },
    };
  }
  await contentTypes.updateConfiguration(contentType, {
    ...configuration,
    layouts: { ...configuration.layouts, list: nextList },
    metadatas: nextMetadatas,
  });
  strapi.log.info(`[hub] content manager: success stories list shows ${nextList.join(', ')}; hub flag fields read-only`);
};
