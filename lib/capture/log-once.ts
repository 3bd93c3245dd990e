/**
 * A logger that reports each distinct error once, with context (docs/architecture.md 6.9 rule 4):
 * the site id and page URL, plus a hint on where to report it. "Extension context invalidated" is
 * expected after an update and stays quiet.
 */
export function createLogOnce(
  sink: ((message: string, err: unknown) => void) | undefined,
  context: () => string,
): (what: string, err: unknown) => void {
  const seen = new Set<string>();
  return (what, err) => {
    const msg = err instanceof Error ? err.message : String(err);
    if (/context invalidated/i.test(msg)) return;
    const id = `${what}|${msg}|${err instanceof Error ? (err.stack ?? '').split('\n', 3).join('|') : ''}`;
    if (seen.has(id)) return;
    seen.add(id);
    let where = '';
    try {
      where = context();
    } catch {
      // context is best effort
    }
    const line = `[Satchel] ${what} (${where}). Please report this with the page address if it keeps happening.`;
    if (sink) sink(line, err);
    else console.warn(line, err);
  };
}
