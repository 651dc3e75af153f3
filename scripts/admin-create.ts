// npm run admin:create -- --email admin@example.go.id [--name "Nama"] [--password-stdin]
// Without --password-stdin the password is prompted (hidden) on a terminal, or generated and
// printed once when there is no terminal.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { openConfiguredDatabase, prepareDatabase } from '../src/server/bootstrap';
import { ConfigError, loadConfig } from '../src/server/config';
import { createPlatformAdmin } from '../src/server/modules/admin/admin.service';
import { generatePassword } from '../src/server/platform/crypto';
import { emailSchema, passwordSchema } from '../src/shared/contracts/common';

async function readHidden(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Mute echo: print the prompt once, then nothing for the typed characters.
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  out._writeToOutput = (s: string) => {
    if (s.includes(prompt)) out.output.write(prompt);
  };
  return new Promise((resolve) =>
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string', default: 'Admin Platform' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const email = emailSchema.safeParse(values.email ?? '');
  if (!email.success) {
    console.error('Usage: npm run admin:create -- --email <email> [--name "<name>"] [--password-stdin]');
    process.exit(2);
  }
  let password: string;
  let generated = false;
  if (values['password-stdin']) password = await readStdin();
  else if (process.stdin.isTTY) password = await readHidden('Kata sandi / password (min. 10): ');
  else {
    password = generatePassword();
    generated = true;
  }
  const valid = passwordSchema.safeParse(password);
  if (!valid.success) {
    console.error(valid.error.issues[0]?.message);
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await prepareDatabase(database, config);
    const result = await createPlatformAdmin(database.db, {
      email: email.data,
      name: values.name!,
      password,
    });
    console.log(
      `${result.created ? 'Created' : 'Updated'} platform admin ${email.data} (${config.database}).`,
    );
    if (generated) console.log(`Generated password (shown once): ${password}`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `admin:create failed: ${err.message ?? err}`);
  process.exit(1);
});
