/**
 * The YAML subset MLflow's file store uses, written as PyYAML's
 * `safe_dump(default_flow_style=False, sort_keys=True)` writes it, and read back tolerantly.
 * No yaml package is a dependency; anchors, tags, block scalars and multi-document streams are
 * ruled out because MLflow never writes them in meta.yaml or MLmodel.
 */

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };
export type YamlMap = { [key: string]: YamlValue };

// PyYAML's implicit resolvers (YAML 1.1): a plain scalar matching one of these is not a string,
// so a string that looks like one must be quoted (experiment_id: '0').
const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/;
const PLAIN_SAFE = /^(?:[\p{L}\p{N}_./(]|-(?! ))[^\n\r\t#]*$/u;

function resolvesToNonString(text: string): boolean {
  return (
    BOOL.test(text) ||
    INT.test(text) ||
    FLOAT.test(text) ||
    NULL.test(text) ||
    TIMESTAMP.test(text) ||
    text === '='
  );
}

/** A string as PyYAML's SafeDumper would write it: plain when unambiguous, else quoted. */
export function yamlString(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u2028\u2029\ufeff]/u.test(text)) return JSON.stringify(text);
  const plain =
    PLAIN_SAFE.test(text) &&
    !text.endsWith(' ') &&
    !text.endsWith(':') &&
    !text.includes(': ') &&
    !text.includes(' #') &&
    !resolvesToNonString(text);
  return plain ? text : `'${text.replaceAll("'", "''")}'`;
}

function yamlNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  if (Number.isSafeInteger(value)) return value.toFixed(0);
  // past 2^53 a double is written as a float, in exponent form as Python's repr does from 1e16
  const text = Math.abs(value) >= 1e16 ? value.toExponential() : String(value);
  // Python's repr writes 1e-07 where JS writes 1e-7; PyYAML then adds '.0' so it reads as a float.
  return text.includes('.') || !text.includes('e') ? text : text.replace('e', '.0e');
}

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return yamlNumber(value);
  return yamlString(value);
}

function isMap(value: YamlValue): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmptyCollection(value: YamlValue): boolean {
  return (Array.isArray(value) && value.length === 0) || (isMap(value) && Object.keys(value).length === 0);
}

function inline(value: YamlValue): string {
  if (Array.isArray(value)) return '[]';
  if (isMap(value)) return '{}';
  return scalar(value);
}

function dumpMap(map: YamlMap, indent: string, out: string[]): void {
  for (const key of Object.keys(map).sort()) {
    const value = map[key] as YamlValue;
    const head = `${indent}${yamlString(key)}:`;
    if (isEmptyCollection(value) || !(Array.isArray(value) || isMap(value))) {
      out.push(`${head} ${inline(value)}`);
    } else if (Array.isArray(value)) {
      out.push(head);
      dumpSequence(value, indent, out); // PyYAML does not indent a sequence under its key
    } else {
      out.push(head);
      dumpMap(value, `${indent}  `, out);
    }
  }
}

function dumpSequence(items: readonly YamlValue[], indent: string, out: string[]): void {
  for (const item of items) {
    if (isMap(item) && !isEmptyCollection(item)) {
      const lines: string[] = [];
      dumpMap(item, `${indent}  `, lines);
      out.push(`${indent}- ${(lines[0] as string).slice(indent.length + 2)}`, ...lines.slice(1));
    } else if (Array.isArray(item) && item.length > 0) {
      const lines: string[] = [];
      dumpSequence(item, `${indent}  `, lines);
      out.push(`${indent}- ${(lines[0] as string).slice(indent.length + 2)}`, ...lines.slice(1));
    } else {
      out.push(`${indent}- ${inline(item)}`);
    }
  }
}

/** A mapping as block-style YAML with sorted keys, ending with a newline. */
export function dumpYaml(map: YamlMap): string {
  const out: string[] = [];
  dumpMap(map, '', out);
  return out.length === 0 ? '{}\n' : `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading

interface Line {
  readonly indent: number;
  readonly text: string;
  readonly number: number;
}

/** Thrown for text outside the subset; callers treat the file as unreadable. */
export class YamlSubsetError extends Error {
  constructor(message: string, line: number) {
    super(`${message} (line ${line})`);
    this.name = 'YamlSubsetError';
  }
}

function resolvePlain(text: string): YamlValue {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return /^(?:yes|true|on)$/i.test(text);
  // an int beyond 2^53 (an unquoted 18-digit experiment id) keeps its digits as a string
  if (/^[-+]?(?:0|[1-9][0-9]*)$/.test(text)) return Number.isSafeInteger(Number(text)) ? Number(text) : text;
  if (FLOAT.test(text) && !text.includes(':')) {
    const lower = text.toLowerCase().replaceAll('_', '');
    if (lower.endsWith('.nan')) return Number.NaN;
    if (lower.endsWith('.inf')) return lower.startsWith('-') ? -Infinity : Infinity;
    return Number(lower);
  }
  return text;
}

function unescapeDouble(body: string, line: number): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, code: string) => {
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      '0': '\0',
      '"': '"',
      '\\': '\\',
      '/': '/',
    };
    if (code in simple) return simple[code] as string;
    if (code === ' ') return ' ';
    if (/^[xuU]/.test(code)) return String.fromCodePoint(parseInt(code.slice(1), 16));
    if (code === 'b') return '\b';
    if (code === 'e') return '\u001b';
    throw new YamlSubsetError(`unknown escape \\${code}`, line);
  });
}

/** Splits a flow sequence body on top-level commas (quotes respected). */
function splitFlow(body: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i] as string;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === ',') {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

function parseInline(raw: string, line: number): YamlValue {
  const text = raw.trim();
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) throw new YamlSubsetError('unterminated quote', line);
    return text.slice(1, -1).replaceAll("''", "'");
  }
  if (text.startsWith('"')) {
    if (!text.endsWith('"') || text.length < 2) throw new YamlSubsetError('unterminated quote', line);
    return unescapeDouble(text.slice(1, -1), line);
  }
  if (text === '{}') return {};
  if (text.startsWith('[') && text.endsWith(']')) {
    return splitFlow(text.slice(1, -1)).map((part) => parseInline(part, line));
  }
  if (/^[[{&*!|>%@`]/.test(text)) throw new YamlSubsetError(`unsupported YAML: ${text.slice(0, 20)}`, line);
  return resolvePlain(text);
}

