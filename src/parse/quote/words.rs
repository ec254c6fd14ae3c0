//! The word lists the quote rules consult: speech verbs and other cue words, abbreviations,
//! the words of names and roles, the words that end a noun phrase, and the words around
//! names of works. Tuning what the rules recognise means editing this file; how the words
//! are used lives with the rules.

use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

use super::slavic;

/// A word list written as one string, looked up through a set built on first use (with a
/// fast non-cryptographic hash: the keys are our own words, and lookups run per token).
///
/// Most lookups are of words not in the list, so the set has a one-hash Bloom filter in
/// front: a word whose bit is clear is turned away with one bit test, before it is hashed.
pub(super) struct Words {
    text: &'static str,
    set: OnceLock<WordSet>,
}

struct WordSet {
    /// Bit [`bloom_bit`] of every listed word (4,096 bits: a few percent of other words
    /// share a bit with a listed one in the longest lists).
    bloom: [u64; 64],
    words: HashSet<&'static str>,
}

/// The Bloom filter bit of a non-empty word: its length and first, middle and last bytes,
/// mixed by a multiplication.
fn bloom_bit(word: &[u8]) -> usize {
    let n = word.len();
    let key = u32::from(word[0])
        | u32::from(word[n / 2]) << 8
        | u32::from(word[n - 1]) << 16
        | (n as u32) << 24;
    (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

impl Words {
    const fn new(text: &'static str) -> Words {
        Words {
            text,
            set: OnceLock::new(),
        }
    }

    pub(super) fn contains(&self, word: &str) -> bool {
        let set = self.set.get_or_init(|| {
            let words: HashSet<&'static str> = self.text.split_whitespace().collect();
            let mut bloom = [0u64; 64];
            for w in &words {
                let bit = bloom_bit(w.as_bytes());
                bloom[bit / 64] |= 1 << (bit % 64);
            }
            WordSet { bloom, words }
        });
        // No listed word is empty.
        if word.is_empty() {
            return false;
        }
        let bit = bloom_bit(word.as_bytes());
        set.bloom[bit / 64] >> (bit % 64) & 1 == 1 && set.words.contains(word)
    }
}

/// Verbs that introduce speech (`said`, `tweeted`, ...), lower case; a few Ukrainian and
/// Russian ones too (`сказав`, `заявил`).
static SPEECH_VERBS: Words = Words::new(
    "thanked praised questioned criticized criticised blasted slammed attacked accused applauded \
     lauded hailed condemned denounced dismissed denounce criticize сказав сказала сказали \
     заявив заявила додав додала зазначив зазначила каже кажуть пояснив пояснила написав \
     написала сказал заявил добавил добавила отметил отметила говорит пояснил написал said \
     says say saying told tells telling added adds adding tweeted tweets tweeting wrote \
     writes writing warned warns warning insisted insists insisting explained explains \
     explaining noted notes noting argued argues arguing continued continues stated states \
     declared declares declaring asked asks replied replies responded responds answered \
     answers recalled recalls remarked remarks claimed claims claiming suggested suggests \
     acknowledged acknowledges admitted admits complained complains conceded concedes \
     emphasized emphasised emphasizes stressed stresses observed observes concluded joked \
     jokes quipped quips announced announces posted exclaimed shouted yelled cried \
     predicted predicts promised promises vowed vows boasted boasts lamented laments \
     charged countered counters retorted cautioned cautions urged urges wondered mused \
     contended contends maintained maintains asserted asserts reiterated testified alleged \
     confirmed confirms recounted elaborated texted emailed messaged pleaded demanded \
     demands scoffed sighed laughed chimed snapped thundered proclaimed opined agreed \
     agrees disagreed objected interjected interrupted pressed shot fired began went put \
     puts called calls calling described describes describing dubbed labeled labelled \
     branded deemed termed reported reports read reads chanted sang sings whispered \
     screamed echoed echoes tweet write tell ask add warn insist explain note argue state \
     declare claim suggest admit predict promise vow boast brag complain acknowledge \
     thinks think believes believe \
     remembered remembers points pointed believed thought boomed raged seethed beamed \
     gushed exulted marveled marvelled enthused raved groused grumbled muttered fumed \
     sneered smiled shrugged cracked teased taunted mocked repeated repeats summed offered \
     reasoned reflected assured reminded informed advised counsels recommends recommended \
     concludes blamed quip joke pledged estimated estimates ruled exhorted exhorts implored \
     implores referred refers characterized characterizes characterised expressed expresses \
     referenced commented bragged clarified speculated affirmed swore gloated griped \
     likened derided decried touted lambasted ridiculed chided scolded rebuked berated \
     trumpeted accuses criticizes criticises dismisses condemns denounces lauds applauds \
     derides decries ridicules likens rebukes chides scolds berates lambasts",
);

/// Whether a lower-case word is a speech verb, counting the `-ing` form of every listed
/// past tense (`suggesting` from `suggested`).
pub(super) fn is_speech_verb(word: &str) -> bool {
    static ING_FORMS: OnceLock<HashSet<String>> = OnceLock::new();
    SPEECH_VERBS.contains(word)
        || slavic::is_speech_verb(word)
        || word.ends_with("ing")
            && ING_FORMS
                .get_or_init(|| {
                    // `stem + ing` for every listed `stem + ed` or `stem + d` with a stem of
                    // three bytes or more.
                    let mut forms = HashSet::default();
                    for verb in SPEECH_VERBS.text.split_whitespace() {
                        for suffix in ["ed", "d"] {
                            if let Some(stem) = verb.strip_suffix(suffix).filter(|s| s.len() >= 3) {
                                forms.insert(format!("{stem}ing"));
                            }
                        }
                    }
                    forms
                })
                .contains(word)
}

/// Speech verbs that are nouns or names when capitalised inside a sentence.
pub(super) const NOUNISH_VERBS: &[&str] = &[
    "states",
    "reports",
    "notes",
    "claims",
    "remarks",
    "answers",
    "read",
    "reads",
    "put",
    "shot",
    "fired",
    "calls",
    "points",
    "offered",
    "went",
    "began",
    "echoes",
    "charged",
    "state",
    "note",
    "claim",
    "ask",
    "write",
    "estimates",
    "rules",
    "promises",
    "vows",
    "tweets",
    "posts",
];

/// Speech verbs that may stand before their speaker (`…, said Doe`); `told Doe` names the
/// listener instead.
pub(super) static INVERTIBLE: Words = Words::new(
    "said says added adds wrote writes noted notes explained explains argued argues \
     recalled recalls remembered continued continues stated states tweeted observed agreed \
     remarked replied responded concluded insisted insists declared warned cautioned \
     predicted acknowledged conceded сказав сказала сказали заявив заявила додав додала \
     зазначив зазначила каже кажуть пояснив пояснила сказал заявил добавил добавила отметил \
     отметила говорит пояснил",
);

/// Speech verbs plain enough that a sentence using them names a speaker for the quotes that
/// follow it (`Kofman, an analyst, said that …` before a quote-only paragraph).
pub(super) static STRONG_VERBS: Words = Words::new(
    "said says told tells added adds tweeted tweets wrote writes warned warns insisted \
     insists explained explains noted notes argued argues stated states declared declares \
     asked asks replied responded recalled recalls remarked acknowledged admitted \
     complained conceded emphasized emphasised stressed observed concluded announced \
     predicted promised vowed continued continues posted",
);

/// Words besides speech verbs that announce quoted language in their sentence: nouns for
/// what is said or written (`the slogan “…”`, `chants of “…”`, `the term “…”`) and verbs of
/// naming, quoting and talking (`coined`, `cited`, `likened`, `talked about`).
static CUE_WORDS: Words = Words::new(
    "according slogan slogans chant chants chanting phrase phrases term terms word words \
     motto mantra sign signs banner placard shirt coined coin pledged pledge pledges talk \
     talks talked spoke speak speaks speaking likened label labels referenced reference \
     references cry shout repeat jeered introduced portrayed quote quoted quoting quotes \
     cited citing derided insulted decried touted urging lambasted rejected vowing \
     promising dubbing branding talking crying referred refer refers referring named call \
     uttered assertion conclusion characterization",
);

/// Whether a lower-case word announces quoted speech or writing in its sentence: a speech
/// verb (`said`, `tweeted`, `calling`) or a cue such as `slogan`, `chants`, `coined`,
/// `according`. Used by `non_speech` to tell speech from scare quotes.
pub(super) fn is_cue_word(word: &str) -> bool {
    is_speech_verb(word) || CUE_WORDS.contains(word)
}

/// Whether a lower-case word without its period is an abbreviation (`gov`, `mr`, `jan`), so
/// that a period after it does not end a sentence.
pub(super) fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(word)
}

/// Abbreviations that keep their period inside the word.
pub(super) static ABBREVIATIONS: Words = Words::new(
    "mr mrs ms mx dr gov sen rep gen lt col maj capt sgt adm cmdr prof rev pres supt insp \
     amb del atty st jr sr inc corp co ltd jan feb mar apr jun jul aug sept sep oct nov dec \
     no vs ft mt ave blvd calif fla ill mass mich minn wis wash tenn ariz colo conn ga ind \
     kan ky la md mo miss mont neb nev okla ore pa va vt wyo ala ark tex",
);

/// Words that open sentences and are no names there unless the article capitalises them
/// elsewhere too.
pub(super) static OPENERS: Words = Words::new(
    "back still yet now then later earlier instead indeed meanwhile also even perhaps maybe \
     already again finally first second third last next here there today tonight yesterday \
     overall ultimately similarly likewise separately additionally moreover furthermore \
     nevertheless nonetheless otherwise therefore thus hence elsewhere afterward afterwards \
     soon once twice asked told speaking writing citing during amid among across around \
     against behind beyond inside outside within through throughout toward towards upon \
     given including regarding considering critics supporters officials analysts experts \
     democrats republicans voters people many most few several some both all none each \
     every neither either such much more less fewer other others another anyone everyone \
     someone nobody nothing everything something update watch read see related note editor \
     ask meet enter imagine consider remember listen",
);

/// Common English words, one of which tells that a sentence is English.
pub(super) const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "and", "is", "was", "are", "were", "for", "with",
    "by", "at", "it", "that", "this", "as", "be", "has", "have", "had", "from",
];

