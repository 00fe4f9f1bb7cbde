import { writeFileSync } from 'node:fs';
import { emailIn } from '../../shared/domain/rendered-email.ts';
import { exitWithParent, say } from '../delivery/child-process.ts';
import { cpuMs, median } from '../stats.ts';
import { issueToRender } from './issue-fixture.ts';

/**
 * One round of the render side, in a fresh process: three renders warm MJML's caches and the JIT, then
 * `renders` are timed (wall clock and CPU). The render is written to `out` for the personalise side.
 */
exitWithParent();
const [out = '', rendersArg = '15'] = process.argv.slice(2);
const { render } = issueToRender();
for (let i = 0; i < 3; i += 1) await render();
const wall: number[] = [];
const cpu: number[] = [];
let rendered = await render();
for (let i = 0; i < Number(rendersArg); i += 1) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  rendered = await render();
  cpu.push(cpuMs(cpuStart));
  wall.push(performance.now() - start);
}
if (out) writeFileSync(out, JSON.stringify(rendered));
say({
  ms: median(wall),
  cpuMs: median(cpu),
  htmlBytes: Buffer.byteLength(emailIn(rendered, 'fr').html.body),
});
process.exit(0);
