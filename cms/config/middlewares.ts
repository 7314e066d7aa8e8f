export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  // The hub batches up to 200 keys into one `filters[...][$in]` list per request; qs's default
  // array limit (100) would turn longer lists into objects that Strapi then rejects.
  { name: 'strapi::query', config: { arrayLimit: 500, depth: 20 } },
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
  'global::published-only',
];