/// Capitalised words that are not part of a name (sentence openers, pronouns, days).
pub(super) static NOT_NAME: Words = Words::new(
    "у в на з із зі до за від про для по і й та але а що як це цей ця ці він вона вони ми я \
     также так plus \
     ви во о об от из к с со и но что как это этот эта эти он она оно они мы вы при після \
     после через під под над між между також тоже вже уже ще еще the a an but and or in on \
     at as for if when while after before since so yet then this that these those it he she \
     they we i you his her their our its my your there here some many most even still also \
     now more asked speaking according despite although though with without by from to of \
     under over like unlike meanwhile however instead today yesterday tonight last latest next \
     every each both all no not just only what who why how where which monday tuesday \
     wednesday thursday friday saturday sunday january february march april may june july \
     august september october november december jan. feb. mar. apr. jun. jul. aug. sept. \
     sep. oct. nov. dec. other others another one two three several few such said says do \
     does did is are was were be been has have had will would can could should might must \
     yes well oh please thank thanks because whether once later earlier sources officials \
     experts analysts critics supporters aides residents people reporters voters democrats \
     republicans americans four five six seven eight nine ten eleven twelve twenty dozens \
     hundreds thousands millions",
);

/// Words that make a title when they stand before a name (`Gov. Pavlo Kyrylenko`).
pub(super) static TITLES: Words = Words::new(
    "президент прем'єр-міністр прем’єр-міністр міністр голова директор речник речниця посол \
     мер губернатор генсек секретар депутат спікер глава премьер-министр министр \
     председатель представитель пресс-секретарь спикер сенатор канцлер democrat republican \
     прем'єр-міністерка прем’єр-міністерка міністерка президентка віце-президент \
     вице-президент посол премьер глава госсекретарь держсекретар судья суддя професор \
     профессор \
     libertarian gov. sen. rep. gen. lt. col. maj. capt. sgt. adm. cmdr. dr. prof. rev. \
     pres. supt. insp. amb. del. atty. gov sen rep prof dr president vice governor senator \
     undersecretary under-secretary secretary-general vice-president vice-chairman \
     vice-chairwoman vice-chair vice-governor vice-premier co-chairman co-chair \
     representative congressman congresswoman secretary minister mayor judge justice \
     general chancellor ambassador director chairman chairwoman chair chief commissioner \
     spokesman spokeswoman spokesperson speaker leader professor pope king queen prince \
     princess sheikh officer sheriff attorney counsel deputy premier captain colonel major \
     sergeant lieutenant admiral commander inspector superintendent rabbi bishop cardinal \
     archbishop imam pastor coach ceo chairperson treasurer comptroller councilman \
     councilwoman alderman assemblyman assemblywoman delegate trooper detective analyst \
     economist whip executive supervisor councilmember councillor councilor alderwoman \
     assemblymember prosecutor magistrate provost dean chaplain administrator mp mep msp mla \
     advocate defender auditor coroner ombudsman",
);

