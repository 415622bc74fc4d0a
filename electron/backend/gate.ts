/**
 * Many calls may use the database at once, but a restore must wait until they finish and hold
 * new ones back until the restored file is open again.
 */
export class ExclusiveGate {
  private active = 0;
  private closing: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  async shared<T>(work: () => Promise<T>): Promise<T> {
    while (this.closing) await this.closing;
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      if (this.active === 0) this.drained?.();
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.closing) await this.closing;
    let release: () => void = () => undefined;
    this.closing = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      if (this.active > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      return await work();
    } finally {
      this.closing = null;
      release();
    }
  }
}
