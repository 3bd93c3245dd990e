/**
 * Position-aware JSON scanning, used only to explain a refused import: where (line, column) a
 * value sits given its JSON path, and where a syntax error is. `JSON.parse` stays the fast path;
 * this runs once over the text when something is wrong. Pure; no dependencies.
 */

/** 1-based line and column of a UTF-16 offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: offset - last };
}

/** A path as issues report it (`['captures', 3, 'note']`) in display form: `captures[3].note` (root: `(file)`). */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(file)';
}

/** A JSON syntax error found by {@link scanJson}, with its offset. */
export class JsonSyntaxError extends SyntaxError {
  override name = 'JsonSyntaxError';
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const WS = /[ \t\n\r]*/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/**
 * Walks JSON text and returns the start offset of the value at each wanted path (display form,
 * see {@link formatPath}) that exists; a key's path points at its value.
 * @throws JsonSyntaxError at the first syntax error, with its offset.
 */
export function scanJson(text: string, wanted: ReadonlySet<string>): Map<string, number> {
  const found = new Map<string, number>();
  let i = 0;
  const ws = () => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const fail = (what: string): never => {
    throw new JsonSyntaxError(i >= text.length ? `unexpected end of file, expected ${what}` : `unexpected ${JSON.stringify(text[i])}, expected ${what}`, Math.min(i, text.length));
  };
  const token = (re: RegExp, what: string): string => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) fail(what);
    i = re.lastIndex;
    return m![0];
  };
  const value = (path: string, depth: number): void => {
    if (depth > 512) fail('less nesting');
    ws();
    if (wanted.has(path || '(file)')) found.set(path || '(file)', i);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        const key = JSON.parse(token(STRING, 'a "key"')) as string;
        ws();
        if (text[i] !== ':') fail('":"');
        i++;
        value(path ? `${path}.${key}` : key, depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail('"," or "}"');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let k = 0; ; k++) {
        value(`${path}[${k}]`, depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail('"," or "]"');
      }
    }
    if (c === '"') return void token(STRING, 'a string');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return void token(NUMBER, 'a number');
    token(LITERAL, 'a value');
  };
  value('', 0);
  ws();
  if (i < text.length) fail('end of file');
  return found;
}
