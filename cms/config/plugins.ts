import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: { jwtSecret: env('JWT_SECRET') },
  },
  upload: {
    config: { sizeLimit: env.int('CMS_UPLOAD_SIZE_LIMIT', 20 * 1024 * 1024) },
  },
});
