/**
 * `npm run contract:diff`: what of the public promise (../shared/contract/) is still to build,
 * against the contract as implemented in this repository (schema/contract/). Prints the schema
 * differences one per line, then a unified diff of each file. Exits 0 either way: it informs.
 */
import { spawnSync } from 'node:child_process';
import { compareSchemas } from './compare-schemas.js';
import {
  CONTRACT_FILES,
  IMPLEMENTED_CONTRACT_DIR,
  PROMISED_CONTRACT_DIR,
  promisedContractExists,
  readContractSchema,
} from './contract-files.js';

const print = (text: string) => process.stdout.write(`${text}\n`);

if (!promisedContractExists()) {
  print(`No promised contract at ${PROMISED_CONTRACT_DIR}: nothing to compare.`);
  process.exit(0);
}

const promised = await readContractSchema(PROMISED_CONTRACT_DIR);
const implemented = await readContractSchema(IMPLEMENTED_CONTRACT_DIR);
const toBuild = compareSchemas(promised, implemented);

print('== api.graphql: promised, not yet implemented');
print(toBuild.length ? toBuild.map((line) => `  ${line}`).join('\n') : '  nothing');

let identical = true;
for (const file of CONTRACT_FILES) {
  const diff = spawnSync(
    'git',
    ['diff', '--no-index', '--no-color', `${IMPLEMENTED_CONTRACT_DIR}/${file}`, `${PROMISED_CONTRACT_DIR}/${file}`],
    { encoding: 'utf8' },
  );
  if (diff.stdout) {
    identical = false;
    print(`\n== ${file} (- implemented, + promised)`);
    print(diff.stdout.split('\n').slice(4).join('\n'));
  }
}
print(identical ? '\nschema/contract/ is identical to the promised contract.' : '');
