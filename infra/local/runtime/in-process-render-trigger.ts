import type { RenderTrigger } from '../../../shared/ports/render-trigger.ts';
import { type RenderIssueDeps, renderIssue } from '../../../shared/usecases/render-issue.ts';

/** On one machine the render runs in the same process: no size budget to protect there. */
export const inProcessRenderTrigger = (deps: RenderIssueDeps): RenderTrigger => ({
  render: (id, revision) => renderIssue(id, revision, deps),
});