/// Titles that may be followed by `of` and a place or office inside the title (`Secretary
/// of State`).
pub(super) static OF_TITLES: Words = Words::new(
    "secretary minister director chairman chairwoman speaker president governor mayor \
     ambassador commissioner chancellor chief secretary-general head",
);

/// Capitalised words that describe the person named after them, never part of the name
/// (`Former Obama`, `Plus Obama`).
pub(super) static DESCRIPTORS: Words = Words::new(
    "former late then plus also top senior longtime acting outgoing incoming retired \
     veteran embattled disgraced beleaguered presumptive likely eventual see",
);

/// Offices, departments and portfolios: capitalised before a name they are the rest of a
/// title (`Chancellor of the Exchequer Nigel Lawson`, `Energy Subroto`), never the name.
pub(super) static OFFICES: Words = Words::new(
    "exchequer treasury state interior defense defence justice commerce labor labour \
     agriculture energy mines finance economy trade industry health education \
     transportation transport housing intelligence homeland security foreign affairs \
     environment culture information oil petroleum planning budget development \
     cooperation navy army staff staffs police immigration customs revenue tourism \
     communications telecommunications fisheries forestry veterans",
);

/// Acronyms of countries and unions: before a name, where the person is from.
pub(super) static PLACE_ACRONYMS: Words =
    Words::new("u.s. u.s u.k. uk u.n. un eu e.u. ussr u.s.s.r. usa u.s.a. сша рф ес єс оон нато");

/// Acronyms of countries, which alone are where something happened, not a speaker (`минфин
/// США`); unions and alliances (`EU`, `NATO`) speak.
pub(super) const COUNTRY_ACRONYMS: &[&str] = &[
    "u.s.", "u.s", "us", "u.k.", "uk", "usa", "u.s.a.", "ussr", "u.s.s.r.", "сша", "рф",
];

/// Honorifics: stripped from a name, never kept as a role.
pub(super) static HONORIFICS: Words =
    Words::new("mr. mrs. ms. miss mx. mr mrs ms sir dame lord lady");

/// Lower-case words allowed inside a name between capitalised ones.
pub(super) static PARTICLES: Words =
    Words::new("de van von der den bin al da di du del dos ibn la le ben");

