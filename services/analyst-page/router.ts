import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Response } from 'express';
import { STYLE } from './page-css.js';
import { PAGE } from './page-html.js';

/**
 * The analyst page at `/`: one HTML document, its stylesheet, its scripts (web/analyst-page,
 * compiled by `npm run build` into dist/web/analyst-page) and Chart.js from node_modules — nothing
 * from a CDN (the bureau's machines are offline). The page holds no data: everything it shows comes
 * from /graphql with the analyst's token.
 */

const require = createRequire(import.meta.url);

/** Scripts and styles only from this origin, nothing inline; data only from /graphql on this origin. */
export const PAGE_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "font-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

/** The project folder, found from this file whether it runs from services/ (tests) or dist/services/. */
const projectDir = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('analyst page: no package.json above its module');
    dir = parent;
  }
  return dir;
};

/** Where the compiled page scripts are; overridable for tests. */
export const pageScriptsDir = (): string => join(projectDir(), 'dist', 'web', 'analyst-page');

const SCRIPT_NAME = /^[a-z][a-z0-9-]*\.js$/;

export const analystPageRouter = (scriptsDir: string = pageScriptsDir()): Router => {
  const router = Router();
  // chart.js exports no package.json; its CommonJS entry sits beside the UMD build in dist/.
  const chartJs = join(dirname(require.resolve('chart.js')), 'chart.umd.js');
  const secure = (res: Response): void => {
    res.set({ 'Content-Security-Policy': PAGE_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' });
  };
  router.get('/', (_req, res) => {
    secure(res);
    res.type('html').send(PAGE);
  });
  router.get('/app/style.css', (_req, res) => {
    secure(res);
    res.type('css').send(STYLE);
  });
  router.get('/app/vendor/chart.umd.js', (_req, res) => {
    secure(res);
    res.type('text/javascript').sendFile(chartJs, { maxAge: '1d' });
  });
  // Only flat names of the compiled modules: no paths, no source maps of other folders.
  router.get('/app/:file', (req, res, next) => {
    const file = req.params.file;
    const path = join(scriptsDir, file);
    if (!SCRIPT_NAME.test(file) || !existsSync(path)) return next();
    secure(res);
    res.type('text/javascript').sendFile(path);
  });
  return router;
};
