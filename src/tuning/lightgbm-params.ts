/**
 * Parameter names a LightGBM search space may declare: LightGBM 4.x canonical names of the
 * learning-control and objective parameters worth tuning, plus Clairscore's own knobs.
 * Aliases are refused with the canonical name to use, so one trial never sets the same
 * LightGBM parameter twice under two names (LightGBM would silently keep one of them).
 */
import type { ParamSpec } from './search-space.js';

/** LightGBM 4.x canonical parameter names accepted in a search space. */
export const LIGHTGBM_PARAM_NAMES: readonly string[] = [
  'boosting',
  'data_sample_strategy',
  'num_iterations',
  'learning_rate',
  'num_leaves',
  'max_depth',
  'min_data_in_leaf',
  'min_sum_hessian_in_leaf',
  'bagging_fraction',
  'pos_bagging_fraction',
  'neg_bagging_fraction',
  'bagging_freq',
  'feature_fraction',
  'feature_fraction_bynode',
  'extra_trees',
  'early_stopping_round',
  'max_delta_step',
  'lambda_l1',
  'lambda_l2',
  'linear_lambda',
  'min_gain_to_split',
  'drop_rate',
  'max_drop',
  'skip_drop',
  'xgboost_dart_mode',
  'uniform_drop',
  'top_rate',
  'other_rate',
  'min_data_per_group',
  'max_cat_threshold',
  'cat_l2',
  'cat_smooth',
  'max_cat_to_onehot',
  'path_smooth',
  'max_bin',
  'min_data_in_bin',
  'is_unbalance',
  'scale_pos_weight',
  'sigmoid',
  'boost_from_average',
];

/**
 * Parameters that are Clairscore's, not LightGBM's; the tuning objective maps them.
 * `class_weighting`: 'none' or 'is_unbalance' (LightGBM's is_unbalance, as `train` compares them).
 */
export const CLAIRSCORE_PARAM_NAMES: readonly string[] = ['class_weighting'];

/** Common aliases (LightGBM's own and scikit-learn/XGBoost spellings) -> canonical name. */
export const LIGHTGBM_ALIASES: Readonly<Record<string, string>> = {
  num_iteration: 'num_iterations',
  n_iter: 'num_iterations',
  num_tree: 'num_iterations',
  num_trees: 'num_iterations',
  num_round: 'num_iterations',
  num_rounds: 'num_iterations',
  nrounds: 'num_iterations',
  num_boost_round: 'num_iterations',
  n_estimators: 'num_iterations',
  max_iter: 'num_iterations',
  shrinkage_rate: 'learning_rate',
  eta: 'learning_rate',
  num_leaf: 'num_leaves',
  max_leaves: 'num_leaves',
  max_leaf: 'num_leaves',
  max_leaf_nodes: 'num_leaves',
  min_data_per_leaf: 'min_data_in_leaf',
  min_data: 'min_data_in_leaf',
  min_child_samples: 'min_data_in_leaf',
  min_samples_leaf: 'min_data_in_leaf',
  min_sum_hessian_per_leaf: 'min_sum_hessian_in_leaf',
  min_sum_hessian: 'min_sum_hessian_in_leaf',
  min_hessian: 'min_sum_hessian_in_leaf',
  min_child_weight: 'min_sum_hessian_in_leaf',
  sub_row: 'bagging_fraction',
  subsample: 'bagging_fraction',
  bagging: 'bagging_fraction',
  subsample_freq: 'bagging_freq',
  sub_feature: 'feature_fraction',
  colsample_bytree: 'feature_fraction',
  sub_feature_bynode: 'feature_fraction_bynode',
  colsample_bynode: 'feature_fraction_bynode',
  reg_alpha: 'lambda_l1',
  l1_regularization: 'lambda_l1',
  reg_lambda: 'lambda_l2',
  lambda: 'lambda_l2',
  l2_regularization: 'lambda_l2',
  min_split_gain: 'min_gain_to_split',
  boosting_type: 'boosting',
  boost: 'boosting',
  max_bins: 'max_bin',
  unbalance: 'is_unbalance',
  unbalanced_sets: 'is_unbalance',
  early_stopping_rounds: 'early_stopping_round',
  early_stopping: 'early_stopping_round',
  n_iter_no_change: 'early_stopping_round',
};

/** The values `class_weighting` may take, in the training layer's words. */
export const CLASS_WEIGHTINGS: readonly string[] = ['none', 'is_unbalance'];

const ACCEPTED = new Set([...LIGHTGBM_PARAM_NAMES, ...CLAIRSCORE_PARAM_NAMES]);

/** Why `name` is refused in a LightGBM search space, or undefined when it is accepted. */
export function lightgbmNameProblem(name: string): string | undefined {
  if (ACCEPTED.has(name)) return undefined;
  const canonical = LIGHTGBM_ALIASES[name];
  if (canonical !== undefined) {
    return `'${name}' is an alias: declare it under LightGBM's canonical name '${canonical}'`;
  }
  return `'${name}' is not a LightGBM parameter Clairscore tunes (accepted: ${[...ACCEPTED].join(', ')})`;
}

/** Rules across a LightGBM space's parameters: the class-weighting vocabulary, one way to weight classes. */
export function lightgbmSpaceProblems(params: readonly ParamSpec[]): string[] {
  const problems: string[] = [];
  const weighting = params.find((p) => p.name === 'class_weighting');
  if (weighting === undefined) return problems;
  const allowed = CLASS_WEIGHTINGS.join(', ');
  if (weighting.kind !== 'categorical') {
    problems.push(`class_weighting: declare it categorical with choices ${allowed}`);
  } else {
    for (const choice of weighting.choices) {
      if (typeof choice !== 'string' || !CLASS_WEIGHTINGS.includes(choice)) {
        problems.push(`class_weighting: choice ${JSON.stringify(choice)} is not one of ${allowed}`);
      }
    }
  }
  for (const other of ['is_unbalance', 'scale_pos_weight']) {
    if (params.some((p) => p.name === other)) {
      problems.push(`class_weighting and ${other} both weight the classes: declare only one`);
    }
  }
  return problems;
}
