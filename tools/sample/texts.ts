/**
 * Titles, descriptions and long descriptions in French and English, from templates filled with a
 * sector, a trade, a company and a place. The aim is text that reads like what organisers type
 * into OpenAgenda (so that search, truncation and markdown rendering meet realistic input), not
 * literary variety.
 */
import type { Audience, FormatKey } from './catalog.js';
import { atCity, atNamed, deCity, deNamed, deWord, theNamed, type Company, type Named } from './names.js';
import type { Rng } from './prng.js';
import type { Bi, Sector, Trade } from './words.js';

export interface TextContext {
  readonly format: FormatKey;
  readonly sector: Sector;
  readonly product: Bi;
  readonly trade: Trade;
  readonly trade2: Trade;
  readonly company: Company;
  /** Where the event is held; null online. */
  readonly venue: Named | null;
  /** Commune name; null online. */
  readonly city: string | null;
  readonly topic: Bi;
  readonly activity: Bi;
  readonly escapeTheme: Bi;
  readonly exhibitionTheme: Bi;
  readonly audiences: readonly Audience[];
  readonly online: boolean;
  readonly vacancies: number;
  readonly staff: number;
  /** Identifies the event in made-up "more information" links. */
  readonly ref: string;
}

export interface EventTexts {
  readonly title: Bi;
  readonly description: Bi;
  readonly longDescription: Bi;
  readonly conditions: Bi | null;
  readonly keywords: { readonly fr: string[]; readonly en: string[] };
}

type Template = (c: TextContext) => Bi | null;

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const an = (word: string): string => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);
/** "the aerospace industry", but "the food industry", not "the food industry industry". */
const industryEn = (c: TextContext): string =>
  c.sector.label.en.includes('industry') ? `the ${c.sector.label.en}` : `the ${c.sector.label.en} industry`;

/** Cuts at a word boundary, as organisers' short descriptions are limited to 200 characters. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

function pickTemplate(rng: Rng, templates: readonly Template[], c: TextContext): Bi {
  const order = rng.shuffle([...templates.keys()]);
  for (const i of order) {
    const out = (templates[i] as Template)(c);
    if (out) return out;
  }
  throw new Error(`no template applies to ${c.format}`);
}

/** The organiser-side name to use when the place itself is not named (online events). */
const host = (c: TextContext): Named => c.venue ?? c.company;

