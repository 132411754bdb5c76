// The documents module's public surface: what other modules and the app may import (decision 0014).
export { documentsPolicy, registerDocumentRoutes } from "./documents.routes";
export {
  createDocumentService,
  DOCUMENT_EVENTS,
  type DocumentDeps,
  type DocumentService,
} from "./documents.service";
