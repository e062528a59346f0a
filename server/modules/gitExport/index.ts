/** The git export's public use cases: the bundle route, and writing a bill's repository for the command line. */
export { EXPORT_TIME_LIMIT_MS, withGitBundle, writeGitRepository } from './gitExport.ts';
export { GIT_BUNDLE_CONTENT_TYPE, gitExportRoutes } from './gitRoutes.ts';
export { articlePath, isDeletedStatus } from './layout.ts';
