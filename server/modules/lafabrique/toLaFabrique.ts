/**
 * Maps a stored bill back to La Fabrique de la loi's files (the inverse of toBillContent.ts): what was imported
 * comes back as it was read (fields we do not model were kept as metadata and are put back beside the others), and a
 * bill written here gets the same layout from its own steps, versions and amendments. La Fabrique's figures (`stats`,
 * `articles_etapes.json`) are recomputed, never copied.
 */
import type { StoredBillContent, TextContent } from '../bills/index.ts';
import { type ArticleHistory, orderStepsForHistory, procedureOf } from '../history/index.ts';

type Json = Record<string, unknown>;
type Amendment = StoredBillContent['amendments'][number];

/** La Fabrique's three outcomes; everything not adopted or rejected (withdrawn, fallen, pending…) is "non-voté". */
export function laFabriqueSort(status: string): 'adopté' | 'rejeté' | 'non-voté' {
  return status === 'adopted' ? 'adopté' : status === 'rejected' ? 'rejeté' : 'non-voté';
}

/** The amendments La Fabrique lists: every public one (drafts are private), by the step they were tabled at. */
export function amendmentsByStep(content: StoredBillContent): Map<string, Amendment[]> {
  const byStep = new Map<string, Amendment[]>();
  for (const amendment of content.amendments) {
    if (amendment.status === 'draft' || amendment.stepKey === '') continue;
    byStep.set(amendment.stepKey, [...(byStep.get(amendment.stepKey) ?? []), amendment]);
  }
  return byStep;
}

/** `viz/procedure.json`: the dossier, its steps and (recomputed) statistics. */
export function procedureFile(content: StoredBillContent, stats: Json): Json {
  const tabled = amendmentsByStep(content);
  return {
    ...content.metadata,
    id: content.sourceRef ?? content.id,
    long_title: content.title,
    short_title: content.shortTitle,
    law_name: content.lawName,
    loi_dite: content.loiDite,
    proposal_type: content.proposalType,
    beginning: content.beginning,
    end: content.end,
    urgence: content.urgence,
    stats,
    steps: content.steps.map((step) => ({
      ...step.extra,
      directory: step.key,
      stage: step.stage,
      institution: step.institution,
      step: step.kind,
      date: step.date,
      enddate: step.endDate,
      debats_order: step.debatsOrder,
      echec: step.echec,
      decision: step.decision,
      source_url: step.sourceUrl,
      // Steps of a bill written here count what was tabled at them.
      nb_amendements: step.amendmentCount ?? (tabled.get(step.key)?.length || null),
    })),
  };
}

/** `procedure/<step>/texte/texte.json`: the text a step produced; alinéas keyed "001", "002"… in order. */
export function textFile(text: TextContent): Json {
  return {
    type: 'texte',
    ...text.metadata,
    titre: text.title,
    source: text.sourceUrl,
    expose: text.expose,
    sections: text.sections.map((section) => ({
      id: section.key,
      titre: section.title,
      type: 'section',
      type_section: section.type,
      ...(section.newKey === null ? {} : { newid: section.newKey }),
    })),
    articles: text.articles.map((article, index) => ({
      type: 'article',
      titre: article.number,
      order: index + 1,
      ...(article.sectionKey === null ? {} : { section: article.sectionKey }),
      statut: article.status ?? 'none',
      alineas: Object.fromEntries(article.alineas.map((alinea, i) => [String(i + 1).padStart(3, '0'), alinea])),
      liens: article.links,
      ...(article.newNumber === null ? {} : { newtitre: article.newNumber }),
    })),
  };
}

// "Article 2" or "Après l'article 5", as assemblies file them; amendments written here name their article.
const subjectOf = (amendment: Amendment) => amendment.subject || (amendment.articleNumber ? `Article ${amendment.articleNumber}` : 'Ensemble du texte');

const byNumber = (a: Amendment, b: Amendment) => a.number.localeCompare(b.number, 'fr', { numeric: true });