const TITLES: Readonly<Record<FormatKey, readonly Template[]>> = {
  'visite-entreprise': [
    (c) =>
      c.company.brand && c.city
        ? { fr: `Visite de l'usine ${c.company.name} ${deCity(c.city)}`, en: `Tour of the ${c.company.name} plant in ${c.city}` }
        : null,
    (c) =>
      c.city && !c.company.name.includes(c.city)
        ? {
            fr: `${theNamed(c.company, true)} ouvre ses portes ${atCity(c.city)}`,
            en: `${c.company.name} opens its doors in ${c.city}`,
          }
        : null,
    (c) => ({ fr: `Découvrez les coulisses ${deNamed(c.company)}`, en: `Behind the scenes at ${c.company.name}` }),
    (c) => ({
      fr: `Visite d'entreprise : ${c.company.name}, ${c.sector.label.fr}`,
      en: `Company visit: ${c.company.name}, ${c.sector.label.en}`,
    }),
    (c) => ({
      fr: `À la découverte des métiers ${c.sector.ofFr} ${atNamed(c.company)}`,
      en: `Discover ${c.sector.label.en} careers at ${c.company.name}`,
    }),
    (c) => ({
      fr: `Visite ${deNamed(c.company)} : la production ${deWord(c.product.fr)}`,
      en: `Visit ${c.company.name}: the making of ${c.product.en}`,
    }),
  ],
  'visite-formation': [
    (c) => ({ fr: `Visite ${deNamed(host(c))}`, en: `Visit to ${host(c).name}` }),
    (c) => ({ fr: `Découverte des plateaux techniques ${deNamed(host(c))}`, en: `Discover the workshops of ${host(c).name}` }),
    (c) => ({
      fr: `Former les ${c.trade.frPlural} de demain : visite ${deNamed(host(c))}`,
      en: `Training tomorrow's ${c.trade.enPlural}: a visit to ${host(c).name}`,
    }),
    (c) => ({
      fr: `Les formations aux métiers ${c.sector.ofFr} : visite ${deNamed(host(c))}`,
      en: `Courses for ${c.sector.label.en} careers: a visit to ${host(c).name}`,
    }),
  ],
  'job-dating': [
    (c) => ({
      fr: `Job dating : les métiers ${c.sector.ofFr} recrutent`,
      en: `Job dating: ${c.sector.label.en} employers are hiring`,
    }),
    (c) => ({ fr: `Job dating ${c.trade.frPlural} (H/F)`, en: `Job dating: ${c.trade.enPlural} wanted` }),
    (c) => (c.city ? { fr: `Job dating industrie ${atCity(c.city)}`, en: `Industry job dating in ${c.city}` } : null),
    (c) => ({
      fr: `Recrutement express : ${c.company.name} recrute des ${c.trade.frPlural}`,
      en: `Speed recruiting: ${c.company.name} is hiring ${c.trade.enPlural}`,
    }),
    (c) => ({
      fr: `Job dating ${c.sector.label.fr} : ${c.vacancies} postes à pourvoir`,
      en: `${cap(c.sector.label.en)} job dating: ${c.vacancies} vacancies`,
    }),
    (c) =>
      c.city
        ? {
            fr: `Un emploi dans l'industrie ? Rencontrez les recruteurs ${atCity(c.city)}`,
            en: `Looking for an industry job? Meet recruiters in ${c.city}`,
          }
        : null,
  ],
  forum: [
    (c) => (c.city ? { fr: `Forum des métiers de l'industrie ${deCity(c.city)}`, en: `${c.city} industry careers fair` } : null),
    (c) =>
      c.city
        ? { fr: `Forum emploi-formation industrie ${atCity(c.city)}`, en: `Industry jobs and training fair in ${c.city}` }
        : null,
    () => ({ fr: "Salon de l'alternance et des métiers industriels", en: 'Apprenticeship and industry careers fair' }),
    (c) => ({ fr: `Forum des métiers ${c.sector.ofFr}`, en: `${cap(c.sector.label.en)} careers fair` }),
  ],
  conference: [
    (c) => ({ fr: `Conférence : ${c.topic.fr}`, en: `Talk: ${c.topic.en}` }),
    (c) => ({ fr: `Table ronde : ${c.topic.fr}`, en: `Round table: ${c.topic.en}` }),
    (c) => ({ fr: `Rencontre-débat : ${c.topic.fr}`, en: `Debate: ${c.topic.en}` }),
    (c) => ({ fr: `${cap(c.topic.fr)} : quels métiers demain ?`, en: `${cap(c.topic.en)}: which jobs tomorrow?` }),
  ],
  webinaire: [
    (c) => ({
      fr: `Webinaire : découvrir les métiers ${c.sector.ofFr}`,
      en: `Webinar: discover careers in ${c.sector.label.en}`,
    }),
    (c) => ({ fr: `Web-conférence : ${c.topic.fr}`, en: `Online talk: ${c.topic.en}` }),
    (c) => ({ fr: `Webinaire : devenir ${c.trade.fr}`, en: `Webinar: becoming ${an(c.trade.en)}` }),
    (c) => ({
      fr: `En direct : une journée dans la peau d'un ${c.trade.fr}`,
      en: `Live: a day in the life of ${an(c.trade.en)}`,
    }),
  ],
  atelier: [
    (c) => ({ fr: `Atelier : ${c.activity.fr}`, en: `Workshop: ${c.activity.en}` }),
    (c) =>
      c.activity.fr.startsWith('découverte')
        ? null
        : { fr: `Atelier découverte : ${c.activity.fr}`, en: `Taster workshop: ${c.activity.en}` },
    (c) => (c.city ? { fr: `${cap(c.activity.fr)} ${atCity(c.city)}`, en: `${cap(c.activity.en)} in ${c.city}` } : null),
  ],
  exposition: [
    (c) => ({ fr: `Exposition « ${c.exhibitionTheme.fr} »`, en: `Exhibition “${c.exhibitionTheme.en}”` }),
    (c) => ({
      fr: `Exposition : les métiers ${c.sector.ofFr} en photos`,
      en: `Exhibition: ${c.sector.label.en} jobs in pictures`,
    }),
    (c) =>
      c.city
        ? {
            fr: `${c.exhibitionTheme.fr} : une exposition ${atCity(c.city)}`,
            en: `${c.exhibitionTheme.en}: an exhibition in ${c.city}`,
          }
        : null,
  ],
  'escape-game': [
    (c) => ({ fr: `Escape game : ${c.escapeTheme.fr}`, en: `Escape game: ${c.escapeTheme.en}` }),
    (c) => ({ fr: `Escape game industriel « ${c.escapeTheme.fr} »`, en: `Industrial escape game “${c.escapeTheme.en}”` }),
  ],
  intervention: [
    (c) => ({
      fr: `Intervention en classe : ${c.trade.fr}, un métier d'avenir`,
      en: `Classroom talk: ${c.trade.en}, a job with a future`,
    }),
    (c) =>
      c.venue
        ? { fr: `Rencontre avec un ${c.trade.fr} ${atNamed(c.venue)}`, en: `Meet ${an(c.trade.en)} at ${c.venue.name}` }
        : null,
    (c) =>
      c.venue
        ? { fr: `${theNamed(c.company, true)} intervient ${atNamed(c.venue)}`, en: `${c.company.name} visits ${c.venue.name}` }
        : null,
    (c) => ({ fr: `L'industrie s'invite en classe : ${c.topic.fr}`, en: `Industry comes to class: ${c.topic.en}` }),
  ],
  'portes-ouvertes': [
    (c) => ({ fr: `Journée portes ouvertes ${deNamed(host(c))}`, en: `Open day at ${host(c).name}` }),
    (c) => ({ fr: `Portes ouvertes : ${theNamed(host(c))} vous accueille`, en: `Open doors: ${host(c).name} welcomes you` }),
    (c) => ({ fr: `Portes ouvertes sur les métiers ${c.sector.ofFr}`, en: `Open day: careers in ${c.sector.label.en}` }),
  ],
  'visite-virtuelle': [
    (c) => ({ fr: `Visite virtuelle ${deNamed(c.company)}`, en: `Virtual tour of ${c.company.name}` }),
    (c) => ({ fr: `Visite à 360° ${deNamed(c.company)}`, en: `360° tour of ${c.company.name}` }),
    (c) => ({
      fr: `Dans les coulisses ${deNamed(c.company)}, en réalité virtuelle`,
      en: `Behind the scenes at ${c.company.name}, in virtual reality`,
    }),
  ],
};