/// Lower-case nouns that make the words before a name a role (`campaign manager Kellyanne
/// Conway`).
pub(super) static ROLE_NOUNS: Words = Words::new(
    "spokesman spokeswoman spokesperson nominee candidate manager chairman chairwoman chair \
     director secretary adviser advisor strategist pollster analyst economist professor \
     leader senator governor president minister official aide chief executive founder head \
     host anchor correspondent reporter editor writer author columnist commentator lawyer \
     attorney counsel representative congressman congresswoman mayor judge ambassador \
     commander general officer surrogate partner member rival challenger opponent runner \
     mate hopeful frontrunner front-runner contender activist expert scholar researcher \
     fellow historian consultant operative lawmaker legislator deputy press staffer wife \
     husband daughter son father mother sister brother friend owner ceo billionaire \
     businessman mogul pastor coach player star actor actress singer rapper comedian \
     moderator speaker whip treasurer superintendent sheriff prosecutor",
);

/// Lower-case words that may stand in a role before a name besides role nouns
/// (`former`, `top`, `longtime`).
pub(super) static ROLE_WORDS: Words = Words::new(
    "former top senior longtime chief deputy acting assistant associate executive vice \
     campaign press state national presidential political general special lead principal \
     managing founding co-founder then-candidate then-president one-time onetime veteran \
     republican democratic independent conservative liberal progressive influential \
     prominent leading fellow outgoing incoming retired party ranking bureau desk staff \
     boss communications policy security foreign defense intelligence finance budget house \
     senate city county white",
);

/// Relations that stand before a name like a role but are none (`his friend Jo Doe`).
pub(super) static RELATIONS: Words = Words::new(
    "wife husband daughter son father mother sister brother friend partner neighbour \
     neighbor cousin uncle aunt grandson granddaughter grandmother grandfather niece nephew",
);

/// Lower-case nouns that make a capitalised word before them an organisation that speaks
/// (`the Clinton campaign said`).
pub(super) const ORG_NOUNS: &[&str] = &["campaign", "administration", "camp", "government", "team"];

/// Words opening a clause before a sentence's subject (`When Meghan joined the family, she
/// said`).
pub(super) const SUBORDINATORS: &[&str] = &[
    "when", "after", "as", "while", "before", "since", "because", "if", "although", "though",
    "once", "until",
];

/// Last words of names that are places or organisations, never a person.
pub(super) static NOT_PERSON_LAST: Words = Words::new(
    "house court department party committee senate congress news post times journal network \
     university institute association center centre council foundation bank group states \
     state city county york carolina dakota virginia jersey hampshire mexico street agency \
     office ministry service administration campaign club company corp. inc. tribune today \
     magazine reuters press fund project union nations republic kingdom army force police \
     co co. corp inc ltd ltd. plc llc ag gmbh sa nv bv ab asa spa",
);

/// Last words of a place people go to (`Madison Square Garden`, `Lincoln Center`), never a
/// speaker, even when its first word is a first name.
pub(super) static VENUES: Words = Words::new(
    "garden gardens square arena stadium plaza airport cathedral mosque avenue boulevard \
     center centre theater theatre coliseum",
);

/// Last words of names that make a speaker an organisation (beside [`NOT_PERSON_LAST`]):
/// `Judicial Watch`, `Global Times`, `Fox News`, `Justice Department`.
pub(super) static ORG_LAST: Words = Words::new(
    "watch commission coalition alliance network board bureau corporation airlines industries \
     motors systems media caller federalist beast examiner herald gazette globe daily weekly \
     mail telegraph guardian observer review monitor wire channel tv radio org online \
     organisation organization council authority embassy consulate cabinet secretariat \
     parliament senate assembly legislature regime command forces ministry pentagon kremlin \
     vatican international partners securities capital exchange reserve institution society \
     federation league academy museum hospital school college tribunal caucus research",
);

/// Nouns that, after `the` (`the court said`, `the company added`), stand for the
/// organisation last named with that word in its name (`4th District Court of Appeal`),
/// like a pronoun. `company` and `firm` stand for a name with a company's ending
/// ([`COMPANY_ENDINGS`]); `paper` and `newspaper` for a newspaper's ([`PAPER_ENDINGS`]).
pub(super) static ORG_HEADS: Words = Words::new(
    "company firm court agency department ministry committee bank university council \
     commission board union association institute foundation group campaign administration \
     government police authority regulator tribunal paper newspaper party fund center centre \
     organization organisation office bureau coalition alliance",
);

/// Last words of an institution's name, which a text may drop after naming it once in full
/// (`Pew` for `Pew Research Center`, `Brookings` for `Brookings Institution`).
pub(super) static INSTITUTION_ENDINGS: Words = Words::new(
    "institution institute foundation center centre fund association council society \
     federation league coalition alliance network project commission committee bank research \
     trust",
);

/// Last words of a company's name: what `the company` and `the firm` may stand for.
pub(super) static COMPANY_ENDINGS: Words = Words::new(
    "co co. corp corp. inc inc. ltd ltd. plc llc ag gmbh sa nv bv ab asa spa company \
     corporation group industries motors systems airlines holdings",
);

