import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailCatcher {
  /** Put in SMTP_URL: the app sends real SMTP to this in-process server. */
  url: string;
  messages: ParsedMail[];
  /** Resolves with the first message (already received or still to come) to `to`. */
  waitFor(to: string, timeoutMs?: number): Promise<ParsedMail>;
  /** Resolves with the first message to `to` whose subject contains `subject`. */
  waitForAbout(to: string, subject: string, timeoutMs?: number): Promise<ParsedMail>;
  /** Stops listening (connections are refused, as from a dead mail server); `start` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const recipients = (mail: ParsedMail) =>
  [mail.to]
    .flat()
    .flatMap((address) => address?.value ?? [])
    .map((value) => value.address?.toLowerCase());

/** A real SMTP server in the test process, so tests read the mail the app really sends. */
export async function startMailCatcher(): Promise<MailCatcher> {
  const messages: ParsedMail[] = [];
  const waiters: Array<() => void> = [];
  const listen = async (port: number) => {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, done) {
        simpleParser(stream)
          .then((mail) => {
            messages.push(mail);
            for (const wake of waiters.splice(0)) wake();
            done();
          })
          .catch(done);
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return server;
  };
  let server: SMTPServer | null = await listen(0);
  const { port } = server.server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = server;
      server = null;
      if (running) running.close(() => resolve());
      else resolve();
    });
  async function waitForAbout(to: string, subject: string, timeoutMs = 10_000): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(
        (mail) => recipients(mail).includes(to.toLowerCase()) && (mail.subject ?? '').includes(subject),
      );
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No mail to ${to} about "${subject}" within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (to, timeoutMs) => waitForAbout(to, '', timeoutMs),
    waitForAbout,
    stop,
    async start() {
      server ??= await listen(port);
    },
    close: stop,
  };
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): URL {
  const match = (mail.text ?? '').match(/https?:\/\/\S+/g)?.find((link) => link.startsWith(prefix));
  if (!match) throw new Error(`No link starting with ${prefix} in: ${mail.text}`);
  return new URL(match);
}
