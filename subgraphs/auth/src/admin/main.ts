import { loadConfig, type Role } from '@stuffmart/common';
import { adminCommandConfigSchema } from '../config.js';
import { changeRole } from './change-role.js';

// `npm run admin -- grant <email>` / `npm run admin -- revoke <email>`, against DATABASE_URL
// and STUFFMART_NAMESPACE as the services see them.
const COMMANDS: Record<string, Role> = { grant: 'ADMIN', revoke: 'USER' };

const [command = '', email = ''] = process.argv.slice(2);
const role = COMMANDS[command];
if (!role || !email) {
  process.stderr.write('usage: npm run admin -- grant <email> | revoke <email>\n');
  process.exit(2);
}
const changed = await changeRole(loadConfig(adminCommandConfigSchema), email, role);
if (!changed) {
  process.stderr.write(`No user has the e-mail ${email}.\n`);
  process.exit(1);
}
process.stdout.write(
  `${email} is now ${role}; signed-in sessions take the new role at their next refresh (within 15 minutes).\n`,
);