/** Index of the ':' ending a mapping key on this line, or -1. */
function keyEnd(text: string): number {
  let i = 0;
  if (text.startsWith("'") || text.startsWith('"')) {
    const quote = text[0] as string;
    i = 1;
    while (i < text.length) {
      if (text[i] === quote && !(quote === "'" && text[i + 1] === "'")) break;
      i += text[i] === quote || (quote === '"' && text[i] === '\\') ? 2 : 1;
    }
    i += 1;
  }
  for (; i < text.length; i += 1) {
    if (text[i] === ':' && (i + 1 === text.length || text[i + 1] === ' ')) return i;
  }
  return -1;
}

class Parser {
  private index = 0;
  constructor(private readonly lines: readonly Line[]) {}

  parseDocument(): YamlValue {
    if (this.lines.length === 0) return null;
    const first = this.lines[0] as Line;
    if (this.lines.length === 1 && keyEnd(first.text) < 0 && !first.text.startsWith('- ')) {
      return parseInline(first.text, first.number);
    }
    const value = this.parseBlock(first.indent);
    const rest = this.lines[this.index];
    if (rest) throw new YamlSubsetError('unexpected indentation', rest.number);
    return value;
  }

  private parseBlock(indent: number): YamlValue {
    const first = this.lines[this.index] as Line;
    return first.text === '-' || first.text.startsWith('- ')
      ? this.parseSequence(indent)
      : this.parseMap(indent);
  }

  private parseSequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (let line = this.lines[this.index]; line; line = this.lines[this.index]) {
      if (line.indent !== indent || !(line.text === '-' || line.text.startsWith('- '))) break;
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        this.index += 1;
        items.push(this.nestedValue(indent));
      } else {
        // "- key: value" opens a map whose keys sit two columns further in.
        const child: Line = { indent: indent + line.text.indexOf(rest), text: rest, number: line.number };
        (this.lines as Line[])[this.index] = child;
        if (rest === '-' || rest.startsWith('- ')) items.push(this.parseSequence(child.indent));
        else items.push(keyEnd(rest) >= 0 ? this.parseMap(child.indent) : this.scalarLine(child));
      }
    }
    return items;
  }

  private parseMap(indent: number): YamlMap {
    const map: YamlMap = {};
    for (let line = this.lines[this.index]; line; line = this.lines[this.index]) {
      if (line.indent < indent) break;
      if (line.indent > indent) throw new YamlSubsetError('unexpected indentation', line.number);
      const end = keyEnd(line.text);
      if (end < 0) throw new YamlSubsetError('expected "key: value"', line.number);
      const key = String(parseInline(line.text.slice(0, end), line.number));
      const rest = line.text.slice(end + 1).trim();
      if (rest === '') {
        this.index += 1;
        map[key] = this.nestedValue(indent, true);
      } else {
        map[key] = this.scalarLine({ indent: line.indent, text: rest, number: line.number });
      }
    }
    return map;
  }

  /** The block under a "key:" or "-" line; a sequence may sit at the key's own indent. */
  private nestedValue(indent: number, sequenceMaySitLevel = false): YamlValue {
    const next = this.lines[this.index];
    if (!next) return null;
    const isItem = next.text === '-' || next.text.startsWith('- ');
    if (next.indent > indent || (sequenceMaySitLevel && next.indent === indent && isItem)) {
      return this.parseBlock(next.indent);
    }
    return null;
  }

  /** A scalar, joined with its continuation lines (PyYAML folds long scalars at 80 columns). */
  private scalarLine(line: Line): YamlValue {
    this.index += 1;
    let text = line.text;
    const quote = text.startsWith("'") || text.startsWith('"') ? (text[0] as string) : '';
    for (
      let next = this.lines[this.index];
      next && next.indent > line.indent;
      next = this.lines[this.index]
    ) {
      if (!quote && (keyEnd(next.text) >= 0 || next.text.startsWith('- '))) break;
      text = `${text} ${next.text}`;
      this.index += 1;
    }
    return parseInline(text, line.number);
  }
}

/** Parses the YAML subset above; throws YamlSubsetError on anything else. */
export function parseYaml(source: string): YamlValue {
  const lines: Line[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#') || text === '---' || text === '...') return;
    lines.push({ indent: raw.length - raw.trimStart().length, text, number: i + 1 });
  });
  return new Parser(lines).parseDocument();
}
