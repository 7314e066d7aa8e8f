import express from 'express';
import { dirname, join } from 'node:path';

/**
 * The GraphQL explorer a person sees when opening /graphql in a browser: GraphiQL, served
 * entirely from installed npm packages (nothing is fetched from a CDN at run time).
 */
const ASSETS: Record<string, string> = {
  'react.js': join(dirname(require.resolve('react/package.json')), 'umd/react.production.min.js'),
  'react-dom.js': join(dirname(require.resolve('react-dom/package.json')), 'umd/react-dom.production.min.js'),
  'graphiql.js': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
  'graphiql.css': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
};

export function explorerAssets(): express.Router {
  const router = express.Router();
  router.get('/:file', (req, res) => {
    const path = ASSETS[req.params.file];
    if (!path) {
      res.status(404).end();
      return;
    }
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(path);
  });
  return router;
}

const EXAMPLE_QUERY = `# Historia sukcesu razem z podmiotem, którego dotyczy, i jego regionem.
# A success story joined with the registry entity it is about and that entity's region.
query StoryWithEntity {
  successStories(locale: pl, first: 3) {
    totalCount
    nodes {
      title
      lead
      locale
      entity {
        name
        legalForm
        synthetic
        seat { name level parent { name } }
      }
      territory { terytCode name level }
    }
  }
}
`;

export function explorerPage(endpoint: string): string {
  return `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hub Ekonomii Społecznej — eksplorator GraphQL</title>
<link rel="stylesheet" href="/explorer-assets/graphiql.css">
<style>html,body,#explorer{height:100%;margin:0}</style>
</head>
<body>
<div id="explorer">Ładowanie eksploratora… / Loading the explorer…</div>
<script src="/explorer-assets/react.js"></script>
<script src="/explorer-assets/react-dom.js"></script>
<script src="/explorer-assets/graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
  // A link may carry a query to open (?query=…), so stories and widgets can link to a live example.
  const shared = new URLSearchParams(window.location.search).get('query');
  ReactDOM.createRoot(document.getElementById('explorer')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)}, query: shared || undefined, defaultEditorToolsVisibility: true })
  );
</script>
</body>
</html>`;
}