/// Last words of a newspaper's name: what `the paper` and `the newspaper` may stand for.
pub(super) static PAPER_ENDINGS: Words = Words::new(
    "times post journal tribune herald gazette globe daily mail telegraph guardian observer \
     chronicle star sun inquirer independent",
);

/// Organisations that speak under a name no list of last words tells (lower case).
pub(super) const ORGANISATIONS: &[&str] = &[
    "white house",
    "kremlin",
    "pentagon",
    "vatican",
    "elysee",
    "élysée",
    "downing street",
    "huffpo",
    "huffpost",
    "politico",
    "axios",
    "breitbart",
    "cnn",
    "msnbc",
    "nbc",
    "abc",
    "cbs",
    "bbc",
    "npr",
    "pbs",
    "afp",
    "ap",
    "upi",
    "tass",
    "xinhua",
    "interfax",
    "bloomberg",
    "variety",
    "propublica",
    "twitter",
    "facebook",
    "google",
    "apple",
    "amazon",
    "microsoft",
    "hamas",
    "hezbollah",
    "taliban",
    "nato",
    "opec",
    "fbi",
    "cia",
    "nsa",
    "epa",
    "irs",
    "sec",
    "dhs",
    "doj",
    "gop",
    "dnc",
    "rnc",
    "aclu",
    "nra",
    "wikileaks",
    "scotland yard",
];

/// Countries that speak as their governments do (`Russia insisted that …`), lower case.
pub(super) const COUNTRIES: &[&str] = &[
    "russia",
    "china",
    "japan",
    "iran",
    "iraq",
    "israel",
    "ukraine",
    "germany",
    "france",
    "britain",
    "india",
    "pakistan",
    "turkey",
    "syria",
    "egypt",
    "mexico",
    "canada",
    "cuba",
    "venezuela",
    "brazil",
    "italy",
    "spain",
    "poland",
    "saudi arabia",
    "south korea",
    "north korea",
    "pyongyang",
    "beijing",
    "moscow",
    "tehran",
    "kyiv",
    "kiev",
    "tokyo",
    "seoul",
    "ankara",
    "damascus",
    "the united states",
    "united states",
    "the united kingdom",
    "united kingdom",
];

/// Last words of names of laws and texts, which never speak (`the Constitution says`, `the
/// Affordable Care Act states`).
pub(super) static TEXTS: Words = Words::new(
    "constitution amendment act law statute clause code charter treaty resolution \
     bible koran quran scripture declaration manifesto ordinance regulation directive \
     pledge oath motto creed",
);

/// Verbs that put out a document (`issued a statement`, `released a letter`).
pub(super) static ISSUE_VERBS: Words = Words::new(
    "issued issues released releases published publishes sent sends circulated distributed \
     shared posted",
);

/// Documents that speak for whoever wrote or issued them (`a memo from the department`, `the
/// Pentagon's report`, `a White House statement`).
pub(super) static DOCUMENTS: Words = Words::new(
    "report reports memo memorandum statement letter study filing ruling release email \
     editorial analysis audit complaint lawsuit column survey tweet post document assessment \
     brief briefing notice guidance review affidavit indictment petition motion warrant \
     transcript book ad advertisement op-ed essay website webpage site blog newsletter video",
);

/// Last words of two-word and longer names of places (`New York`, `South Dakota`).
pub(super) static PLACE_LAST: Words = Words::new(
    "york jersey hampshire mexico carolina dakota virginia city county island islands \
     zealand africa arabia korea kong lanka rico salvador aires janeiro angeles francisco \
     diego orleans vegas lake beach valley district province",
);

/// Last words of organisations' names that name a publication when they stand alone (`The
/// Post`, `the Times`), unlike `the Bank` or `the House`.
pub(super) const PUBLICATIONS: &[&str] = &[
    "post", "times", "journal", "tribune", "news", "magazine", "reuters", "press", "today",
];

/// Words between a speaker and the speech verb that do not change who spoke.
pub(super) static ADVERBS: Words = Words::new(
    "also later then has had have would will once previously recently again further earlier \
     often still just even was is who since already now never ever long first last soon",
);

/// Verbs a headline puts after its subject besides the speech verbs (`Obama Sees …`).
pub(super) static HEADLINE_VERBS: Words = Words::new(
    "calls calling slams slammed blasts blasted rips ripped hammers hammered hits knocks \
     attacks attacked mocks mocked taunts lambasts lashes jabs scolds chides derides \
     dismisses rejects denies defends touts praises lauds hails decries condemns criticizes \
     criticises questions sees saw labels brands dubs likens compares vows pledges promises \
     urges warns tells asks demands says said claims insists admits accuses wants thinks \
     blames explains reveals recalls describes declares predicts fires pushes doubles \
     tweets writes responds reacts rails",
);

/// Words before a headline's subject that are not part of the name (`Rep.`, `Former`).
pub(super) static BEFORE_SUBJECT: Words =
    Words::new("former ex- ex new gop democrat republican the");

/// Auxiliary verbs, which a noun phrase never holds.
pub(super) static AUXILIARIES: Words = Words::new(
    "is was are were be been being has have had do does did will would can could should may \
     might must shall",
);

