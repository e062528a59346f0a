/**
 * The demo bill shown on a first embedded start. Its text is written for this project (it is not
 * copied from any real bill): a short, plausible bill with three versions across three steps.
 */
import type { ArticleContent, BillContent, StepContent } from '../bills/index.ts';

/** The demo bill's source reference, which makes seeding idempotent. */
export const DEMO_SOURCE_REF = 'demo-algorithmes-publics';

const article = (number: string, alineas: string[], status: string | null = null): ArticleContent => ({
  number,
  sectionKey: null,
  status,
  alineas,
  links: [],
  newNumber: null,
});

const depotArticles = [
  article('1er', [
    'Toute administration qui fonde une décision individuelle sur un traitement algorithmique en informe la personne concernée.',
    'Cette information précise la finalité du traitement et les principales règles qui le définissent.',
  ]),
  article('2', [
    "Les administrations publient en ligne la liste des traitements algorithmiques qu'elles utilisent pour prendre des décisions individuelles.",
  ]),
  article('3', ["Un décret en Conseil d'État fixe les modalités d'application de la présente loi."]),
];

const commissionArticles = [
  article('1er', [
    'Toute administration qui fonde, même en partie, une décision individuelle sur un traitement algorithmique en informe la personne concernée.',
    'Cette information, rédigée dans un langage clair, précise la finalité du traitement, les données utilisées et les principales règles qui le définissent.',
  ]),
  article(
    '1er bis',
    [
      'Le code source des traitements mentionnés à l’article 1er est communiqué à toute personne qui en fait la demande, dans un format ouvert.',
    ],
    'nouveau',
  ),
  article('2', [
    "Les administrations publient en ligne la liste des traitements algorithmiques qu'elles utilisent pour prendre des décisions individuelles.",
    'Cette liste est mise à jour au moins une fois par an.',
  ]),
  article('3', ["Un décret en Conseil d'État fixe les modalités d'application de la présente loi."]),
];

const seanceArticles = [
  commissionArticles[0] as ArticleContent,
  article('1er bis', [
    'Le code source des traitements mentionnés à l’article 1er est publié en ligne, dans un format ouvert et librement réutilisable, sauf lorsque sa publication porterait atteinte à la sécurité publique.',
  ]),
  commissionArticles[2] as ArticleContent,
  article(
    '2 bis',
    [
      'Toute personne faisant l’objet d’une décision mentionnée à l’article 1er peut demander qu’elle soit réexaminée par un agent de l’administration.',
      'Ce réexamen intervient dans un délai d’un mois à compter de la demande.',
    ],
    'nouveau',
  ),
  article('3', [
    "Un décret en Conseil d'État fixe les modalités d'application de la présente loi.",
    'La présente loi entre en vigueur le premier jour du sixième mois suivant sa promulgation.',
  ]),
];

const step = (key: string, kind: string, date: string, debatsOrder: number, title: string, articles: ArticleContent[]): StepContent => ({
  key,
  stage: '1ère lecture',
  institution: 'assemblee',
  kind,
  date,
  endDate: date,
  debatsOrder,
  echec: null,
  decision: null,
  sourceUrl: null,
  amendmentCount: null,
  extra: {},
  text: { title, sourceUrl: null, expose: '', metadata: {}, sections: [], articles },
  debates: null,
});

/** The demo bill's whole content. */
export const demoBill: BillContent = {
  sourceRef: DEMO_SOURCE_REF,
  title: 'Projet de loi relatif à la transparence des algorithmes publics (démonstration)',
  shortTitle: 'Transparence des algorithmes publics',
  lawName: null,
  loiDite: null,
  proposalType: 'PJL',
  beginning: '2026-03-04',
  end: null,
  urgence: false,
  metadata: { demo: true },
  steps: [
    step('00_1erelecture_assemblee_depot', 'depot', '2026-03-04', 0, 'Projet de loi déposé', depotArticles),
    step('01_1erelecture_assemblee_commission', 'commission', '2026-04-15', 1, 'Texte adopté par la commission', commissionArticles),
    step('02_1erelecture_assemblee_hemicycle', 'hemicycle', '2026-05-06', 2, 'Texte adopté en séance publique', seanceArticles),
  ],
  groups: [],
  amendments: [],
};
