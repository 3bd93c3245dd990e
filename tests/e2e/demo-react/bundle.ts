import { join } from 'node:path';

/**
 * The React demo feed's script (./feed.tsx with React 19 and ./cards.ts), bundled by esbuild (a
 * dependency of the build tools) into one IIFE the first time the fixture server is asked for it,
 * then kept for the life of the process. Production React: no development warnings in the console.
 */

/** Where the demo pages load it from (on www.linkedin.com, like a first-party script). */
export const REACT_DEMO_SCRIPT_PATH = '/satchel-demo/react-feed.js';

let bundle: Promise<string> | null = null;

export function reactDemoBundle(): Promise<string> {
  // esbuild is loaded only here: importing the demo pages (and so this module) must not need it.
  bundle ??= import('esbuild').then(({ build }) => build({
    entryPoints: [join(import.meta.dirname, 'feed.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'react',
    // The project's tsconfig sets Preact JSX; this bundle is React only.
    tsconfigRaw: '{}',
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  })).then(
    (r) => r.outputFiles[0]!.text,
    (e: unknown) => {
      bundle = null; // let a later request try again
      throw e;
    },
  );
  return bundle;
}
