// Stops `npm test` at once, in one line, when a system package the tests need is missing.
import { existsSync } from 'node:fs';

const needs = [{ path: '/usr/bin/chromium', install: 'apt-get install -y chromium' }];
for (const need of needs) {
  if (!existsSync(need.path)) {
    console.error(`missing ${need.path}: run \`${need.install}\` (or bash .ci/run) first`);
    process.exit(1);
  }
}
