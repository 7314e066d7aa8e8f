import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::success-story.success-story');