const DESCRIPTIONS: Readonly<Record<FormatKey, readonly Template[]>> = {
  'visite-entreprise': [
    (c) => ({
      fr: `Découvrez les ateliers ${deNamed(c.company)}, spécialiste de la production ${deWord(c.product.fr)}, et échangez avec ses ${c.trade.frPlural}.`,
      en: `Discover the workshops of ${c.company.name}, a maker of ${c.product.en}, and meet its ${c.trade.enPlural}.`,
    }),
    (c) => ({
      fr: `Visite guidée du site de production et présentation des métiers ${c.sector.ofFr} qui recrutent.`,
      en: `Guided tour of the production site and an introduction to the ${c.sector.label.en} jobs that are hiring.`,
    }),
  ],
  'visite-formation': [
    (c) => ({
      fr: `Découvrez les plateaux techniques et les formations, du CAP au BTS, qui préparent aux métiers ${c.sector.ofFr}.`,
      en: `See the workshops and the courses, from vocational certificates to higher diplomas, that lead to ${c.sector.label.en} careers.`,
    }),
    (c) => ({
      fr: `Élèves et apprentis vous présentent leur formation de ${c.trade.fr} et leurs réalisations.`,
      en: `Pupils and apprentices present their ${c.trade.en} training and what they have made.`,
    }),
  ],
  'job-dating': [
    (c) => ({
      fr: `Venez rencontrer des entreprises ${c.sector.ofFr} qui recrutent : ${c.trade.frPlural}, ${c.trade2.frPlural}… CV conseillé.`,
      en: `Meet ${c.sector.label.en} employers who are hiring: ${c.trade.enPlural}, ${c.trade2.enPlural}… Bring your CV.`,
    }),
    () => ({
      fr: "10 minutes pour convaincre : des entretiens courts avec les recruteurs de l'industrie locale.",
      en: 'Ten minutes to make your case: short interviews with local industry recruiters.',
    }),
  ],
  forum: [
    () => ({
      fr: "Entreprises, centres de formation et conseillers réunis pour présenter les métiers et les formations de l'industrie.",
      en: 'Companies, training centres and advisers together to present industry careers and courses.',
    }),
    (c) => ({
      fr: `Stands, démonstrations et témoignages : tout savoir sur les métiers ${c.sector.ofFr} et les formations en alternance.`,
      en: `Stands, demonstrations and testimonies: all about ${c.sector.label.en} careers and apprenticeships.`,
    }),
  ],
  conference: [
    (c) => ({
      fr: `Chefs d'entreprise, experts et jeunes professionnels débattent de ${c.topic.fr}.`,
      en: `Business leaders, experts and young professionals discuss ${c.topic.en}.`,
    }),
    (c) => ({
      fr: `Une conférence pour comprendre les enjeux ${c.sector.ofFr} et les métiers qui en découlent.`,
      en: `A talk on the challenges of ${industryEn(c)} and the jobs they create.`,
    }),
  ],
  webinaire: [
    (c) => ({
      fr: `Une heure en ligne pour découvrir les métiers ${c.sector.ofFr}, avec des témoignages et des questions en direct.`,
      en: `An hour online to discover ${c.sector.label.en} careers, with testimonies and live questions.`,
    }),
    (c) => ({
      fr: `Un ${c.trade.fr} raconte son parcours et répond à vos questions en direct.`,
      en: `${cap(an(c.trade.en))} talks about their career and answers your questions live.`,
    }),
  ],
  atelier: [
    (c) => ({
      fr: `Un atelier pratique pour s'initier aux gestes de l'industrie : ${c.activity.fr}.`,
      en: `A hands-on workshop to try industrial skills: ${c.activity.en}.`,
    }),
    () => ({
      fr: 'Manipulez, testez, fabriquez : un atelier encadré par des professionnels et des formateurs.',
      en: 'Handle, test, make: a workshop run by professionals and trainers.',
    }),
  ],
  exposition: [
    (c) => ({
      fr: `Photographies, objets et témoignages : une exposition sur celles et ceux qui font l'industrie ${c.city ? deCity(c.city) : "d'aujourd'hui"}.`,
      en: `Photographs, objects and testimonies: an exhibition about the people who make industry ${c.city ? `in ${c.city}` : 'today'}.`,
    }),
    (c) => ({
      fr: `« ${c.exhibitionTheme.fr} » : une exposition pour changer de regard sur l'industrie.`,
      en: `“${c.exhibitionTheme.en}”: an exhibition to see industry differently.`,
    }),
  ],
  'escape-game': [
    () => ({
      fr: "Résolvez les énigmes et remettez l'usine en marche avant la fin du temps imparti !",
      en: 'Solve the puzzles and get the factory running again before time runs out!',
    }),
    (c) => ({
      fr: `Un escape game en équipe pour découvrir les métiers ${c.sector.ofFr}.`,
      en: `A team escape game to discover ${c.sector.label.en} careers.`,
    }),
  ],
  intervention: [
    (c) => ({
      fr: `${theNamed(c.company, true)} présente aux élèves le métier ${deWord(c.trade.fr)} et les formations pour y accéder.`,
      en: `${c.company.name} introduces pupils to the job of ${c.trade.en} and the training that leads to it.`,
    }),
    (c) => ({
      fr: `Un professionnel ${c.sector.ofFr} vient parler de son métier et de son parcours aux élèves.`,
      en: `A professional from ${industryEn(c)} talks to pupils about their job and career path.`,
    }),
  ],
  'portes-ouvertes': [
    (c) => ({
      fr: `Visitez les installations, rencontrez les équipes et découvrez les métiers et formations ${c.sector.ofFr}.`,
      en: `Tour the premises, meet the teams and discover ${c.sector.label.en} careers and courses.`,
    }),
    (c) => ({
      fr: `${theNamed(host(c), true)} vous accueille toute la journée : démonstrations, visites et rencontres.`,
      en: `${host(c).name} welcomes you all day: demonstrations, tours and meetings.`,
    }),
  ],
  'visite-virtuelle': [
    (c) => ({
      fr: `Une visite à 360° du site ${deNamed(c.company)}, commentée par ses ${c.trade.frPlural}.`,
      en: `A 360° tour of ${c.company.name}'s site, with commentary from its ${c.trade.enPlural}.`,
    }),
    (c) => ({
      fr: `Plongez dans les ateliers ${deNamed(c.company)} sans quitter votre classe ou votre salon.`,
      en: `Step inside ${c.company.name}'s workshops without leaving your classroom or sofa.`,
    }),
  ],
};

