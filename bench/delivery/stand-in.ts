import { startDynalite, startSes } from '../../infra/local/stand-ins/stand-ins.ts';
import { exitWithParent, say } from './child-process.ts';
import { sesRecorder } from './ses-recorder.ts';

/**
 * One stand-in in its own process (`dynalite` or `ses`), so its work never shares an event loop with the
 * sender being measured. `ses` also starts the recording proxy in front of it.
 */
exitWithParent();
const which = process.argv[2];
if (which === 'dynalite') {
  say({ url: (await startDynalite()).url });
} else if (which === 'ses') {
  const ses = await startSes();
  say({ url: ses.url, recorderUrl: (await sesRecorder(ses.url)).url });
} else {
  throw new Error(`unknown stand-in ${which}`);
}