/** The API root the imported amendments' URLs were built from (`<root><id>/json`), if they have one. */
function apiRootOf(amendments: Amendment[]): string | null {
  for (const { sourceId, sourceUrl } of amendments) {
    const suffix = `${sourceId}/json`;
    if (sourceId && sourceUrl?.endsWith(suffix)) return sourceUrl.slice(0, -suffix.length);
  }
  return null;
}

/** `viz/amendements_<step>.json`: a step's amendments by subject, with the political groups they name. */
export function amendmentsFile(content: StoredBillContent, stepKey: string, amendments: Amendment[]): Json {
  const groups = new Map(content.groups.map((group) => [group.code, group]));
  const groupes: Json = {};
  for (const code of new Set(amendments.flatMap((amendment) => (amendment.groupCode ? [amendment.groupCode] : [])))) {
    const group = groups.get(code);
    // La Fabrique writes "" for a group without a page.
    groupes[code] = { nom: group?.name ?? code, color: group?.color ?? null, link: group?.link ?? '', order: group?.displayOrder ?? null };
  }
  const sujets = new Map<string, Amendment[]>();
  for (const amendment of amendments) sujets.set(subjectOf(amendment), [...(sujets.get(subjectOf(amendment)) ?? []), amendment]);
  return {
    id_step: stepKey,
    api_root_url: apiRootOf(amendments),
    groupes,
    sujets: Object.fromEntries(
      [...sujets].map(([subject, listed]) => [
        subject,
        {
          titre: subject,
          order: listed.find((amendment) => amendment.subjectOrder !== null)?.subjectOrder ?? null,
          amendements: [...listed].sort(byNumber).map((amendment) => ({
            numero: amendment.number,
            aut: amendment.authorName,
            groupe: amendment.groupCode,
            sort: laFabriqueSort(amendment.status),
            date: amendment.date,
            id_api: amendment.sourceId,
          })),
        },
      ]),
    ),
  };
}

/**
 * `viz/interventions.json`, from the debate summaries that were imported: sittings, per-division counts and the
 * speakers' names (La Fabrique's per-speaker and per-group details are not kept, so speakers map to `{}`).
 */
export function interventionsFile(content: StoredBillContent): Json | null {
  const debated = content.steps.filter((step) => step.debates !== null);
  if (debated.length === 0) return null;
  return Object.fromEntries(
    debated.map((step) => {
      const debates = step.debates as NonNullable<typeof step.debates>;
      return [
        step.key,
        {
          total_seances: debates.totalSittings,
          orateurs: Object.fromEntries(debates.speakers.map((speaker) => [speaker, {}])),
          divisions: Object.fromEntries(
            debates.divisions.map((division) => [division.title, { order: division.order, total_intervs: division.totalInterventions, total_mots: division.totalWords }]),
          ),
        },
      ];
    }),
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();

/**
 * `viz/articles_etapes.json`: each article's history across steps (recomputed by the history module) and each
 * section's heading at every step La Fabrique follows (transmission dépôts skipped; a failed step as the `echec` section).
 */
export function articlesEtapesFile(content: StoredBillContent, articles: Record<string, ArticleHistory>): Json {
  const byKey = new Map(content.steps.map((step) => [step.key, step]));
  type Heading = { title: string; type: string; newnum?: string };
  const sections: Record<string, Record<string, Heading>> = {};
  const add = (key: string, step: string, entry: Heading) => ((sections[key] ??= {})[step] = entry);
  for (const { directory, stage, echec } of orderStepsForHistory(procedureOf(content)).steps) {
    const text = byKey.get(directory)?.text ?? null;
    if (stage === 'promulgation') continue;
    if (echec) add('echec', directory, { title: text?.expose || echec, type: echec.toUpperCase() });
    else {
      for (const section of text?.sections ?? []) {
        add(section.key, directory, { title: section.title, type: capitalised(section.type), ...(section.newKey ? { newnum: section.newKey } : {}) });
      }
    }
  }
  return { law_title: content.title.charAt(0).toUpperCase() + content.title.slice(1), short_title: content.shortTitle, loi_dite: content.loiDite, sections, articles };
}
