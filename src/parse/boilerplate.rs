//! Paragraphs of a page's main text that are page furniture no class name marked: calls to
//! follow or subscribe, the labels and buttons of a site's interface ("Mehr zum Thema", "Share
//! this article", "Leave a comment", "Wird geladen") and a date standing alone, perhaps with
//! its time (the page's stamp, not its text). Each is judged on the paragraph alone, in one pass of
//! [`is_boilerplate`], so that the same words inside a sentence of the article stay.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{page_date, text};

/// Whether a paragraph of a page's main text is furniture rather than the article's text.
/// Every rule looks at short paragraphs only, in lower case, made once.
pub(super) fn is_boilerplate(p: &str) -> bool {
    if p.len() > PROMOTION_MAX {
        return false;
    }
    let lower = p.to_lowercase();
    interface_label(&lower) || stamp_only(&lower) || promotion(&lower)
}

/// The longest paragraph [`interface_label`] looks at.
const LABEL_MAX: usize = 60;

/// A paragraph that is, as a whole, one of the labels and buttons sites put around an article
/// in the common languages of the web: headings of related or popular lists, tags and
/// categories, sharing, comments, loading, printing, advertising, contact and metadata labels.
/// Case, white space and closing punctuation (`:`, `!`, `?`, `…`, arrows) do not matter.
fn interface_label(lower: &str) -> bool {
    if lower.len() > LABEL_MAX || lower.contains('\n') {
        return false;
    }
    let trim: &[char] = &[
        ':', '!', '?', '.', '…', '»', '«', '›', '‹', '>', '<', '→', '←', '|', '-', '–', '—', '(',
        ')', '[', ']', '+', '*',
    ];
    let core = lower.trim_matches(|c: char| c.is_whitespace() || trim.contains(&c));
    if core.is_empty() {
        return false;
    }
    INTERFACE_LABELS.contains(text::collapse(core).as_str())
}

