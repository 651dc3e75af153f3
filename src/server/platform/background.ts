import type { FastifyBaseLogger } from 'fastify';

/**
 * Work a request starts but does not wait for (issue 9: forgot-password answered in 5.4 ms for an
 * unknown email and 15.8 ms for a real one, because the real one wrote a token and a mail
 * inline). A task runs after the current turn of the event loop, so the reply goes out first; its
 * failure is logged, never thrown into the process; close() waits for the tasks still running so
 * the database is not closed under them.
 */
export type Background = {
  run: (name: string, task: () => Promise<unknown>) => void;
  /** Resolves when every task started so far has finished. */
  drain: () => Promise<void>;
};

export function createBackground(log: FastifyBaseLogger): Background {
  const running = new Set<Promise<void>>();
  return {
    run(name, task) {
      const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(task)
        .then(
          () => undefined,
          (err: unknown) => log.error({ err, task: name }, 'background task failed'),
        )
        .finally(() => running.delete(done));
      running.add(done);
    },
    async drain() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
