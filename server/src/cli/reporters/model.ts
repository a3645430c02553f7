import type { Finding } from '../../analysis/finding';
import type { TargetStatus } from '../../analysis/status';
import type { FileModel } from '../../analysis/model';

/** What every reporter receives for one checked file. */
export interface CheckedFile {
  path: string;
  text: string;
  findings: Finding[];
  model?: FileModel;
  statuses?: TargetStatus[];
}