const INTROS: Readonly<Record<FormatKey, Template>> = {
  'visite-entreprise': (c) => ({
    fr: `À l'occasion de la Semaine de l'industrie, ${theNamed(c.company)} ouvre les portes de son site${c.city ? ` ${deCity(c.city)}` : ''}. Spécialisée dans la production ${deWord(c.product.fr)}, l'entreprise emploie ${c.staff} salariés et recrute régulièrement des ${c.trade.frPlural}.`,
    en: `For Industry Week, ${c.company.name} opens the doors of its${c.city ? ` ${c.city}` : ''} site. The company makes ${c.product.en}, employs ${c.staff} people and regularly hires ${c.trade.enPlural}.`,
  }),
  'visite-formation': (c) => ({
    fr: `${theNamed(host(c), true)} ouvre ses ateliers aux visiteurs pendant la Semaine de l'industrie. Élèves et apprentis y préparent les métiers ${c.sector.ofFr}, en lien étroit avec les entreprises du bassin d'emploi.`,
    en: `${host(c).name} opens its workshops to visitors during Industry Week. Pupils and apprentices train there for careers in ${c.sector.label.en}, in close partnership with local employers.`,
  }),
  'job-dating': (c) => ({
    fr: `Vous cherchez un emploi ? ${c.venue ? `${theNamed(c.venue, true)} et les` : 'Les'} entreprises ${c.sector.ofFr} du territoire vous donnent rendez-vous pour un job dating. Postes proposés : ${c.trade.frPlural}, ${c.trade2.frPlural} et bien d'autres.`,
    en: `Looking for a job? ${c.venue ? `${c.venue.name} and local` : 'Local'} ${c.sector.label.en} employers invite you to a job dating session. Openings include ${c.trade.enPlural}, ${c.trade2.enPlural} and more.`,
  }),
  forum: (c) => ({
    fr: `Entreprises, centres de formation et conseillers d'orientation se retrouvent ${c.venue ? atNamed(c.venue) : 'en ligne'} pour présenter les métiers de l'industrie et les parcours qui y mènent.`,
    en: `Companies, training centres and careers advisers gather ${c.venue ? `at ${c.venue.name}` : 'online'} to present industry careers and the routes into them.`,
  }),
  conference: (c) => ({
    fr: `${cap(c.topic.fr)} : de quoi parle-t-on, et qu'est-ce que cela change pour les métiers ? Chefs d'entreprise, experts et jeunes professionnels partagent leur expérience.`,
    en: `${cap(c.topic.en)}: what does it mean, and how does it change jobs? Business leaders, experts and young professionals share their experience.`,
  }),
  webinaire: (c) => ({
    fr: `Pas besoin de vous déplacer : suivez en ligne cette présentation des métiers ${c.sector.ofFr}, animée par ${theNamed(host(c))}.`,
    en: `No need to travel: follow this online introduction to careers in ${c.sector.label.en}, hosted by ${host(c).name}.`,
  }),
  atelier: (c) => ({
    fr: `Mettez la main à la pâte ! ${theNamed(host(c), true)} propose un atelier pratique : ${c.activity.fr}.`,
    en: `Get hands-on! ${host(c).name} runs a practical workshop: ${c.activity.en}.`,
  }),
  exposition: (c) => ({
    fr: `L'exposition « ${c.exhibitionTheme.fr} » met en lumière les femmes et les hommes qui font l'industrie d'aujourd'hui, à travers des photographies, des objets et des témoignages.`,
    en: `The exhibition “${c.exhibitionTheme.en}” showcases the women and men who make today's industry, through photographs, objects and testimonies.`,
  }),
  'escape-game': (c) => ({
    fr: `Une panne immobilise la ligne de production : vous avez 45 minutes pour la remettre en marche ! Un escape game pour découvrir en équipe les métiers ${c.sector.ofFr}.`,
    en: `A breakdown has stopped the production line: you have 45 minutes to get it running again! A team escape game to discover ${c.sector.label.en} careers.`,
  }),
  intervention: (c) => ({
    fr: `${theNamed(c.company, true)} intervient ${c.venue ? atNamed(c.venue) : 'en classe'} pour présenter le métier ${deWord(c.trade.fr)} et les formations qui y mènent.`,
    en: `${c.company.name} comes to ${c.venue ? c.venue.name : 'the classroom'} to present the job of ${c.trade.en} and the training that leads to it.`,
  }),
  'portes-ouvertes': (c) => ({
    fr: `${theNamed(host(c), true)} vous ouvre ses portes le temps d'une journée : ateliers, démonstrations et rencontres avec les équipes.`,
    en: `${host(c).name} opens its doors for a day: workshops, demonstrations and meetings with the teams.`,
  }),
  'visite-virtuelle': (c) => ({
    fr: `Casque de réalité virtuelle ou simple écran : plongez au cœur ${deNamed(c.company)} et découvrez la production ${deWord(c.product.fr)}.`,
    en: `VR headset or simple screen: step inside ${c.company.name} and discover the making of ${c.product.en}.`,
  }),
};

