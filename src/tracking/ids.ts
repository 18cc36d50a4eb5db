import { randomInt, randomUUID } from 'node:crypto';

/** A run id as MLflow makes one: uuid4().hex. */
export function newRunId(): string {
  return randomUUID().replaceAll('-', '');
}

/** An experiment id as FileStore makes one: the last 18 digits of a uuid4 integer, no leading zero. */
export function newExperimentId(): string {
  const digits = BigInt(`0x${newRunId()}`).toString().slice(-18).padStart(18, '0');
  return digits.startsWith('0') ? `1${digits.slice(1)}` : digits;
}

const PREDICATES = [
  'able',
  'bold',
  'brave',
  'calm',
  'clever',
  'eager',
  'fair',
  'fleet',
  'glad',
  'keen',
  'kind',
  'lucky',
  'merry',
  'neat',
  'noble',
  'proud',
  'quick',
  'sly',
  'smart',
  'swift',
  'tidy',
  'wise',
];
const NOUNS = [
  'ant',
  'bass',
  'bat',
  'bee',
  'cat',
  'colt',
  'crab',
  'crow',
  'deer',
  'dove',
  'elk',
  'fox',
  'gnu',
  'hare',
  'hen',
  'jay',
  'lark',
  'lynx',
  'mole',
  'owl',
  'ram',
  'seal',
  'wolf',
  'yak',
];

/** A random run name as MLflow's name_utils makes one: predicate-noun-number, at most 20 characters. */
export function randomRunName(): string {
  const pick = (words: readonly string[]): string => words[randomInt(words.length)] as string;
  return `${pick(PREDICATES)}-${pick(NOUNS)}-${randomInt(1000)}`;
}
