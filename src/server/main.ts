import { createServer } from './bootstrap';
import { ConfigError, loadConfig } from './config';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const app = await createServer(config);
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: config.database, sampleData: config.sampleData, url: config.publicUrl },
    config.sampleData
      ? 'Living Lab SPBE is running with SAMPLE DATA (data contoh)'
      : 'Living Lab SPBE is running',
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // close() stops accepting connections, waits for in-flight requests, then closes the database.
    const timer = setTimeout(() => {
      app.log.error('shutdown took longer than 25 s; exiting');
      process.exit(1);
    }, 25_000);
    timer.unref();
    // Keep-alive connections of requests that finish during shutdown become idle only later;
    // close them as they do so that close() does not wait for the client's keep-alive timeout.
    const idle = setInterval(() => app.server.closeIdleConnections(), 100);
    idle.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  // Last resorts. A promise nobody awaited that fails (a fire-and-forget mail, a cache load) has
  // left no state half-changed: log it and keep serving. An exception that reached the event loop
  // may have left anything half-done: log it and exit non-zero, so the supervisor (systemd,
  // the container runtime; docs/OPERATIONS.md) starts a clean process.
  process.on('unhandledRejection', (reason) => {
    app.log.error({ err: reason }, 'unhandled promise rejection (kept running)');
  });
  process.on('uncaughtException', (err, origin) => {
    app.log.fatal({ err, origin }, 'uncaught exception: exiting for the supervisor to restart');
    process.exit(70); // EX_SOFTWARE
  });
}

main().catch((err) => {
  console.error('Failed to start Living Lab SPBE:', err);
  process.exit(1);
});
