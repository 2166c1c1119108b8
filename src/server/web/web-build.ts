import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the project is: the web app's sources and its production build. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_SOURCES = [join(ROOT, 'src/web'), join(ROOT, 'src/shared'), join(ROOT, 'vite.config.ts')];
export const WEB_DIST = join(ROOT, 'dist/web');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether dist/web is missing or older than any of its sources. */
export function webBuildIsStale(dist = WEB_DIST, sources = WEB_SOURCES): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return sources.some((source) => existsSync(source) && newestMtime(source) > built);
}

/**
 * Builds the web app with Vite (production mode) into dist/web. NODE_ENV is production while it builds:
 * Vite keeps a NODE_ENV it finds, and a test runner's `test` would bundle React's development code
 * (twice the size, slower, and not what users get).
 */
export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}