/// The labels [`interface_label`] knows, lower case, without closing punctuation.
static INTERFACE_LABELS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    #[rustfmt::skip]
    const LABELS: &[&str] = &[
        // Related, recommended and popular lists.
        "related", "related articles", "related posts", "related stories", "related content",
        "related topics", "related news", "read more", "read also", "read next", "see also",
        "more on this topic", "more on this story", "more stories", "more news",
        "you may also like", "you might also like", "you may be interested in",
        "recommended", "recommended for you", "recommended articles", "most read", "most popular",
        "popular posts", "recent posts", "latest posts", "latest news", "latest stories",
        "explore further", "further reading", "trending now", "up next", "next article",
        "previous article", "next post", "previous post", "don't miss", "editor's picks",
        "mehr zum thema", "mehr zu diesem thema", "mehr dazu", "mehr lesen", "mehr themen",
        "weitere artikel", "weitere artikel zum thema", "weitere beiträge", "weitere themen",
        "weitere meldungen", "weitere nachrichten", "weitere informationen",
        "das könnte sie auch interessieren", "das könnte dich auch interessieren",
        "das könnte ihnen auch gefallen", "das könnte dir auch gefallen", "auch interessant",
        "ebenfalls interessant", "lesen sie auch", "lesen sie mehr", "lies auch", "auch lesen",
        "zum weiterlesen", "weiterlesen", "meistgelesen", "meist gelesen", "meistgelesene artikel",
        "meist gelesene artikel", "meistgelesene beiträge", "empfohlene beiträge",
        "empfohlene artikel", "ähnliche beiträge", "ähnliche artikel", "verwandte artikel",
        "verwandte beiträge", "verwandte themen", "neueste beiträge", "neueste artikel",
        "aktuelle beiträge", "aktuelle artikel", "beliebte beiträge", "beliebte artikel",
        "vorheriger artikel", "nächster artikel", "vorheriger beitrag", "nächster beitrag",
        "vorschau auf den nächsten artikel", "zurück zur übersicht", "alle artikel",
        "à lire aussi", "a lire aussi", "lire aussi", "lire la suite", "voir aussi",
        "sur le même sujet", "articles similaires", "articles liés", "les plus lus",
        "à voir aussi", "dans la même rubrique", "lee también", "leer también", "leer más",
        "te puede interesar", "también te puede interesar", "noticias relacionadas",
        "artículos relacionados", "lo más leído", "más leídas", "más leído", "ver también",
        "leggi anche", "leggi di più", "articoli correlati", "potrebbe interessarti",
        "i più letti", "veja também", "leia também", "leia mais", "notícias relacionadas",
        "mais lidas", "czytaj też", "czytaj także", "czytaj więcej", "zobacz też",
        "zobacz także", "podobne artykuły", "najczęściej czytane", "polecane", "lees ook",
        "lees meer", "meer over", "gerelateerde artikelen", "meest gelezen",
        // Tags and categories.
        "tags", "tagged", "tagged with", "topics", "categories", "category", "filed under",
        "posted in", "schlagworte", "schlagwörter", "schlagworte zum thema", "stichworte",
        "stichwörter", "themen", "kategorie", "kategorien", "abgelegt unter",
        "getaggt mit", "markiert", "veröffentlicht in", "étiquettes", "mots-clés", "mots clés",
        "catégories", "etiquetas", "categorías", "temas", "argomenti", "tagi",
        "kategorie wpisu", "trefwoorden",
        // Sharing, printing, saving.
        "share", "share this", "share this article", "share this post", "share this story",
        "share on", "share article", "print", "print this article", "email this", "save",
        "teilen", "jetzt teilen", "artikel teilen", "diesen artikel teilen", "beitrag teilen",
        "teilen mit", "teilen sie dies mit", "sharen mit", "seite teilen", "drucken",
        "artikel drucken", "merken", "partager", "partager cet article", "imprimer",
        "compartir", "comparte", "compartir en", "imprimir", "condividi", "stampa",
        "udostępnij", "drukuj", "compartilhe", "compartilhar", "delen", "deel dit artikel",
        "war der artikel nützlich", "war dieser artikel hilfreich", "möchten sie den artikel teilen",
        "was this article helpful",
        // Comments.
        "comments", "comment", "no comments", "leave a comment", "leave a reply",
        "post a comment", "write a comment", "add a comment", "comments are closed",
        "show comments", "view comments", "kommentare", "kommentar", "keine kommentare",
        "kommentieren", "kommentar schreiben", "schreibe einen kommentar",
        "kommentare geschlossen", "kommentare anzeigen", "kommentare insgesamt",
        "commentaires", "commentaire", "laisser un commentaire", "réagir", "comentarios",
        "comentario", "deja un comentario", "deja tu comentario", "commenti", "commenta",
        "lascia un commento", "komentarze", "skomentuj", "dodaj komentarz", "comentários",
        "deixe um comentário", "reacties", "reageer",
        // Loading, media and page furniture.
        "loading", "wird geladen", "lädt", "laden", "cargando", "chargement", "caricamento",
        "ładowanie", "carregando", "bild anzeigen", "bild vergrößern", "beitragsbild",
        "titelbild", "advertisement", "advertising", "sponsored", "sponsored content",
        "anzeige", "werbung", "publicidad", "publicité", "pubblicità", "reklama",
        "publicidade", "advertentie", "externer inhalt", "inhaltsverzeichnis",
        "table of contents", "contents", "sommaire", "índice", "indice", "spis treści",
        "back to top", "nach oben", "zum seitenanfang", "haut de page", "volver arriba",
        "skip to content", "zum inhalt springen", "close", "schließen", "fermer", "cerrar",
        "newsletter", "jetzt abonnieren", "lust auf mehr",
        // Contact and metadata labels.
        "contact", "contact us", "kontakt", "ansprechpartner", "ansprechpartnerin",
        "pressekontakt", "telefon", "tel", "fax", "e-mail", "email", "adresse", "address",
        "by", "von", "par", "por", "autor", "autorin", "author", "autoren", "authors",
        "credit", "credits", "photo", "photos", "foto", "fotos", "bild", "bilder", "quelle",
        "quellen", "source", "sources", "quellenangaben", "fuente", "źródło",
        "release date", "last modified", "last updated", "updated", "published",
        "aktualisiert", "aktualisiert am", "veröffentlicht", "veröffentlicht am", "erstellt am",
        "publié le", "mis à jour le", "publicado", "actualizado", "pubblicato", "opublikowano",
        "views", "aufrufe", "reading time", "lesezeit", "zusatzinformationen",
    ];
    LABELS.iter().copied().collect()
});

