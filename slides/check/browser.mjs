// A headless Chromium driven over the DevTools protocol through a pipe (no port, no
// WebSocket, no npm package): open a page, watch every request it makes, evaluate
// JavaScript in it, print it to PDF, take screenshots.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome'];

function findChromium() {
  for (const dir of (process.env.PATH || '').split(':')) {
    for (const name of CANDIDATES) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here: try the next place
      }
    }
  }
  throw new Error('Chromium is not installed (Debian: apt-get install -y chromium)');
}

export class Browser {
  static async launch() {
    const profile = mkdtempSync(join(tmpdir(), 'slides-chromium-'));
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      // Chromium's own calls home (updates, sign-in) are not the decks' business: off.
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-default-apps', '--no-pings', '--disable-domain-reliability',
      // Every host name fails to resolve: nothing a deck asks for can leave the machine.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      `--user-data-dir=${profile}`, '--hide-scrollbars', '--window-size=1280,800',
      '--remote-debugging-pipe', 'about:blank',
    ];
    // fd 3: we write commands; fd 4: Chromium writes answers and events.
    const child = spawn(findChromium(), args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    const browser = new Browser(child, profile);
    await browser.attach();
    return browser;
  }

  constructor(child, profile) {
    this.child = child;
    this.profile = profile;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    let buffered = '';
    child.stdio[4].on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      let end;
      // Messages are JSON, each ended by a NUL byte.
      while ((end = buffered.indexOf('\0')) >= 0) {
        this.dispatch(JSON.parse(buffered.slice(0, end)));
        buffered = buffered.slice(end + 1);
      }
    });
    child.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error('Chromium exited'));
      this.pending.clear();
    });
  }

  dispatch(message) {
    if (message.id && this.pending.has(message.id)) {
      const { resolve, reject, method } = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  send(method, params = {}, sessionId = this.sessionId, timeoutMs = 30000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (value) => { clearTimeout(timer); resolve(value); },
        reject: (error) => { clearTimeout(timer); reject(error); },
      });
      const message = { id, method, params };
      if (sessionId) message.sessionId = sessionId;
      this.child.stdio[3].write(JSON.stringify(message) + '\0');
    });
  }

  async attach() {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' }, null);
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true }, null);
    this.sessionId = sessionId;
    this.requests = [];
    this.failures = [];
    const urls = new Map();
    this.listeners.push((message) => {
      if (message.sessionId !== sessionId) return;
      if (message.method === 'Network.requestWillBeSent') {
        urls.set(message.params.requestId, message.params.request.url);
        this.requests.push(message.params.request.url);
      } else if (message.method === 'Network.loadingFailed') {
        const url = urls.get(message.params.requestId) || '?';
        this.failures.push(`${url}: ${message.params.errorText}`);
      }
    });
    await this.send('Page.enable');
    await this.send('Network.enable');
    await this.send('Emulation.setDeviceMetricsOverride',
      { width: 1280, height: 800, deviceScaleFactor: 1, mobile: false });
  }

  /**
   * Loads url. Returns every URL the page requested while loading and for settleMs after,
   * and the requests that failed (a missing file, a host that does not resolve).
   */
  async open(url, settleMs = 500) {
    this.requests = [];
    this.failures = [];
    const loaded = new Promise((resolve) => {
      this.listeners.push((message) => {
        if (message.sessionId === this.sessionId && message.method === 'Page.loadEventFired') resolve();
      });
    });
    await this.send('Page.navigate', { url });
    await withDeadline(loaded, 30000, `${url} did not finish loading`);
    await sleep(settleMs); // late requests: fonts, lazy images, plugins
    return { requests: [...this.requests], failures: [...this.failures] };
  }

  /**
   * Presses `s` on the open deck and returns the text the speaker view shows in its notes
   * box, or null when no speaker view opened within deadlineMs. Closes the view again.
   */
  async speakerNotes(deadlineMs = 15000) {
    const opened = [];
    this.listeners.push((message) => {
      if (message.method === 'Target.targetCreated' && message.params.targetInfo.type === 'page') {
        opened.push(message.params.targetInfo.targetId);
      }
    });
    await this.send('Target.setDiscoverTargets', { discover: true }, null);
    const key = { key: 's', code: 'KeyS', windowsVirtualKeyCode: 83 };
    await this.send('Input.dispatchKeyEvent', { type: 'keyDown', text: 's', ...key });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
    const end = Date.now() + deadlineMs;
    // Leaves when the speaker view shows notes, or at the deadline.
    while (Date.now() < end) {
      await sleep(200);
      for (const targetId of opened) {
        const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true }, null);
        const { result } = await this.send('Runtime.evaluate', {
          expression: `document.title.includes('Speaker View')
            && document.querySelector('.speaker-controls-notes .value')?.textContent.trim()`,
          returnByValue: true,
        }, sessionId);
        if (result.value) {
          await this.send('Target.closeTarget', { targetId }, null);
          return result.value;
        }
      }
    }
    return null;
  }

  async evaluate(expression) {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text}`);
    return result.value;
  }

  /** Polls expression until it is true; false when deadlineMs passes first. */
  async waitFor(expression, deadlineMs = 20000) {
    const end = Date.now() + deadlineMs;
    // Leaves when the page says yes, or at the deadline.
    while (Date.now() < end) {
      if (await this.evaluate(expression)) return true;
      await sleep(100);
    }
    return false;
  }

  async pdf() {
    const { data } = await this.send('Page.printToPDF',
      { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false }, undefined, 60000);
    return Buffer.from(data, 'base64');
  }

  async screenshot() {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' });
    return Buffer.from(data, 'base64');
  }

  async close() {
    const exited = new Promise((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', resolve);
    });
    try {
      await this.send('Browser.close', {}, null, 5000);
      await withDeadline(exited, 10000, 'Chromium did not exit');
    } catch {
      this.child.kill('SIGKILL'); // it did not listen: end it
      await exited;
    }
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 5 });
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withDeadline(promise, ms, message) {
  let timer;
  const deadline = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
