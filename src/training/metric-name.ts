/** A candidate's name as a metric-key prefix ("lightgbm (class weights)" -> "lightgbm_class_weights"). */
export function metricName(candidate: string): string {
  return candidate.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');
}
