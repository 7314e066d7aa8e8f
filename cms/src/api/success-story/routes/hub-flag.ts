/** The hub flags a story whose entity lost its status or was struck off; only the flag token may. */
export default {
  routes: [
    {
      method: 'PUT',
      path: '/success-stories/:documentId/hub-flag',
      handler: 'api::success-story.success-story.setHubFlag',
    },
  ],
};
