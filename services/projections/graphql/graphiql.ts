import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Request, Router } from 'express';

/**
 * GraphiQL, self-hosted: the page and its scripts come from node_modules (graphiql 3, React 18 UMD
 * builds), never from a CDN, so it works offline and no third party learns who queries the register.
 * Served only in development (REGISTER_GRAPHIQL); otherwise these routes answer 404.
 */

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/** The only files served: a whitelist, not a directory. */
const ASSETS: Readonly<Record<string, { readonly file: string; readonly type: string }>> = {
  'graphiql.min.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'react.production.min.js': { file: join(packageDir('react'), 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': { file: join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'), type: 'text/javascript' },
};

const INIT_SCRIPT = `
const url = window.location.pathname.replace(/\\/$/, '');
const fetcher = GraphiQL.createFetcher({ url });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: 'headers',
    defaultHeaders: '{\\n  "Authorization": "Bearer <your token>"\\n}',
    shouldPersistHeaders: false,
  }),
);
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Resident register — GraphiQL</title>
<link rel="stylesheet" href="/graphql/assets/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphql/assets/react.production.min.js"></script>
<script src="/graphql/assets/react-dom.production.min.js"></script>
<script src="/graphql/assets/graphiql.min.js"></script>
<script src="/graphql/assets/graphiql-init.js"></script>
</body>
</html>
`;

/** Scripts only from this origin; GraphiQL's editors need inline styles. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

/** A browser asking for the page: GET /graphql preferring HTML, without a query. */
export const wantsPage = (req: Request): boolean =>
  req.query['query'] === undefined && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';

/**
 * Adds the page at GET /graphql and its assets under /graphql/assets/ to the GraphQL router; with
 * `development` off they leave the router (`next('router')`), so the app answers 404.
 */
export const addGraphiql = (router: Router, development: boolean): void => {
  router.get('/graphql', (req, res, next) => {
    if (!wantsPage(req)) return next();
    if (!development) return next('router');
    res.set('Content-Security-Policy', CSP).type('html').send(PAGE);
  });
  if (!development) return;
  router.get('/graphql/assets/graphiql-init.js', (_req, res) => {
    res.type('text/javascript').send(INIT_SCRIPT);
  });
  router.get('/graphql/assets/:file', (req, res, next) => {
    const asset = ASSETS[req.params.file];
    if (asset === undefined) return next('router');
    res.type(asset.type).sendFile(asset.file, { maxAge: '1d' });
  });
};