/// A paragraph that is only a date, perhaps with its time ("23.10.2018", "11 Jan 2019", "7.
/// oktober 2020", "Sonntag, 06. Februar 2022 um 21:17"): every word a number, a month's name,
/// a weekday or a clock word, with a day's shape (a month's name and a number, or a date
/// [`page_date::in_text`] reads). Numbers or times alone are not one: tables, lists and
/// schedules set them in cells of their own.
fn stamp_only(lower: &str) -> bool {
    const CLOCK: &[&str] = &[
        "am", "pm", "uhr", "h", "utc", "gmt", "cet", "cest", "est", "edt", "pst", "pdt", "ist",
        "um", "at", "à", "de", "del", "of",
    ];
    #[rustfmt::skip]
    const WEEKDAYS: &[&str] = &[
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "mo", "di", "mi", "do", "fr", "sa", "so",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes",
        "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    ];
    // A range ("23.10.2015 - 25.10.2015", "13:15 Uhr – 19:00 Uhr") is an event's, not a stamp.
    if lower.len() > 40
        || !lower.bytes().any(|b| b.is_ascii_digit())
        || lower.contains(" - ")
        || lower.contains(['–', '—'])
    {
        return false;
    }
    let (mut numbers, mut months) = (0, 0);
    let words_fit = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ':' | '/' | '-' | '|'))
        .filter(|w| !w.is_empty())
        .all(|w| {
            if w.bytes().all(|b| b.is_ascii_digit()) {
                numbers += 1;
                return w.len() <= 4;
            }
            // `2:54pm`, `10h`, `5th`
            let rest = w.trim_start_matches(|c: char| c.is_ascii_digit());
            if rest.len() < w.len() {
                numbers += 1;
                return matches!(rest, "am" | "pm" | "h" | "st" | "nd" | "rd" | "th");
            }
            if page_date::month_named(w).is_some() {
                months += 1;
                return true;
            }
            CLOCK.contains(&w) || WEEKDAYS.contains(&w)
        });
    words_fit && ((months > 0 && numbers > 0) || page_date::in_text(lower, false).is_some())
}

/// The longest paragraph [`promotion`] looks at: a call to follow or subscribe is a line or
/// two; a longer paragraph that names a network is about it.
pub(super) const PROMOTION_MAX: usize = 300;

/// A short paragraph that asks the reader to follow, subscribe or download somewhere ("Follow
/// us on Twitter and Facebook", "Sign up to our newsletter", "Síguenos en Telegram"):
/// promotion that sites set among the article's own paragraphs, where no class name marks it.
/// Both a call and a channel must be there, or a word of subscribing in a paragraph that
/// speaks to the reader, so that a paragraph of news about a network or a newsletter stays.
fn promotion(lower: &str) -> bool {
    const CALL: u8 = 1;
    const CHANNEL: u8 = 2;
    const SUBSCRIBING: u8 = 4;
    const READER: u8 = 8;
    let mut seen = 0u8;
    for w in lower.split(|c: char| !c.is_alphanumeric()) {
        seen |= PROMOTION_WORDS.get(w).copied().unwrap_or(0);
        if seen & (CALL | CHANNEL) == CALL | CHANNEL
            || seen & (SUBSCRIBING | READER) == SUBSCRIBING | READER
        {
            return true;
        }
    }
    false
}

