import { randomUUID } from 'node:crypto';

import { LOG_MODEL_HISTORY_TAG } from './layout.js';
import type { TrackedRun } from './types.js';
import { dumpYaml } from './yaml.js';
import type { YamlMap } from './yaml.js';

/** One input or output column of an MLflow model signature (ColSpec JSON). */
export interface ColumnSpec {
  readonly name?: string;
  readonly type: 'double' | 'float' | 'long' | 'integer' | 'boolean' | 'string';
  readonly required?: boolean;
}

export interface LightgbmModelOptions {
  /** LightGBM's text model (Booster.saveModelToString); MLflow's loader reads it with lgb.Booster(model_file=…). */
  readonly modelText: string;
  /** Run-relative folder of the model (default "model"). */
  readonly artifactPath?: string;
  /** The LightGBM version that wrote the model (default 4.1.0, the one Clairscore builds). */
  readonly lightgbmVersion?: string;
  /** Column specs: a model logged with a signature is checked on load by mlflow.pyfunc. */
  readonly signature?: { readonly inputs: readonly ColumnSpec[]; readonly outputs?: readonly ColumnSpec[] };
  /** Free-form metadata (feature version, threshold…), kept in MLmodel. */
  readonly metadata?: YamlMap;
  /** Clock (tests). */
  readonly now?: () => Date;
}

/** A run that records model history itself (both Clairscore trackers do). */
interface RecordsModels {
  recordLoggedModel(model: YamlMap): Promise<void>;
}

function recordsModels(run: TrackedRun): run is TrackedRun & RecordsModels {
  return typeof (run as Partial<RecordsModels>).recordLoggedModel === 'function';
}

/** datetime.utcnow() as str(): "2024-06-01 12:00:00.123000". */
function pythonUtcNow(date: Date): string {
  return `${date.toISOString().slice(0, 23).replace('T', ' ')}000`;
}

const DATA_FILE = 'model.txt';

/** The MLmodel dict of mlflow.lightgbm.save_model for a Booster (flavors lightgbm + python_function). */
export function lightgbmMlmodel(runId: string, options: LightgbmModelOptions): YamlMap {
  const model: YamlMap = {
    artifact_path: options.artifactPath ?? 'model',
    flavors: {
      lightgbm: {
        code: null,
        data: DATA_FILE,
        lgb_version: options.lightgbmVersion ?? '4.1.0',
        model_class: 'lightgbm.basic.Booster',
      },
      python_function: {
        data: DATA_FILE,
        env: { conda: 'conda.yaml', virtualenv: 'python_env.yaml' },
        loader_module: 'mlflow.lightgbm',
      },
    },
    model_size_bytes: Buffer.byteLength(options.modelText),
    model_uuid: randomUUID().replaceAll('-', ''),
    run_id: runId,
    utc_time_created: pythonUtcNow((options.now ?? (() => new Date()))()),
  };
  if (options.signature) {
    model.signature = {
      inputs: JSON.stringify(options.signature.inputs),
      outputs: options.signature.outputs ? JSON.stringify(options.signature.outputs) : null,
      params: null,
    };
  }
  if (options.metadata) model.metadata = options.metadata;
  return model;
}

/**
 * Logs a LightGBM model as mlflow.lightgbm.log_model (2.x layout) would: `<artifactPath>/MLmodel`,
 * the text model, the Python environment files, and the model appended to the run's
 * mlflow.log-model.history tag, so `mlflow.lightgbm.load_model("runs:/<id>/model")` loads it.
 */
export async function logLightgbmModel(run: TrackedRun, options: LightgbmModelOptions): Promise<YamlMap> {
  const folder = options.artifactPath ?? 'model';
  const model = lightgbmMlmodel(run.runId, options);
  const lgbVersion = options.lightgbmVersion ?? '4.1.0';
  const requirements = ['mlflow', `lightgbm==${lgbVersion}`];
  await run.logArtifact(`${folder}/${DATA_FILE}`, options.modelText);
  await run.logArtifact(`${folder}/requirements.txt`, `${requirements.join('\n')}\n`);
  await run.logArtifact(
    `${folder}/python_env.yaml`,
    dumpYaml({ build_dependencies: ['pip'], dependencies: ['-r requirements.txt'], python: '3.10' }),
  );
  await run.logArtifact(
    `${folder}/conda.yaml`,
    dumpYaml({
      channels: ['conda-forge'],
      dependencies: ['python=3.10', 'pip', { pip: requirements }],
      name: 'mlflow-env',
    }),
  );
  // MLmodel last: a folder with an MLmodel file is a complete model
  await run.logArtifact(`${folder}/MLmodel`, dumpYaml(model));
  if (recordsModels(run)) await run.recordLoggedModel(model);
  else await run.setTags({ [LOG_MODEL_HISTORY_TAG]: JSON.stringify([model]) });
  return model;
}
