import { buildWeb, webBuildIsStale } from '../src/server/web/web-build';
import { hasChromium } from './harness';

/**
 * Builds the web app once, before any test file starts: browser test files run in parallel, and each
 * building it itself would empty the output folder under another one's server.
 */
export default async function setup() {
  if (hasChromium && webBuildIsStale()) await buildWeb();
}