/// Prepositions and other words that end the noun phrase naming a speaker.
pub(super) static NP_BREAKS: Words = Words::new(
    "in on at during after before to from with without by for about over under into as \
     while when since until via through across told who which that whose where and but or \
     because although though if than like near outside inside around amid among against \
     behind speaking asked according following despite per late early this last next \
     earlier later yesterday today tonight recently previously",
);

/// Prepositions whose object is a place or a group, never the subject of a verb after it
/// (`a salesman in New York said`).
pub(super) static PREPOSITIONS: Words = Words::new(
    "in at from near of for with by on into via through across outside inside around amid \
     among against behind to under over per like unlike within throughout toward towards \
     в у на з із зі до за від про для по при из от к с со для",
);

/// Function words that stop a pronoun or name from being the whole subject.
pub(super) const CONJUNCTIONS: &[&str] =
    &["and", "but", "or", "so", "because", "while", "as", "though"];

/// Words a title may leave in lower case.
pub(super) const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is",
    "are", "as", "vs", "but", "nor", "into", "about", "de", "la", "el", "y",
];

/// Words right before an opening mark that announce the name of a work (`on “This Week”`,
/// `the book “…”`).
pub(super) const TITLE_CUES_BEFORE: &[&str] = &[
    "on",
    "titled",
    "entitled",
    "headlined",
    "show",
    "program",
    "programme",
    "series",
    "film",
    "movie",
    "book",
    "song",
    "album",
    "column",
    "article",
    "podcast",
    "newsletter",
    "magazine",
    "documentary",
    "sequel",
    "novel",
    "memoir",
    "play",
    "musical",
    "broadcast",
    "classic",
    "episode",
    "edition",
    "segment",
    "anthem",
    "hit",
    "op-ed",
    "editorial",
    "essay",
    "poem",
    "opera",
    "sitcom",
    "blog",
    "video",
    "ad",
    "headline",
    "nickname",
    "so-called",
    // Genres: `British comedy “Fleabag”`, `biopic “Judy”`.
    "comedy",
    "drama",
    "thriller",
    "biopic",
    "satire",
    "miniseries",
    "cartoon",
    "western",
    "adaptation",
];

/// Words before `of` that make what follows the name of a work (`an episode of “…”`).
pub(super) const TITLE_CUES_OF: &[&str] = &[
    "episode",
    "edition",
    "author",
    "co-author",
    "host",
    "hosts",
    "co-host",
    "star",
    "stars",
    "broadcast",
    "editor",
    "co-editor",
    "creator",
    "season",
    "cast",
    "premiere",
    "finale",
    "producer",
];

/// Words right after a closing mark that make the quote the name of a work (`“…” star`).
pub(super) const TITLE_CUES_AFTER: &[&str] = &[
    "show",
    "program",
    "programme",
    "host",
    "co-host",
    "anchor",
    "star",
    "broadcast",
    "segment",
    "podcast",
    "series",
    "film",
    "movie",
    "book",
    "author",
    "episode",
    "radio",
    "sequel",
    "franchise",
    "album",
    "song",
    "tour",
    "newsletter",
    "column",
    "documentary",
    "special",
    "actor",
    "actress",
    "creator",
];

/// Words after a title that opens its sentence which make it the name of a work (`“Title”
/// star Ann Doe said`).
pub(super) const TITLE_ROLES_AFTER: &[&str] = &[
    "star",
    "host",
    "co-host",
    "anchor",
    "actor",
    "actress",
    "creator",
    "author",
    "director",
    "producer",
    "writer",
    "showrunner",
    "cast",
    "singer",
    "composer",
];

/// Two words right before an opening mark that announce the name of a work (`starred in
/// “…”`, `an interview with “…”`).
pub(super) const TITLE_CUES_PREP: &[(&str, &str)] = &[
    ("starred", "in"),
    ("starring", "in"),
    ("stars", "in"),
    ("star", "in"),
    ("role", "in"),
    ("roles", "in"),
    ("appeared", "on"),
    ("appearing", "on"),
    ("appearance", "on"),
    ("appeared", "in"),
    ("performance", "in"),
    ("performances", "in"),
    ("turn", "in"),
    ("appears", "in"),
    ("appear", "in"),
    ("interview", "with"),
    ("interview", "on"),
    ("speaking", "to"),
];

/// Nouns of an office or standing that, after `the` (`the president added`), stand for the
/// person last spoken of, like a pronoun. Offices held by many (`the spokesman`, `the
/// official`) are not among them: those are often people never named.
pub(super) static ANAPHORIC_ROLES: Words = Words::new(
    "president senator governor mayor envoy ambassador candidate nominee billionaire \
     congressman congresswoman chairman chairwoman judge businessman premier chancellor \
     frontrunner front-runner mp lawmaker aide adviser advisor strategist columnist \
     commentator pope pontiff leader neurosurgeon surgeon economist professor \
     author actor actress singer rapper tycoon mogul activist pastor preacher",
);

