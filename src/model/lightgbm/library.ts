import { createRequire } from 'node:module';
import path from 'node:path';
import koffi from 'koffi';
import { bindCApi, type LightGbmCApi } from './c-api.js';
import { LightGbmError } from './errors.js';

/** Points at another lib_lightgbm (same C API) instead of the one the npm package builds. */
export const LIGHTGBM_LIB_ENV = 'CLAIRSCORE_LIGHTGBM_LIB';

/** Where the LightGBM library is: the env override, else the npm package's build. */
export function resolveLibraryPath(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[LIGHTGBM_LIB_ENV];
  if (override !== undefined && override !== '') return path.resolve(override);
  const packageJson = createRequire(import.meta.url).resolve('lightgbm/package.json');
  return path.join(path.dirname(packageJson), 'build', 'Release', 'lightgbm_bindings.node');
}

/**
 * The npm package's build uses OpenMP without linking it, so libgomp must be loaded globally
 * first. Failure is not fatal: another library may link its own OpenMP runtime.
 */
function loadOpenMp(): string | undefined {
  // OpenMP threads spin while they wait for work by default; with other busy processes on the
  // cores (tests in parallel, the service, DuckDB) the spinning threads steal the time the
  // working ones need, measured up to 30x slower. Passive waiting sleeps instead. libgomp reads
  // the variable when it loads, so it is set first; a value given by the user is kept.
  process.env.OMP_WAIT_POLICY ??= 'PASSIVE';
  try {
    koffi.load('libgomp.so.1', { global: true });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Loads and binds the library at libraryPath; throws a LightGbmError saying what to fix. */
export function loadLibrary(libraryPath: string): LightGbmCApi {
  const openMpError = loadOpenMp();
  try {
    return bindCApi(koffi.load(libraryPath));
  } catch (error) {
    const hints = [
      `reinstall the lightgbm package (npm rebuild lightgbm) or set ${LIGHTGBM_LIB_ENV} to a lib_lightgbm`,
      openMpError === undefined
        ? ''
        : `libgomp.so.1 could not be loaded either (${openMpError}): install libgomp1`,
    ].filter((hint) => hint !== '');
    throw new LightGbmError(
      'load',
      `cannot load ${libraryPath}: ${(error as Error).message}; ${hints.join('; ')}`,
    );
  }
}

let loaded: LightGbmCApi | undefined;

/** The process-wide binding, loaded on first use. */
export function lightGbm(): LightGbmCApi {
  loaded ??= loadLibrary(resolveLibraryPath());
  return loaded;
}
