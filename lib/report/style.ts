/** Styles of the report UI's shadow root (picker banner, highlight box, dialog). */
export const REPORT_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { position: fixed; inset: 0; z-index: 2147483647; pointer-events: none;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
.banner { pointer-events: auto; position: fixed; top: 12px; left: 50%; transform: translateX(-50%);
  max-width: min(680px, calc(100vw - 24px)); display: flex; gap: 12px; align-items: center;
  background: #fff; border: 2px solid #4f52b2; border-radius: 10px; padding: 10px 14px;
  box-shadow: 0 6px 24px rgba(0,0,0,.25); }
.banner:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
.banner p { margin: 0; }
.hl { position: fixed; border: 3px solid #4f52b2; background: rgba(79,82,178,.12); border-radius: 6px;
  display: none; }
.hl.on { display: block; }
.backdrop { pointer-events: auto; position: fixed; inset: 0; background: rgba(0,0,0,.45); }
.dialog { pointer-events: auto; position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%);
  width: min(820px, calc(100vw - 24px)); max-height: calc(100vh - 24px); display: flex; flex-direction: column;
  gap: 10px; background: #fff; border-radius: 12px; padding: 18px 20px; box-shadow: 0 10px 40px rgba(0,0,0,.35); }
.dialog h2 { margin: 0; font-size: 18px; }
.dialog p { margin: 0; }
.meta { color: #57606a; font-size: 13px; }
pre { margin: 0; flex: 1 1 auto; min-height: 120px; overflow: auto; background: #f6f8fa; border: 1px solid #d0d7de;
  border-radius: 8px; padding: 10px; font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  white-space: pre-wrap; word-break: break-all; }
pre:focus, button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.actions { display: flex; gap: 8px; justify-content: flex-end; }
button { font: inherit; cursor: pointer; border-radius: 8px; padding: 7px 14px; border: 1px solid #8c959f;
  background: #fff; color: #1f2328; }
button.primary { background: #4f52b2; border-color: #4f52b2; color: #fff; }
.status:empty { display: none; }
.status { font-weight: 600; }
.status.error { color: #b42318; }
@media (prefers-color-scheme: dark) {
  .layer { color: #e6edf3; }
  .banner, .dialog { background: #1c2128; }
  pre { background: #0d1117; border-color: #30363d; color: #e6edf3; }
  .meta { color: #9da7b3; }
  button { background: #22272e; color: #e6edf3; border-color: #545d68; }
  button.primary { background: #7c7fe0; border-color: #7c7fe0; color: #0d1117; }
  .status.error { color: #ff7b72; }
}
`;