/// More nouns that, after `the` (`the radioman pointed out`, `the investor said`), stand for
/// the person last spoken of, in the singular only: their plurals (`the lawyers`, `the
/// executives`) are bodies of people, not a pair named before. (Not nouns of the many who
/// go unnamed, `the prosecutor`, `the doctor`, `the director`, `the editor`; `the lawyer`
/// and `the executive` introduced without a name are that person: see
/// `attribution::introduced_unnamed`.)
pub(super) static EPITHETS: Words = Words::new(
    "host anchor radioman broadcaster pundit blogger critic journalist \
     publisher writer novelist poet playwright historian scientist physicist philosopher \
     theologian investor entrepreneur executive ceo founder co-founder cofounder \
     financier banker magnate heiress philanthropist millionaire \
     quarterback athlete star comedian celebrity filmmaker producer artist \
     sheriff superintendent admiral commander \
     bishop cardinal rabbi imam cleric priest evangelist televangelist diplomat \
     politician legislator king queen prince princess monarch dictator strongman \
     hopeful contender challenger incumbent pollster lawyer attorney",
);

/// First names read as a woman's or a man's, for `she` and `he` to agree with (a short
/// list of common English ones; a name on neither list agrees with both, so names given to
/// both, like Terry, Jordan, Chris, Kelly or Jean, are on neither).
pub(super) static FEMALE_NAMES: Words = Words::new(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa \
     betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa \
     deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna \
     brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn \
     janet ruth maria heather diane virginia julie joyce victoria olivia christina \
     lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria \
     ann kathryn alice judy sophia grace denise amber doris marilyn danielle beverly \
     isabella theresa diana natalie brittany charlotte marie kayla alexis lori hillary \
     hope kellyanne sheryl condoleezza nikki huma elise claudia bernice gayle terrie \
     felicia chelsea ivanka melania michele tulsi kamala loretta valerie \
     sally dianne kirsten tammy maxine debbie jeanne katie kate jane sue ellen \
     abigail ada adriana agnes aisha alexandra alexandria alicia alison allison alyssa \
     amelia ana angelina anita annette april ariana audrey ava beatrice bella betsy brooke \
     caitlin camila camilla candace cara carla carly carmen caroline cassandra cecilia \
     charlene chloe claire clara colleen courtney crystal daisy daphne dawn eileen elaine \
     eleanor elena eliza ella ellie eloise emilia erica erin esther eva eve fatima fiona \
     florence gabriela gabrielle georgia gina greta gwen harriet hazel heidi holly ida \
     ilhan imogen irene iris isabel jade janice jasmine jenna jenny jill joanna jocelyn \
     josephine joy juanita julia juliet june kathy katrina kendra kristen kristin kylie \
     leah leila lena lily lillian liz lorraine louise lucia lucy lydia madeline madison \
     margot mariana marina marjorie marsha maya meghan megyn melanie melinda \
     miriam molly monica nadia naomi natasha nina nora norma olga oprah paige paula \
     pauline penelope phyllis priscilla rachael regina renee rita roberta rosa rosalind \
     rose rosemary sabrina sadie sara selena serena sheila sofia sonia sophie stacey \
     stella svetlana sylvia tamara tanya tara teresa tina ursula vanessa vera veronica \
     vivian wanda wendy whitney yolanda yvonne zoe",
);

/// Words in or right before a name that tell a woman (`Mrs. Doe`, `Princess Anne`, `his
/// wife, Heidi`), for `she` and `he` to agree with.
pub(super) static FEMALE_CUES: Words = Words::new(
    "mrs. mrs ms. ms miss lady dame madam madame queen princess duchess countess baroness \
     empress congresswoman chairwoman spokeswoman businesswoman councilwoman anchorwoman \
     sister mother wife daughter widow grandmother granddaughter girlfriend actress aunt \
     niece stepmother mom mum",
);

/// See [`FEMALE_CUES`].
pub(super) static MALE_CUES: Words = Words::new(
    "mr. mr sir lord king prince duke baron emperor pope sheikh congressman chairman \
     spokesman businessman councilman anchorman brother father husband son widower \
     grandfather grandson boyfriend actor uncle nephew stepfather dad",
);

/// See [`FEMALE_NAMES`].
pub(super) static MALE_NAMES: Words = Words::new(
    "james robert john michael david william richard joseph thomas charles christopher \
     daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george \
     timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry \
     justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack \
     dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter \
     noah jeremy christian keith roger gerald harold sean austin carl arthur lawrence \
     dylan bryan billy joe bruce gabriel logan albert willie alan juan wayne \
     elijah randy roy vincent ralph eugene russell bobby mason philip louis barack bernie \
     ted jeb marco rand ben mike jim tim bill bob tom dick newt mitch harry chuck \
     rudy reince corey jared eddie will don dave jeff jorge \
     abdul abraham adrian ahmed alberto alfred ali alistair andre andres angus antonio \
     archie arnold barry bernard blake boris brad bradley brett caleb calvin carlos cesar \
     chad clarence clark claude clifford clint colin connor craig curtis dale dan dean \
     derek desmond dmitry dominic doug duncan dwight edgar edwin elliot emmanuel enrique \
     ernest felix fernando francis francisco fred frederick gavin geoffrey gilbert glenn \
     gordon graham grant greg hans harvey hassan hector herbert howard hugh hugo ian igor \
     isaac ivan jake javier jay jimmy joel johnny jon jonah josh julian karl ken kenny \
     kurt lance leo leon leonard lewis liam lloyd luis luke malcolm manuel marcus mario \
     martin marvin matt max mitt mohamed mohammed muhammad neil nelson nick nigel norman \
     oliver omar oscar owen pablo pedro pete phil rafael rahm ramon randall ray reggie rex \
     ricardo rick ricky rob rodney ron ross rupert sanjay sergei seth shane simon stanley \
     stuart steve theodore todd tony travis trevor victor viktor vladimir wade warren \
     wesley xavier yusuf zach",
);

