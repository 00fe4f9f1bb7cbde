import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IScheduleTarget } from 'aws-cdk-lib/aws-scheduler';
import { ScheduleTargetBase, type ScheduleTargetBaseProps } from 'aws-cdk-lib/aws-scheduler-targets';

/**
 * LambdaInvoke, but granting the function's unqualified ARN only: LambdaInvoke's grantInvoke adds `:*`
 * (every version and alias, cdk-nag IAM5), and Scheduler invokes the unqualified ARN.
 */
export class InvokeLatest extends ScheduleTargetBase implements IScheduleTarget {
  private readonly fn: IFunction;

  constructor(fn: IFunction, props: ScheduleTargetBaseProps) {
    super(props, fn.functionArn);
    this.fn = fn;
  }

  protected override addTargetActionToRole(role: IRole): void {
    this.fn.grantInvokeLatestVersion(role);
  }
}
