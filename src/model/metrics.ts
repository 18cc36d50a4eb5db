// rocAuc moved to the evaluation toolkit; this path stays for existing imports.
export { rocAuc } from './evaluation/metrics.js';
