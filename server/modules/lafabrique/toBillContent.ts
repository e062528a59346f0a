/**
 * Maps validated La Fabrique files to our BillContent. Fields we do not model are kept, as given, in
 * the metadata of the bill, step or text they came with.
 */
import type { AmendmentContent, AmendmentStatus, BillContent, StepContent, TextContent } from '../bills/index.ts';
import type { AmendmentsFile, ProcedureFile, TextFile } from './files.ts';
import type { LaFabriqueBill } from './readBill.ts';

// La Fabrique normalises outcomes to three values; "non-voté" merges withdrawn, fallen, not moved, inadmissible.
const outcomeOf: Record<string, AmendmentStatus> = { adopté: 'adopted', rejeté: 'rejected', 'non-voté': 'not_voted' };

/** The bill described by La Fabrique's files. */
export function toBillContent(bill: LaFabriqueBill): BillContent {
  const { procedure } = bill;
  const {
    id,
    long_title,
    short_title,
    law_name,
    loi_dite,
    proposal_type,
    beginning,
    end,
    urgence,
    steps,
    stats: _stats, // recomputed from the data, never trusted from the file
    ...metadata
  } = procedure;
  return {
    sourceRef: id,
    title: long_title,
    shortTitle: short_title,
    lawName: law_name ?? null,
    loiDite: loi_dite ?? null,
    proposalType: proposal_type ?? null,
    beginning: beginning ?? null,
    end: end ?? null,
    urgence: urgence ?? false,
    metadata,
    steps: steps.map((step) => toStep(step, bill)),
    groups: toGroups(bill.amendments),
    amendments: [...bill.amendments].flatMap(([directory, file]) => toAmendments(directory, file)),
  };
}

function toStep(step: ProcedureFile['steps'][number], bill: LaFabriqueBill): StepContent {
  const { directory, stage, institution, step: kind, date, enddate, debats_order, echec, decision, source_url, nb_amendements, ...extra } = step;
  const text = bill.texts.get(directory);
  const debates = bill.interventions?.[directory];
  return {
    key: directory,
    stage,
    institution,
    kind: kind ?? null,
    date: date ?? null,
    endDate: enddate ?? null,
    debatsOrder: debats_order ?? null,
    echec: echec ?? null,
    decision: decision ?? null,
    sourceUrl: source_url ?? null,
    amendmentCount: nb_amendements ?? null,
    extra,
    text: text ? toText(text) : null,
    debates: debates
      ? {
          totalSittings: debates.total_seances,
          speakers: Object.keys(debates.orateurs),
          divisions: Object.entries(debates.divisions).map(([title, division]) => ({
            title,
            order: division.order,
            totalInterventions: division.total_intervs,
            totalWords: division.total_mots,
          })),
        }
      : null,
  };
}

function toText(file: TextFile): TextContent {
  const { titre, source, expose, sections, articles, ...metadata } = file;
  return {
    title: titre ?? '',
    sourceUrl: source ?? null,
    expose: expose ?? '',
    metadata,
    sections: sections.map((section) => ({ key: section.id, title: section.titre, type: section.type_section, newKey: section.newid ?? null })),
    // Alinéas are keyed "001", "002"…: their order is the order of the keys.
    articles: [...articles]
      .sort((a, b) => a.order - b.order)
      .map((article) => ({
        number: article.titre,
        sectionKey: article.section ?? null,
        status: article.statut ?? null,
        alineas: Object.keys(article.alineas)
          .sort()
          .map((key) => article.alineas[key] as string),
        links: article.liens,
        newNumber: article.newtitre ?? null,
      })),
  };
}

function toGroups(files: Map<string, AmendmentsFile>): BillContent['groups'] {
  const groups = new Map<string, BillContent['groups'][number]>();
  for (const file of files.values()) {
    for (const [code, group] of Object.entries(file.groupes)) {
      groups.set(code, { code, name: group.nom, color: group.color ?? null, link: group.link || null, displayOrder: group.order ?? null });
    }
  }
  return [...groups.values()];
}

const ARTICLE_SUBJECT = /^Article\s+(.+)$/i;

function toAmendments(directory: string, file: AmendmentsFile): AmendmentContent[] {
  // The parliamentary sites' API gives the full amendment at <api_root_url><id>/json.
  const urlOf = (id: string | null | undefined) => (file.api_root_url && id ? `${file.api_root_url}${id}/json` : null);
  return Object.entries(file.sujets).flatMap(([subject, { order, amendements }]) =>
    amendements.map((amendment) => ({
      stepKey: directory,
      number: amendment.numero,
      authorName: amendment.aut,
      groupCode: amendment.groupe ?? null,
      status: outcomeOf[amendment.sort] ?? 'not_voted',
      subject,
      subjectOrder: order ?? null,
      // "Article 2" targets article 2; "Après l'article 5" proposes a new article, so it targets none.
      articleNumber: ARTICLE_SUBJECT.exec(subject)?.[1]?.trim() ?? null,
      date: amendment.date ?? null,
      sourceId: amendment.id_api ?? null,
      sourceUrl: urlOf(amendment.id_api),
    })),
  );
}