/// Words right before an opening mark that quote words as words, not as speech (`the
/// phrase “…”`, `the motto “…”`).
pub(super) const MENTION_CUES: &[&str] = &[
    "phrase",
    "phrases",
    "term",
    "terms",
    "word",
    "words",
    "slogan",
    "slogans",
    "motto",
    "mottos",
    "catchphrase",
    "inscription",
    "expression",
    "label",
    "acronym",
];

/// Things that carry words (`a sign reading “…”`).
pub(super) const SIGNS: &[&str] = &[
    "sign",
    "signs",
    "banner",
    "banners",
    "placard",
    "placards",
    "poster",
    "posters",
    "shirt",
    "shirts",
    "t-shirt",
    "t-shirts",
    "cap",
    "caps",
    "hat",
    "hats",
    "sticker",
    "stickers",
    "cover",
    "billboard",
    "plaque",
];

/// Short forms of English first names and the full names they stand for (lower case), for
/// finding a speaker's fullest name when an article writes both (`Dick Blumenthal`, `Sen.
/// Richard Blumenthal`).
pub(super) const NICKNAMES: &[(&str, &[&str])] = &[
    ("dick", &["richard"]),
    ("rick", &["richard", "frederick", "eric"]),
    ("rich", &["richard"]),
    ("bill", &["william"]),
    ("billy", &["william"]),
    ("will", &["william"]),
    ("bob", &["robert"]),
    ("bobby", &["robert"]),
    ("rob", &["robert"]),
    ("jim", &["james"]),
    ("jimmy", &["james"]),
    ("mike", &["michael"]),
    ("tom", &["thomas"]),
    ("tommy", &["thomas"]),
    ("joe", &["joseph"]),
    ("chuck", &["charles"]),
    ("charlie", &["charles"]),
    ("ted", &["edward", "theodore"]),
    ("ed", &["edward", "edwin"]),
    ("eddie", &["edward"]),
    ("dan", &["daniel"]),
    ("danny", &["daniel"]),
    ("dave", &["david"]),
    ("steve", &["steven", "stephen"]),
    ("chris", &["christopher", "christine", "christina"]),
    ("tony", &["anthony"]),
    ("nick", &["nicholas"]),
    ("sam", &["samuel", "samantha"]),
    ("ben", &["benjamin"]),
    ("matt", &["matthew"]),
    ("pat", &["patrick", "patricia"]),
    ("andy", &["andrew"]),
    ("alex", &["alexander", "alexandra"]),
    ("jon", &["jonathan"]),
    ("larry", &["lawrence"]),
    ("jerry", &["gerald", "jerome"]),
    ("fred", &["frederick"]),
    ("ron", &["ronald"]),
    ("don", &["donald"]),
    ("greg", &["gregory"]),
    ("jeff", &["jeffrey"]),
    ("ken", &["kenneth"]),
    ("tim", &["timothy"]),
    ("hank", &["henry"]),
    ("harry", &["henry", "harold"]),
    ("jack", &["john"]),
    ("johnny", &["john"]),
    ("mitch", &["mitchell"]),
    ("newt", &["newton"]),
    ("liz", &["elizabeth"]),
    ("beth", &["elizabeth"]),
    ("betsy", &["elizabeth"]),
    ("kate", &["katherine", "kathleen", "catherine"]),
    ("kathy", &["katherine", "kathleen", "kathryn"]),
    ("sue", &["susan"]),
    ("peggy", &["margaret"]),
    ("maggie", &["margaret"]),
    ("jenny", &["jennifer"]),
    ("debbie", &["deborah"]),
];

/// Whether `short` is a short form of the first name `full` (both lower case).
pub(super) fn is_nickname_of(short: &str, full: &str) -> bool {
    full_forms(short).contains(&full)
}

/// The first names `short` is a short form of (`jim` → `james`), lower case; none for a
/// name that is no short form.
pub(crate) fn full_forms(short: &str) -> &'static [&'static str] {
    NICKNAMES
        .iter()
        .find(|(n, _)| *n == short)
        .map_or(&[], |(_, fulls)| fulls)
}

#[cfg(test)]
mod tests {
    use super::{is_abbreviation, is_cue_word};

    #[test]
    fn cue_words_announce_quoted_language() {
        for w in [
            "said",
            "tweeting",
            "calling",
            "slogan",
            "chants",
            "coined",
            "according",
        ] {
            assert!(is_cue_word(w), "{w}");
        }
        for w in ["bridge", "so-called", "week", "ran"] {
            assert!(!is_cue_word(w), "{w}");
        }
        assert!(is_abbreviation("gov") && !is_abbreviation("said"));
    }
}
