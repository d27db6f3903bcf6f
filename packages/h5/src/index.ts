export { COPY, type Copy, copyFor, countdown, islandMessages, REASON, reasonText } from './copy.js';
export { createDashboardHandler, type DashboardOptions } from './dashboard/dashboard-handler.js';
export { dashboardSections, renderDashboard } from './dashboard/dashboard-page.js';
export { type IslandConfig, islandScript, runIslands } from './islands.js';
export { LandingPage, type LandingPageProps } from './landing-page.js';
export {
  FRIEND_ACTION,
  type PlayedScene,
  PREVIEW_PEOPLE,
  PREVIEW_ROLES,
  PREVIEW_SIZES,
  type PreviewRole,
  playScene,
  SCENES,
  type Scene,
  type SceneId,
} from './preview/scenes.js';
export { loopLabel, type PrimaryAction, primaryAction } from './primary-action.js';
export { renderDocument } from './render-document.js';
export { formatReport, type ReportBy, type ReportFormat } from './report/format-report.js';
export { simulationReportHtml } from './simulate/simulation-report.js';
export { contrast, type Theme, themeFor } from './theme.js';
