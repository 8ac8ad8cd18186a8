/** Snapshot slice for CodePipeline (regional): pipelines and their latest execution. */
import type { Observed } from '../observed.js';

export interface PipelineExecution {
  /** Succeeded | Failed | InProgress | Stopped | Superseded ... */
  readonly status: string | null;
  readonly startedAt: string | null;
  readonly lastUpdatedAt: string | null;
}

export interface Pipeline {
  readonly name: string;
  readonly arn: string;
  readonly pipelineType: string | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  /**
   * codepipeline:ListPipelineExecutions (latest one); null value = never executed; null field = not
   * inspected (more pipelines than CODEPIPELINE_MAX_INSPECTED).
   */
  readonly latestExecution: Observed<PipelineExecution | null> | null;
}

export interface CodePipelineSlice {
  /** codepipeline:ListPipelines. */
  readonly pipelines: Observed<readonly Pipeline[]>;
}
