export interface Login {
  email: string;
  /** The password, only on the start that created the account with a generated one. */
  password?: string;
  /** Why no password is shown ("set on first start", "from HUB_ADMIN_PASSWORD"). */
  note?: string;
}

export interface BannerFacts {
  graphqlUrl: string;
  cmsUrl: string;
  /** False when Strapi runs without its admin panel (CMS_SERVE_ADMIN=false). */
  cmsAdmin: boolean;
  hubAdmin: Login;
  cmsEditor: Login;
  database: string;
  dataDir: string | undefined;
  startMs: number;
}

/**
 * A query that works on a fresh start and shows the point of the hub: a CMS story, the registry
 * entity it is about and the place it happened, in one request.
 */
export const EXAMPLE_QUERY = `{
  successStories(first: 3) {
    totalCount
    nodes {
      title
      entity { name legalForm }
      territory { name parent { name } }
    }
  }
}`;

function login({ email, password, note }: Login): string {
  return `${email}  /  ${password ?? `(${note ?? 'set on first start'})`}`;
}

export function formatBanner(facts: BannerFacts): string {
  const curl = `curl -s ${facts.graphqlUrl} -H 'content-type: application/json' -d '${JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' ') })}'`;
  const shown = facts.hubAdmin.password !== undefined || facts.cmsEditor.password !== undefined;
  const lines = [
    '',
    `Social Economy Hub is running (started in ${(facts.startMs / 1000).toFixed(1)} s)`,
    '',
    `  GraphQL API        ${facts.graphqlUrl}`,
    `                     (open it in a browser for the query explorer)`,
    facts.cmsAdmin
      ? `  CMS admin panel    ${facts.cmsUrl}/admin`
      : `  CMS (API only)     ${facts.cmsUrl}/api   (admin panel off: CMS_SERVE_ADMIN=false)`,
    '',
    `  Hub first admin    ${login(facts.hubAdmin)}`,
    `  CMS editor         ${login(facts.cmsEditor)}`,
    ...(shown ? ['', '  Passwords are shown this once and not stored; write them down.'] : []),
    '',
    `  Database           ${facts.database}`,
    `  Official data      ${facts.dataDir ?? '(none: built-in territory of Poland and its 16 voivodeships)'}`,
    '',
    '  Try:',
    ...EXAMPLE_QUERY.split('\n').map((line) => `    ${line}`),
    '',
    `  ${curl}`,
    '',
    '  Ctrl-C stops everything.',
    '',
  ];
  return lines.join('\n');
}
