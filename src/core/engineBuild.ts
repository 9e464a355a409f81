// Which build of the evidence and scan code is running: a digest of src/core and src/git, set by
// esbuild.mjs. The caches on disk are kept per build, not per package version (a fix to the engine
// without a version bump would otherwise keep serving the old answers).
declare const __PROOF_OF_FIX_ENGINE__: string | undefined;

export const ENGINE_BUILD: string = typeof __PROOF_OF_FIX_ENGINE__ === 'string' ? __PROOF_OF_FIX_ENGINE__ : 'unbuilt';