const PROGRAMME: Readonly<Record<FormatKey, (c: TextContext) => readonly Bi[]>> = {
  'visite-entreprise': (c) => [
    {
      fr: "accueil et présentation de l'entreprise et de ses marchés",
      en: 'welcome and introduction to the company and its markets',
    },
    { fr: 'visite des ateliers de production', en: 'tour of the production workshops' },
    {
      fr: `échanges avec des ${c.trade.frPlural} et des ${c.trade2.frPlural}`,
      en: `conversations with ${c.trade.enPlural} and ${c.trade2.enPlural}`,
    },
    { fr: "présentation des offres d'emploi et d'alternance", en: 'current job and apprenticeship openings' },
    { fr: "questions-réponses autour d'un café", en: 'questions and answers over coffee' },
  ],
  'visite-formation': () => [
    { fr: 'présentation des formations, du CAP au BTS', en: 'overview of the courses, from CAP to BTS' },
    { fr: 'visite des plateaux techniques', en: 'tour of the technical workshops' },
    { fr: 'démonstrations par les élèves et les apprentis', en: 'demonstrations by pupils and apprentices' },
    { fr: 'rencontre avec les enseignants et les entreprises partenaires', en: 'meet the teachers and partner companies' },
  ],
  'job-dating': (c) => [
    { fr: 'entretiens de 10 minutes avec les recruteurs', en: 'ten-minute interviews with recruiters' },
    {
      fr: `${c.vacancies} postes à pourvoir en CDI, CDD, intérim et alternance`,
      en: `${c.vacancies} vacancies: permanent, fixed-term, temporary and apprenticeship contracts`,
    },
    { fr: "atelier CV et conseils pour l'entretien", en: 'CV workshop and interview tips' },
    { fr: 'présentation des formations financées', en: 'funded training courses' },
  ],
  forum: () => [
    { fr: "stands d'entreprises industrielles du territoire", en: 'stands of local industrial companies' },
    { fr: 'espace formation et orientation', en: 'training and guidance area' },
    { fr: 'démonstrations de robots et de machines', en: 'robot and machine demonstrations' },
    { fr: "témoignages de jeunes salariés et d'apprentis", en: 'talks by young employees and apprentices' },
  ],
  conference: (c) => [
    { fr: "mot d'accueil et introduction", en: 'welcome and introduction' },
    { fr: "table ronde avec des chefs d'entreprise", en: 'round table with business leaders' },
    { fr: `témoignages de ${c.trade.frPlural}`, en: `testimonies from ${c.trade.enPlural}` },
    { fr: 'échanges avec la salle', en: 'questions from the audience' },
  ],
  webinaire: (c) => [
    { fr: `présentation de la filière ${c.sector.label.fr}`, en: `overview of ${industryEn(c)}` },
    { fr: 'témoignages en direct', en: 'live testimonies' },
    { fr: 'questions via le chat', en: 'questions through the chat' },
    { fr: 'ressources pour aller plus loin', en: 'resources to find out more' },
  ],
  atelier: () => [
    { fr: 'présentation des consignes de sécurité', en: 'safety briefing' },
    { fr: 'prise en main des outils', en: 'getting to grips with the tools' },
    { fr: "réalisation d'une pièce à emporter", en: 'making a piece to take home' },
    { fr: 'échanges avec les formateurs', en: 'talking with the trainers' },
  ],
  exposition: () => [
    { fr: 'photographies grand format', en: 'large-format photographs' },
    { fr: 'objets et pièces fabriqués dans la région', en: 'objects and parts made in the region' },
    { fr: 'portraits de salariés', en: 'portraits of employees' },
    { fr: 'quiz pour les plus jeunes', en: 'quiz for younger visitors' },
  ],
  'escape-game': () => [
    { fr: 'briefing de la mission', en: 'mission briefing' },
    { fr: '45 minutes pour résoudre les énigmes', en: '45 minutes to solve the puzzles' },
    { fr: 'débriefing sur les métiers découverts', en: 'debrief on the jobs discovered' },
  ],
  intervention: (c) => [
    { fr: "présentation du parcours de l'intervenant", en: "the speaker's career path" },
    { fr: `le quotidien d'un ${c.trade.fr}`, en: `a day in the life of ${an(c.trade.en)}` },
    { fr: 'les formations pour y accéder', en: 'training routes into the job' },
    { fr: 'questions des élèves', en: "pupils' questions" },
  ],
  'portes-ouvertes': () => [
    { fr: 'visite libre ou guidée des installations', en: 'free or guided tour of the premises' },
    { fr: 'démonstrations', en: 'demonstrations' },
    { fr: 'rencontre avec les équipes', en: 'meet the teams' },
    { fr: 'information sur les métiers et les recrutements', en: 'information on jobs and hiring' },
  ],
  'visite-virtuelle': (c) => [
    { fr: 'visite à 360° des ateliers', en: '360° tour of the workshops' },
    { fr: `vidéos de ${c.trade.frPlural} au travail`, en: `videos of ${c.trade.enPlural} at work` },
    { fr: 'quiz interactif', en: 'interactive quiz' },
    { fr: 'échange en direct avec un salarié', en: 'live chat with an employee' },
  ],
};

