import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { dumpYaml, parseYaml, yamlString, YamlSubsetError } from './yaml.js';
import type { YamlMap } from './yaml.js';

const RUN_META: YamlMap = {
  artifact_uri: 'file:///tmp/ws/mlruns/0/4f1c0e2a9b8d4c7e8f6a5b4c3d2e1f00/artifacts',
  end_time: null,
  entry_point_name: '',
  experiment_id: '0',
  lifecycle_stage: 'active',
  run_id: '4f1c0e2a9b8d4c7e8f6a5b4c3d2e1f00',
  run_name: 'lightgbm cv: fold 1',
  source_type: 4,
  start_time: 1717000000000,
  status: 1,
  tags: [],
  user_id: 'alice',
  deleted_time: null,
};

const MLMODEL: YamlMap = {
  artifact_path: 'model',
  flavors: {
    lightgbm: { code: null, data: 'model.txt', lgb_version: '4.1.0', model_class: 'lightgbm.basic.Booster' },
    python_function: {
      data: 'model.txt',
      env: { conda: 'conda.yaml', virtualenv: 'python_env.yaml' },
      loader_module: 'mlflow.lightgbm',
    },
  },
  utc_time_created: '2024-06-01 12:00:00.123456',
  list_of_maps: [{ b: 1, a: 'x' }, 'plain', [1, 2], {}],
  odd_strings: ['yes', '1.5', '007', "it's", 'a: b', '#hash', '', ' pad', 'é ü', 'line\nbreak', '1e5', '-x'],
  numbers: [0.1, 1e-7, -2.5e20, 3],
};

function python(script: string, input: string): string | undefined {
  const result = spawnSync('python3', ['-c', script], { input, encoding: 'utf8' });
  return result.status === 0 ? result.stdout : undefined;
}

const hasPyYaml = python('import yaml', '') !== undefined;

describe('yaml subset', () => {
  it('sorts keys, quotes strings that would read as other types, keeps sequences under their key', () => {
    const text = dumpYaml(RUN_META);
    expect(text.split('\n').slice(0, 4)).toEqual([
      'artifact_uri: file:///tmp/ws/mlruns/0/4f1c0e2a9b8d4c7e8f6a5b4c3d2e1f00/artifacts',
      'deleted_time: null',
      'end_time: null',
      "entry_point_name: ''",
    ]);
    expect(text).toContain("experiment_id: '0'\n");
    expect(text).toContain("run_name: 'lightgbm cv: fold 1'\n");
    expect(text).toContain('tags: []\n');
    expect(yamlString('2024-06-01 12:00:00.123456')).toBe("'2024-06-01 12:00:00.123456'");
    expect(yamlString('true')).toBe("'true'");
    expect(yamlString('bold-owl-42')).toBe('bold-owl-42');
  });

  it('reads back what it writes', () => {
    expect(parseYaml(dumpYaml(RUN_META))).toEqual(RUN_META);
    const back = parseYaml(dumpYaml(MLMODEL)) as YamlMap;
    expect(back.flavors).toEqual(MLMODEL.flavors);
    expect(back.list_of_maps).toEqual(MLMODEL.list_of_maps);
    expect(back.odd_strings).toEqual(MLMODEL.odd_strings);
    expect(back.numbers).toEqual(MLMODEL.numbers);
  });

  it('refuses what is outside the subset instead of guessing', () => {
    expect(() => parseYaml('a: &anchor 1\nb: *anchor\n')).toThrow(YamlSubsetError);
    expect(() => parseYaml("a: 'unterminated\n")).toThrow(YamlSubsetError);
    expect(() => parseYaml('a: 1\n   b: 2\n')).toThrow(YamlSubsetError);
  });

  it('reads folded long scalars and quoted keys', () => {
    expect(parseYaml("'0': x\nname: a long\n  name folded\nn: -3\n")).toEqual({
      '0': 'x',
      name: 'a long name folded',
      n: -3,
    });
  });

  it.runIf(hasPyYaml)('writes byte for byte what PyYAML safe_dump writes, and PyYAML reads it back', () => {
    const dump =
      'import sys,json,yaml; print(yaml.safe_dump(json.load(sys.stdin), default_flow_style=False, allow_unicode=True, sort_keys=True), end="")';
    // JSON cannot carry Python's float repr choices; PyYAML folds a line break into a single-quoted
    // scalar where we write a double-quoted one (both read the same, checked below).
    const oneLine = (MLMODEL.odd_strings as string[]).filter((text) => !text.includes('\n'));
    const plain = { ...MLMODEL, numbers: [0.1, 3], odd_strings: oneLine };
    for (const map of [RUN_META, plain]) {
      expect(dumpYaml(map)).toBe(python(dump, JSON.stringify(map)));
    }
    const load = 'import sys,json,yaml; print(json.dumps(yaml.safe_load(sys.stdin)))';
    const loaded = JSON.parse(python(load, dumpYaml(MLMODEL)) ?? 'null') as YamlMap;
    expect(loaded.odd_strings).toEqual(MLMODEL.odd_strings);
    expect(loaded.numbers).toEqual(MLMODEL.numbers);
    expect(loaded.utc_time_created).toBe('2024-06-01 12:00:00.123456');
  });
});
