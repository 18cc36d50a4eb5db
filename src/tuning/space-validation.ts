/**
 * Validation of search spaces, from a JSON config or from code. Every rule broken is listed
 * in one CS_ERR_SEARCH_SPACE error, so a user fixes the file in one pass, before any trial runs.
 * Hand-written rather than schema-library driven: the rules are cross-field (low vs high,
 * log vs low, step vs range) and a dozen lines each.
 */
import { ClairscoreError } from '../core/errors.js';
import { lightgbmNameProblem, lightgbmSpaceProblems } from './lightgbm-params.js';
import type { CategoricalValue, NumericParam, ParamSpec, SearchSpace } from './search-space.js';
import { categoricalParam, floatParam, intParam } from './search-space.js';

/** Which parameter names a space may use: LightGBM's (config files) or any (test functions). */
export type NameRule = 'lightgbm' | 'any';

export interface ValidationOptions {
  readonly names?: NameRule;
  /** Where the space came from, quoted in the message (a file path). */
  readonly source?: string;
}

const TOP_KEYS = new Set(['$schema', '$comment', 'description', 'parameters']);
const PARAM_KEYS = new Set(['name', 'type', 'low', 'high', 'log', 'step', 'grid', 'choices', '$comment']);

/** Parses and validates a JSON search-space document `{ "parameters": [ ... ] }`. */
export function parseSearchSpace(raw: unknown, options: ValidationOptions = {}): SearchSpace {
  const problems: string[] = [];
  const params: ParamSpec[] = [];
  if (!isRecord(raw) || !Array.isArray(raw['parameters'])) {
    problems.push('expected an object with a "parameters" array');
  } else {
    for (const key of Object.keys(raw)) {
      if (!TOP_KEYS.has(key)) problems.push(`unknown top-level key "${key}"`);
    }
    raw['parameters'].forEach((entry: unknown, index: number) => {
      const param = parseParam(entry, index, problems);
      if (param !== undefined) params.push(param);
    });
  }
  if (problems.length > 0) throw spaceError(problems, options.source);
  return defineSearchSpace(params, options);
}

/** Validates parameters declared in code (see floatParam/intParam/categoricalParam). */
export function defineSearchSpace(
  params: readonly ParamSpec[],
  options: ValidationOptions = {},
): SearchSpace {
  const problems: string[] = [];
  if (params.length === 0) problems.push('declare at least one parameter');
  const seen = new Set<string>();
  for (const param of params) {
    if (seen.has(param.name)) problems.push(`${param.name}: declared twice`);
    seen.add(param.name);
    if ((options.names ?? 'lightgbm') === 'lightgbm') {
      const problem = lightgbmNameProblem(param.name);
      if (problem !== undefined) problems.push(problem);
    }
    if (param.kind === 'categorical') checkCategorical(param.name, param.choices, problems);
    else checkNumeric(param, problems);
  }
  if ((options.names ?? 'lightgbm') === 'lightgbm') problems.push(...lightgbmSpaceProblems(params));
  if (problems.length > 0) throw spaceError(problems, options.source);
  return { params: [...params] };
}

function parseParam(entry: unknown, index: number, problems: string[]): ParamSpec | undefined {
  if (!isRecord(entry)) {
    problems.push(`parameters[${index}]: expected an object`);
    return undefined;
  }
  const name = entry['name'];
  if (typeof name !== 'string' || name.trim() === '') {
    problems.push(`parameters[${index}]: "name" must be a non-empty string`);
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(entry)) {
    if (!PARAM_KEYS.has(key)) problems.push(`${name}: unknown key "${key}"`);
  }
  const type = entry['type'];
  if (type === 'categorical') {
    for (const key of ['low', 'high', 'log', 'step', 'grid']) {
      if (key in entry) problems.push(`${name}: "${key}" does not apply to a categorical parameter`);
    }
    const choices = entry['choices'];
    if (!Array.isArray(choices)) problems.push(`${name}: "choices" must be an array`);
    return problems.length === before ? categoricalParam(name, choices as CategoricalValue[]) : undefined;
  }
  if (type !== 'int' && type !== 'float') {
    problems.push(`${name}: "type" must be "int", "float" or "categorical"`);
    return undefined;
  }
  if ('choices' in entry) problems.push(`${name}: "choices" applies only to a categorical parameter`);
  const low = numberField(entry, 'low', name, problems, true);
  const high = numberField(entry, 'high', name, problems, true);
  const step = numberField(entry, 'step', name, problems, false);
  const log = entry['log'];
  if (log !== undefined && typeof log !== 'boolean') problems.push(`${name}: "log" must be true or false`);
  const grid = entry['grid'];
  if (grid !== undefined && (!Array.isArray(grid) || grid.some((v) => !isFiniteNumber(v)))) {
    problems.push(`${name}: "grid" must be an array of numbers`);
  }
  if (problems.length > before || low === undefined || high === undefined) return undefined;
  const options = { log: log === true, step, grid: grid as number[] | undefined };
  return type === 'int' ? intParam(name, low, high, options) : floatParam(name, low, high, options);
}

