/**
 * Runs the launcher's embedded PostgreSQL in a plain Node process (not jest's sandbox, where the
 * ES-module-only package cannot load), driven over stdio by tests/launcher suites:
 *   node -e "require('tests/setup/load-ts.cjs').registerTs(); require(this file)" <dataDir> <port>
 * prints one JSON line {"ready": true, pid, url} (or {"error"}), then stops the server when it
 * reads "stop" and prints {"stopped": true}.
 */
import { createInterface } from 'node:readline';
import { EmbeddedPostgresServer } from '../../api/src/launcher/embedded-postgres';

const [dataDir, port] = process.argv.slice(-2);
const say = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
const notices: string[] = [];

EmbeddedPostgresServer.start({ dataDir: dataDir!, port: Number(port), onNotice: (m) => notices.push(m) }).then(
  (pg) => {
    say({ ready: true, pid: pg.pid, url: pg.url(), notices });
    createInterface({ input: process.stdin }).on('line', (line) => {
      if (line.trim() !== 'stop') return;
      void pg.stop().then(() => {
        say({ stopped: true });
        process.exit(0);
      });
    });
  },
  (error: Error) => {
    say({ error: error.message });
    process.exit(1);
  },
);
