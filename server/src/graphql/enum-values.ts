/**
 * GraphQL enum names are ASCII (UPPFYLLT); the database keeps the Swedish terms as the
 * reports print them ("Uppfyllt"). These maps are the one place that pairs them: codegen
 * types the resolvers with them and Apollo translates with them in both directions.
 */
export const enumValues = {
  UnitKind: {
    KOMMUN: 'kommun',
    NAMND: 'nämnd',
    KONTOR: 'kontor',
    AVDELNING: 'avdelning',
    ENHET: 'enhet',
    VERKSAMHET: 'verksamhet',
  },
  PeriodKind: { AR: 'år', DELAR: 'delår', TERTIAL: 'tertial', MANAD: 'månad' },
  GoalAssessment: {
    UPPFYLLT: 'Uppfyllt',
    DELVIS_UPPFYLLT: 'Delvis uppfyllt',
    EJ_UPPFYLLT: 'Ej uppfyllt',
    EJ_BEDOMD: 'Ej bedömd',
  },
  Trend: {
    POSITIV: 'Positiv',
    NEGATIV: 'Negativ',
    OFORANDRAD: 'Oförändrad',
    EJ_UTVARDERAD: 'Ej utvärderad',
  },
  Direction: { HIGHER: 'higher', LOWER: 'lower', NONE: 'none' },
  IndicatorOrigin: { KF: 'KF', NAMND: 'Nämnd' },
  AssignmentKind: { UPPDRAG: 'uppdrag', NAMNDINITIATIV: 'nämndinitiativ' },
  AssignmentStatus: {
    EJ_PABORJAD: 'Ej påbörjad',
    PABORJAD: 'Påbörjad',
    SLUTFORD: 'Slutförd',
    PAUSAD: 'Pausad',
    KVARSTAENDE: 'Kvarstående',
    STRUKEN: 'Struken',
    STANGS_OCH_OVERGAR: 'Stängs och övergår i nytt uppdrag',
  },
  Forecast: { ENLIGT_PLAN: 'Enligt plan', AVVIKELSE_FRAN_PLAN: 'Avvikelse från plan' },
  Ledger: { DRIFT: 'drift', EXPLOATERING: 'exploatering' },
  EconomyDimension: { UNIT: 'unit', ACCOUNT_GROUP: 'accountGroup' },
  FigureScope: { UNIT: 'unit', KOMMUN: 'kommun' },
  ReportType: {
    MANADSUPPFOLJNING: 'månadsuppföljning',
    TERTIALRAPPORT: 'tertialrapport',
    DELARSRAPPORT: 'delårsrapport',
    VERKSAMHETSBERATTELSE: 'verksamhetsberättelse',
    TJANSTESKRIVELSE: 'tjänsteskrivelse',
  },
  ReportStatus: { DRAFT: 'draft', PUBLISHED: 'published' },
  Role: { LASARE: 'läsare', REDAKTOR: 'redaktör', ADMINISTRATOR: 'administratör' },
} as const;