/// The words [`promotion`] looks for, each with the kinds it is (bits: 1 a call, 2 a
/// channel, 4 subscribing, 8 speaking to the reader), in one table: a lookup per word.
static PROMOTION_WORDS: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    const CALLS: &[&str] = &[
        "follow",
        "subscribe",
        "sign",
        "signing",
        "download",
        "join",
        "síguenos",
        "siguenos",
        "sígannos",
        "suscríbete",
        "suscribete",
        "únete",
        "unete",
        "descarga",
        "descargue",
        "mira",
        "folgen",
        "folgt",
        "folge",
        "abonnieren",
        "abonniere",
        "abonniert",
        "suivez",
        "abonnez",
        "inscrivez",
        "téléchargez",
        "rejoignez",
        "seguici",
        "iscriviti",
        "scarica",
        "segui",
        "siga",
        "inscreva",
        "baixe",
        "obserwuj",
        "zapraszamy",
        "subskrybuj",
        "volg",
        "abonneer",
        "meld",
    ];
    const CHANNELS: &[&str] = &[
        "twitter",
        "facebook",
        "instagram",
        "telegram",
        "whatsapp",
        "youtube",
        "tiktok",
        "linkedin",
        "pinterest",
        "newsletter",
        "newsletters",
        "podcast",
        "app",
        "apps",
        "rss",
        "edition",
        "canal",
        "channel",
        "kanal",
        "subskrypcji",
    ];
    // Words of subscribing, which a paragraph that also speaks to the reader ("please", "you",
    // "our") only uses to sell: "To read the full story, please subscribe".
    const SUBSCRIBING: &[&str] = &[
        "subscribe",
        "subscriber",
        "subscribers",
        "subscription",
        "abonnieren",
        "abonnent",
        "abonnenten",
        "abonnement",
        "suscríbete",
        "suscribete",
        "suscriptor",
        "suscriptores",
        "abonnez",
        "abonné",
        "abonnés",
    ];
    const READER: &[&str] = &[
        "you", "your", "please", "our", "us", "sie", "ihr", "du", "unser", "unsere", "unseren",
        "tu", "te", "usted", "nuestro", "nuestra", "vous", "votre", "nous", "notre",
    ];
    let mut words = FxHashMap::default();
    for (list, kind) in [(CALLS, 1), (CHANNELS, 2), (SUBSCRIBING, 4), (READER, 8)] {
        for w in list {
            *words.entry(*w).or_default() |= kind;
        }
    }
    words
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interface_labels_are_furniture_and_the_same_words_in_a_sentence_are_not() {
        for label in [
            "Mehr zum Thema",
            "Zum Weiterlesen:",
            "Das könnte Sie auch interessieren!",
            "Share this article",
            "  Leave a   Reply ",
            "Wird geladen …",
            "- Advertisement -",
            "Kontakt:",
            "À lire aussi :",
            "Lee también...",
        ] {
            assert!(is_boilerplate(label), "{label:?}");
        }
        for text in [
            "Mehr zum Thema Klimaschutz sagte die Ministerin am Montag.",
            "Read more about the council's plan on page 4.",
            "Kontakt zur Polizei hatte der Mann nicht.",
            "Thema",
            "Tag",
            "Comments were made by the mayor, who said the plan was sound.",
        ] {
            assert!(!is_boilerplate(text), "{text:?}");
        }
    }

    #[test]
    fn a_date_alone_is_a_stamp_and_numbers_times_and_ranges_are_not() {
        for stamp in [
            "23.10.2018",
            "11 Jan 2019",
            "7. oktober 2020",
            "Sonntag, 06. Februar 2022",
            "14. 01. 2020, 20:52",
            "Feb 14, 2016 10:47 AM EST",
            "2023-11-03",
            "September 2021",
        ] {
            assert!(is_boilerplate(stamp), "{stamp:?}");
        }
        for kept in [
            "1992",
            "4:00 PM",
            "402,403,410",
            "274-277",
            "23.10.2015 - 25.10.2015",
            "30. März 2020, 13:15 Uhr – 19:00 Uhr",
            "7. oktober 2020 kam der Rat zusammen",
            "On 11 Jan 2019 the bridge closed.",
        ] {
            assert!(!is_boilerplate(kept), "{kept:?}");
        }
    }
}
