// The card form's default look, injected once per page and scoped to its class names.

const CSS = `
.PaydeskSandboxCard{display:grid;grid-template-columns:1fr 1fr;gap:12px;font:14px system-ui,sans-serif}
.PaydeskSandboxCard-number,.PaydeskSandboxCard-postalCode{grid-column:1 / -1}
.PaydeskSandboxCard:has(> :only-child) > *{grid-column:1 / -1}
.PaydeskSandboxCard-field label{display:block;margin-bottom:4px;color:#30313d}
.PaydeskSandboxCard-field input{box-sizing:border-box;width:100%;padding:10px 12px;border:1px solid #e6e6e6;border-radius:5px;font:inherit;color:#30313d;background:#fff}
.PaydeskSandboxCard-field input:focus{outline:2px solid #0570de;outline-offset:0}
.PaydeskSandboxCard-field input[aria-invalid="true"]{border-color:#df1b41}
.PaydeskSandboxCard-error{margin:4px 0 0;color:#df1b41;font-size:13px}
`;

export function ensureStyles(): void {
  if (document.getElementById('paydesk-sandbox-stripe-styles')) return;
  const style = document.createElement('style');
  style.id = 'paydesk-sandbox-stripe-styles';
  style.textContent = CSS;
  document.head.append(style);
}
