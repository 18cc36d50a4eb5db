import type { LightGbmParams } from '../model/index.js';

/**
 * LightGBM's settings for this problem, close to the strongest public Home Credit kernels
 * (small learning rate, column and row subsampling, L2) but with a larger rate so that a
 * full-size five-fold run stays within minutes on two cores.
 */
export const LIGHTGBM_DEFAULTS: LightGbmParams = {
  objective: 'binary',
  learning_rate: 0.05,
  num_leaves: 31,
  min_data_in_leaf: 100,
  feature_fraction: 0.5,
  bagging_fraction: 0.8,
  bagging_freq: 1,
  lambda_l2: 1,
  max_bin: 255,
};

/**
 * The random-forest baseline: LightGBM's rf boosting (bagged, unshrunk trees averaged), with
 * the usual forest choices: a bootstrap-sized row sample per tree and a third of the columns.
 */
export const RANDOM_FOREST_DEFAULTS: LightGbmParams = {
  objective: 'binary',
  boosting: 'rf',
  num_leaves: 255,
  min_data_in_leaf: 50,
  bagging_fraction: 0.632,
  bagging_freq: 1,
  feature_fraction: 0.33,
};

export const DEFAULT_ROUNDS = 2000;
export const DEFAULT_EARLY_STOPPING = 100;
export const RANDOM_FOREST_TREES = 150;
export const DEFAULT_FOLDS = 5;
export const DEFAULT_SEED = 42;
