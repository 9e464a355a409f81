// Builds the extension and CLI bundles (default), or transpiles sources and tests file by file for
// mocha (--tests). --production minifies; --watch rebuilds on change.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

function tsFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const logLevel = 'warning';

// The code that computes what the caches on disk keep (the scan cache, the last session's evidence):
// a cache another build of it wrote is read as no cache, whatever the package's version says.
const engineHash = createHash('sha256');
for (const file of [...tsFiles('src/core'), ...tsFiles('src/git')].sort()) engineHash.update(`${file}\0${readFileSync(file, 'utf8')}\0`);
const define = { __PROOF_OF_FIX_ENGINE__: JSON.stringify(engineHash.digest('hex').slice(0, 16)) };

async function run(options) {
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
    console.log('[watch] watching', options.entryPoints);
  } else {
    const result = await esbuild.build(options);
    if (result.metafile) {
      for (const [file, info] of Object.entries(result.metafile.outputs)) {
        if (file.endsWith('.js')) console.log(`${file}  ${(info.bytes / 1024).toFixed(1)} KB`);
      }
    }
  }
}

if (args.has('--tests')) {
  rmSync('out', { recursive: true, force: true });
  await run({
    entryPoints: [...tsFiles('src'), ...tsFiles('test')],
    outdir: 'out',
    outbase: '.',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    define,
    logLevel,
  });
} else {
  const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: production,
    sourcemap: production ? false : 'linked',
    sourcesContent: false,
    metafile: true,
    define,
    logLevel,
    // handlebars' CommonJS entry registers a require.extensions hook we never use.
    logOverride: { 'unsupported-require-call': 'silent' },
  };
  await Promise.all([
    run({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    run({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  ]);
}