function checkNumeric(param: NumericParam, problems: string[]): void {
  const { name, low, high, log, step, grid } = param;
  if (!isFiniteNumber(low) || !isFiniteNumber(high)) {
    problems.push(`${name}: low and high must be finite numbers`);
    return;
  }
  if (low > high) problems.push(`${name}: low ${low} is above high ${high}`);
  if (param.kind === 'int' && (!Number.isInteger(low) || !Number.isInteger(high))) {
    problems.push(`${name}: an int parameter needs integer low and high (got ${low}..${high})`);
  }
  if (log && param.kind === 'float' && low <= 0) {
    problems.push(`${name}: log scale needs low > 0 (got ${low})`);
  }
  if (log && param.kind === 'int' && low < 1) {
    problems.push(`${name}: log scale on an int needs low >= 1 (got ${low})`);
  }
  if (step !== undefined) checkStep(param, step, problems);
  if (grid !== undefined) checkGrid(param, grid, problems);
}

function checkStep(param: NumericParam, step: number, problems: string[]): void {
  const { name, low, high } = param;
  if (!isFiniteNumber(step) || step <= 0) {
    problems.push(`${name}: step must be a positive number (got ${step})`);
    return;
  }
  if (param.kind === 'int' && !Number.isInteger(step))
    problems.push(`${name}: an int step must be an integer`);
  if (param.log && param.kind === 'float') problems.push(`${name}: a log-scale float cannot have a step`);
  if (param.log && param.kind === 'int' && step !== 1) problems.push(`${name}: a log-scale int needs step 1`);
  if (low <= high && !onStep(high, low, step)) {
    // Optuna silently lowers high to the last step; refusing makes the declared bound the real one.
    const k = Math.floor((high - low) / step);
    problems.push(
      `${name}: step ${step} does not divide the range ${low}..${high} (use high ${low + k * step} or ${low + (k + 1) * step})`,
    );
  }
}

function checkGrid(param: NumericParam, grid: readonly number[], problems: string[]): void {
  const { name, low, high, step } = param;
  if (grid.length === 0) problems.push(`${name}: "grid" must list at least one value`);
  if (new Set(grid).size !== grid.length) problems.push(`${name}: "grid" lists a value twice`);
  for (const value of grid) {
    if (!isFiniteNumber(value) || value < low || value > high) {
      problems.push(`${name}: grid value ${value} is outside ${low}..${high}`);
    } else if (param.kind === 'int' && !Number.isInteger(value)) {
      problems.push(`${name}: grid value ${value} is not an integer`);
    } else if (step !== undefined && !onStep(value, low, step)) {
      problems.push(`${name}: grid value ${value} is not on the step ${step} from ${low}`);
    }
  }
}

function checkCategorical(name: string, choices: readonly CategoricalValue[], problems: string[]): void {
  if (choices.length === 0) {
    problems.push(`${name}: "choices" must list at least one value`);
    return;
  }
  for (const choice of choices) {
    const ok = typeof choice === 'string' || typeof choice === 'boolean' || isFiniteNumber(choice);
    if (!ok) problems.push(`${name}: choice ${JSON.stringify(choice)} is not a string, number or boolean`);
  }
  if (new Set(choices).size !== choices.length) problems.push(`${name}: "choices" lists a value twice`);
}

/** True when value = low + k*step for an integer k (to float rounding). */
export function onStep(value: number, low: number, step: number): boolean {
  const k = (value - low) / step;
  return Math.abs(k - Math.round(k)) <= 1e-9 * Math.max(1, Math.abs(k));
}

function numberField(
  entry: Record<string, unknown>,
  key: string,
  name: string,
  problems: string[],
  required: boolean,
): number | undefined {
  const value = entry[key];
  if (value === undefined) {
    if (required) problems.push(`${name}: "${key}" is required`);
    return undefined;
  }
  if (!isFiniteNumber(value)) {
    problems.push(`${name}: "${key}" must be a finite number`);
    return undefined;
  }
  return value;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function spaceError(problems: readonly string[], source: string | undefined): ClairscoreError {
  const where = source === undefined ? 'Invalid search space' : `Invalid search space in ${source}`;
  return new ClairscoreError(
    'CS_ERR_SEARCH_SPACE',
    `${where}; fix these before tuning:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    { problems, ...(source === undefined ? {} : { source }) },
  );
}