function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

function practical(c: TextContext): Bi {
  if (c.online)
    return {
      fr: 'Le lien de connexion est communiqué après inscription.',
      en: 'The connection link is sent after registration.',
    };
  switch (c.format) {
    case 'visite-entreprise':
    case 'visite-formation':
    case 'portes-ouvertes':
      return {
        fr: 'Chaussures fermées obligatoires ; les équipements de protection individuelle sont fournis.',
        en: 'Closed shoes required; personal protective equipment is provided.',
      };
    case 'job-dating':
      return { fr: 'Pensez à apporter plusieurs exemplaires de votre CV.', en: 'Bring several copies of your CV.' };
    case 'intervention':
      return { fr: "Action réservée aux élèves de l'établissement.", en: "For the school's pupils only." };
    default:
      return c.audiences.some((a) => a.key === 'collegiens' || a.key === 'lyceens')
        ? { fr: 'Les groupes scolaires sont accueillis sur réservation.', en: 'School groups are welcome by appointment.' }
        : { fr: 'Entrée libre et gratuite.', en: 'Free admission.' };
  }
}

function longDescription(rng: Rng, c: TextContext): Bi {
  const fr: string[] = [];
  const en: string[] = [];
  const intro = INTROS[c.format](c);
  if (intro) {
    fr.push(intro.fr);
    en.push(intro.en);
  }
  if (rng.chance(0.7)) {
    const all = PROGRAMME[c.format](c);
    const items = all.slice(0, Math.min(all.length, rng.int(3, 4)));
    if (rng.chance(0.6)) {
      fr.push(`**Au programme :**\n\n${items.map((i) => `- ${i.fr}`).join('\n')}`);
      en.push(`**Programme:**\n\n${items.map((i) => `- ${i.en}`).join('\n')}`);
    } else {
      fr.push(
        `Au programme : ${joinList(
          items.map((i) => i.fr),
          'et',
        )}.`,
      );
      en.push(
        `On the programme: ${joinList(
          items.map((i) => i.en),
          'and',
        )}.`,
      );
    }
  }
  const p = practical(c);
  fr.push(
    `Cet événement s'adresse en priorité ${joinList(
      c.audiences.map((a) => a.toFr),
      'et',
    )}. ${p.fr}`,
  );
  en.push(
    `This event is mainly for ${joinList(
      c.audiences.map((a) => a.enPhrase),
      'and',
    )}. ${p.en}`,
  );
  if (rng.chance(0.35)) {
    if (rng.chance(0.5)) {
      fr.push(
        "Retrouvez tous les événements de la Semaine de l'industrie sur [semaine-industrie.gouv.fr](https://www.semaine-industrie.gouv.fr/).",
      );
      en.push('Find every Industry Week event at [semaine-industrie.gouv.fr](https://www.semaine-industrie.gouv.fr/).');
    } else {
      // Reserved example domain (RFC 2606): the demo must never send people to a real third party.
      const url = `https://www.example.com/semaine-industrie/${c.ref}`;
      fr.push(`Plus d'informations : [${host(c).name}](${url})`);
      en.push(`More information: [${host(c).name}](${url})`);
    }
  }
  return { fr: fr.join('\n\n'), en: en.join('\n\n') };
}

