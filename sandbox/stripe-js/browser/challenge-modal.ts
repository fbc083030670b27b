// The in-page 3-D Secure modal: the sandbox's challenge page in an iframe over the merchant's page,
// closed when that page reports the end of the challenge, when the intent leaves `requires_action`,
// or when the customer closes it.

export const CHALLENGE_DONE_MESSAGE = 'paydesk-sandbox:3ds-complete';

export interface ChallengeOptions {
  url: string;
  /** Messages from other origins are ignored. */
  sandboxOrigin: string;
  /** Polled while the modal is open: true once the intent no longer waits for the customer. */
  isSettled(): Promise<boolean>;
}

const POLL_MS = 500;

export function runChallenge({ url, sandboxOrigin, isSettled }: ChallengeOptions): Promise<void> {
  return new Promise((resolve) => {
    const previousFocus = document.activeElement;
    const overlay = document.createElement('div');
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', '3D Secure authentication');
    Object.assign(overlay.style, {
      position: 'fixed',
      inset: '0',
      zIndex: '2147483647',
      background: 'rgba(0, 0, 0, 0.5)',
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
    });
    const panel = document.createElement('div');
    Object.assign(panel.style, { background: '#fff', borderRadius: '8px', padding: '8px', width: 'min(500px, 95vw)', position: 'relative' });
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.setAttribute('aria-label', 'Close 3D Secure authentication');
    Object.assign(close.style, { position: 'absolute', top: '8px', right: '8px' });
    const frame = document.createElement('iframe');
    frame.title = '3D Secure challenge';
    frame.src = url;
    Object.assign(frame.style, { border: '0', width: '100%', height: 'min(600px, 85vh)', marginTop: '32px' });
    panel.append(close, frame);
    overlay.append(panel);
    document.body.append(overlay);

    let finished = false;
    let timer = 0;
    const finish = () => {
      if (finished) return;
      finished = true;
      window.clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      overlay.remove();
      if (previousFocus instanceof HTMLElement) previousFocus.focus();
      resolve();
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== sandboxOrigin) return;
      const data: unknown = event.data;
      if (typeof data === 'object' && data !== null && 'type' in data && data.type === CHALLENGE_DONE_MESSAGE) finish();
    };
    const poll = () => {
      timer = window.setTimeout(() => {
        isSettled()
          .then((settled) => (settled ? finish() : poll()))
          .catch(() => poll());
      }, POLL_MS);
    };
    window.addEventListener('message', onMessage);
    close.addEventListener('click', finish);
    overlay.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') finish();
    });
    poll();
    close.focus();
  });
}
