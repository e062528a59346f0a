/** The Akoma Ntoso export's public use cases: routes, documents of versions and amendments, files for the CLI. */
export { AKN_CONTENT_TYPE, akomaNtosoRoutes } from './aknRoutes.ts';
export { amendmentDocument, type AmendmentDocumentInput, renderAmendment } from './amendmentDocument.ts';
export { billVersionDocument, type BillDocumentInput, renderBillVersion, stepLabel } from './billDocument.ts';
export { institutionName } from './frbr.ts';
export { type AknFilesSummary, amendmentXml, versionXml, writeAkomaNtosoFiles } from './readDocuments.ts';
export { TEXTUAL_MOD_TYPES, textualModificationOf } from './textualMods.ts';
