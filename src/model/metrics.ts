/**
 * ROC AUC by ranks (Mann-Whitney U), ties sharing their average rank: the probability that a
 * random positive scores above a random negative. NaN when one class is absent.
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = labels.length;
  if (scores.length !== n) throw new Error(`rocAuc: ${n} labels but ${scores.length} scores`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k]!]! > 0.5) {
        positives++;
        positiveRankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
