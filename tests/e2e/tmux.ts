import { execFileSync, spawnSync } from 'node:child_process';

/** True when tmux can be run here; the terminal tests are skipped (with a note) otherwise. */
export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

/** A real terminal, driven as a person would: type keys, read the screen. */
export class Terminal {
  private readonly socket = `diag-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(command: string, options: { width?: number; height?: number; cwd: string }) {
    this.tmux('new-session', '-d', '-x', String(options.width ?? 100), '-y', String(options.height ?? 40), '-c', options.cwd, `${command}; echo EXIT=$?; sleep 60`);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  screen(): string {
    return this.tmux('capture-pane', '-p');
  }

  /**
   * The screen with the lines the terminal wrapped joined again (capture-pane -J): a line longer
   * than the terminal's width here is text that did not fit and was cut wherever the edge fell.
   */
  joinedScreen(): string {
    return this.tmux('capture-pane', '-p', '-J');
  }

  /** Whether the terminal shows its cursor (inquirer hides it while a prompt is open). */
  cursorVisible(): boolean {
    return this.tmux('display-message', '-p', '#{cursor_flag}').trim() === '1';
  }

  keys(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', key);
  }

  type(text: string): void {
    this.tmux('send-keys', '-l', text);
  }

  /** Waits until the screen shows `text`; fails with the screen as it is after `ms`. */
  async waitFor(text: string | RegExp, ms = 15000): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const screen = this.screen();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() > end) throw new Error(`timed out waiting for ${String(text)}; the screen shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Waits for a screen that shows `text` and a prompt ready for keys (inquirer's `? ` line);
   * keys sent before the prompt listens could land in the previous one.
   */
  async waitForPrompt(text: string, ms = 15000): Promise<string> {
    const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.waitFor(new RegExp(`${escaped}[\\s\\S]*^\\? `, 'm'), ms);
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