function conditions(rng: Rng, c: TextContext): Bi | null {
  if (rng.chance(0.3)) return null;
  const seats = rng.pick([8, 10, 12, 15, 20, 25, 30, 50]);
  const options: (readonly [Bi, number])[] = [
    [{ fr: 'Gratuit, sur inscription.', en: 'Free, registration required.' }, 4],
    [{ fr: 'Entrée libre et gratuite.', en: 'Free admission.' }, c.online ? 0 : 2],
    [{ fr: `Gratuit. Places limitées à ${seats} personnes.`, en: `Free. Limited to ${seats} people.` }, 3],
  ];
  if (c.audiences.some((a) => a.key === 'collegiens' || a.key === 'lyceens')) {
    options.push([
      { fr: "Réservé aux groupes scolaires, sur inscription de l'enseignant.", en: 'School groups only, booked by the teacher.' },
      3,
    ]);
  }
  if (c.format === 'visite-entreprise' && !c.online) {
    options.push([
      {
        fr: "Gratuit, inscription obligatoire. Pièce d'identité demandée à l'accueil.",
        en: 'Free, registration required. Photo ID requested at reception.',
      },
      3,
    ]);
    options.push([{ fr: 'Visite accessible à partir de 14 ans.', en: 'Visitors must be 14 or older.' }, 1]);
  }
  if (c.format === 'job-dating') {
    options.push([
      { fr: 'Gratuit, sans inscription. Venez avec votre CV.', en: 'Free, no registration needed. Bring your CV.' },
      4,
    ]);
  }
  return rng.weighted(options);
}

export function writeTexts(rng: Rng, c: TextContext): EventTexts {
  const title = pickTemplate(rng, TITLES[c.format], c);
  const description = pickTemplate(rng, DESCRIPTIONS[c.format], c);
  const keywordsFr = [c.sector.label.fr, 'industrie', c.trade.fr, 'métiers', 'orientation', 'emploi'];
  const keywordsEn = [c.sector.label.en, 'industry', c.trade.en, 'careers', 'guidance', 'jobs'];
  const n = rng.int(2, 5);
  return {
    title: { fr: clip(cap(title.fr), 140), en: clip(cap(title.en), 140) },
    description: { fr: clip(description.fr, 200), en: clip(description.en, 200) },
    longDescription: longDescription(rng, c),
    conditions: conditions(rng, c),
    keywords: { fr: keywordsFr.slice(0, n), en: keywordsEn.slice(0, n) },
  };
}
