import { writeFileSync } from 'node:fs';
import { buildAuthorNoticeModule } from './author-build.ts';
import { buildConfirmationModule } from './confirmation-build.ts';

/** `npm run build:emails`: re-renders the pre-rendered mails; test/emails/confirmation-mail.test.ts checks they are current. */
const GENERATED_CONFIRMATION = new URL('./generated/confirmation.ts', import.meta.url);

writeFileSync(GENERATED_CONFIRMATION, await buildConfirmationModule());
process.stdout.write(`wrote ${GENERATED_CONFIRMATION.pathname}\n`);

const GENERATED_AUTHOR_NOTICE = new URL('./generated/author-notice.ts', import.meta.url);
writeFileSync(GENERATED_AUTHOR_NOTICE, await buildAuthorNoticeModule());
process.stdout.write(`wrote ${GENERATED_AUTHOR_NOTICE.pathname}\n`);
