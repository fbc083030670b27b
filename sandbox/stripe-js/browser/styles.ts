// The card form's default look, added once per page and scoped to its class names. A constructed
// stylesheet (not a <style> tag) so a page whose CSP forbids inline styles still gets it.

const CSS = `
.PaydeskSandboxCard{display:grid;grid-template-columns:1fr 1fr;gap:12px;font:14px system-ui,sans-serif}
.PaydeskSandboxCard-number,.PaydeskSandboxCard-postalCode{grid-column:1 / -1}
.PaydeskSandboxCard:has(> :only-child) > *{grid-column:1 / -1}
.PaydeskSandboxCard-field label{display:block;margin-bottom:4px;color:#30313d}
.PaydeskSandboxCard-field input{box-sizing:border-box;width:100%;padding:10px 12px;border:1px solid #e6e6e6;border-radius:5px;font:inherit;color:#30313d;background:#fff}
.PaydeskSandboxCard-field input:focus{outline:2px solid #0570de;outline-offset:0}
.PaydeskSandboxCard-field input[aria-invalid="true"]{border-color:#df1b41}
.PaydeskSandboxCard-error{margin:4px 0 0;min-height:18px;line-height:18px;color:#df1b41;font-size:13px}
`;

let added = false;

export function ensureStyles(): void {
  if (added) return;
  added = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
