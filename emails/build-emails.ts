import { writeFileSync } from 'node:fs';
import { buildConfirmationModule } from './confirmation-build.ts';

/** `npm run build:emails`: re-renders the pre-rendered mails; test/emails/confirmation-mail.test.ts checks they are current. */
const GENERATED_CONFIRMATION = new URL('./generated/confirmation.ts', import.meta.url);

writeFileSync(GENERATED_CONFIRMATION, await buildConfirmationModule());
process.stdout.write(`wrote ${GENERATED_CONFIRMATION.pathname}\n`);
